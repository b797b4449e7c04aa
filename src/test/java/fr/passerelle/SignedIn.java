package fr.passerelle;

import fr.passerelle.identity.PasserelleUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Service-level tests act as a demo account: its authorities in the security context of the thread. */
public final class SignedIn {

    private SignedIn() {}

    public static PasserelleUser as(UserDetailsService users, String username) {
        PasserelleUser user = (PasserelleUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }
}
