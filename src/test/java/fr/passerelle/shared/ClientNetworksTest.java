package fr.passerelle.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The network a client address counts in, for the limits on new participants. */
class ClientNetworksTest {

    @Test
    void anIpv4AddressCountsInItsSlash24AndAnIpv6AddressInItsSlash64WhateverItsSpelling() {
        assertThat(ClientNetworks.networkOf("203.0.113.77", 24, 64)).isEqualTo("203.0.113.0/24");
        assertThat(ClientNetworks.networkOf("203.0.113.77", 16, 64)).isEqualTo("203.0.0.0/16");
        assertThat(ClientNetworks.networkOf("2001:db8:1:2:abcd::9", 24, 64))
                .isEqualTo(ClientNetworks.networkOf("2001:0db8:0001:0002:0000:0000:0000:0001", 24, 64))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientNetworks.networkOf("2001:db8:1:3::1", 24, 64)).isEqualTo("2001:db8:1:3:0:0:0:0/64");
        assertThat(ClientNetworks.networkOf("::ffff:203.0.113.9", 24, 64)).isEqualTo("203.0.113.0/24");
        assertThat(ClientNetworks.canonical("2001:0db8::0001")).isEqualTo(ClientNetworks.canonical("2001:db8:0:0:0:0:0:1"));
    }

    @Test
    void whatIsNoIpLiteralIsNeverLookedUpAndStandsForItself() {
        assertThat(ClientNetworks.networkOf("localhost", 24, 64)).isEqualTo("localhost");
        assertThat(ClientNetworks.networkOf("fe80::1%eth0", 24, 64)).isEqualTo("fe80::1%eth0");
        assertThat(ClientNetworks.canonical("cafe")).isEqualTo("cafe");
        assertThat(ClientNetworks.networkOf(null, 24, 64)).isEqualTo("null");
    }
}
