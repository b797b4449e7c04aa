package fr.passerelle.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network of a client address, for limits per address (issuing consultation participants,
 * failed sign-ins): the address with all but its first bits cleared ({@code 203.0.113.0/24}, {@code 2001:db8:1:2::/64}). Only IP literals
 * are read (never a name to resolve); anything else (an address with a zone, say) stands for its
 * own network, as it is, so that it is limited too.
 */
public final class ClientNetworks {

    /** Dotted IPv4, or IPv6 (with a colon, which no host name has). */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    private ClientNetworks() {}

    /** The address in its canonical form (one spelling per IPv6 address); as it is when not an IP literal. */
    public static String canonical(String address) {
        InetAddress parsed = parse(address);
        return parsed == null ? String.valueOf(address) : parsed.getHostAddress();
    }

    /** The network of the address, keeping {@code ipv4Prefix} or {@code ipv6Prefix} bits; the address as it is when not an IP literal. */
    public static String networkOf(String address, int ipv4Prefix, int ipv6Prefix) {
        InetAddress parsed = parse(address);
        if (parsed == null) {
            return String.valueOf(address);
        }
        byte[] bytes = parsed.getAddress();
        int prefix = bytes.length == 4 ? ipv4Prefix : ipv6Prefix;
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            bytes[i] = (byte) (bytes[i] & (0xFF << (8 - keep)));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static InetAddress parse(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            // An IP literal (checked above): no name is looked up.
            return InetAddress.getByName(address);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
