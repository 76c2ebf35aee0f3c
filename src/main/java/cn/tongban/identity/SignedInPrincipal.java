package cn.tongban.identity;

import java.util.Collection;
import java.util.stream.Stream;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Someone signed in with a password — a staff member or a citizen: their account for Spring Security, who they are
 * for Tongban, and for a citizen the blind index their records are filed under.
 */
final class SignedInPrincipal implements UserDetails, CredentialsContainer {

    private final Caller caller;
    private final boolean enabled;
    private final boolean locked;
    private final String subjectIndex;
    private String passwordHash;

    SignedInPrincipal(Caller caller, String passwordHash, boolean enabled, boolean locked) {
        this(caller, passwordHash, enabled, locked, null);
    }

    SignedInPrincipal(Caller caller, String passwordHash, boolean enabled, boolean locked, String subjectIndex) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.subjectIndex = subjectIndex;
    }

    Caller caller() {
        return caller;
    }

    /** A citizen's blind index; {@code null} for staff. */
    String subjectIndex() {
        return subjectIndex;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(caller);
    }

    static Collection<GrantedAuthority> authorities(Caller caller) {
        return Stream.concat(caller.permissions().stream(), caller.roles().stream().map(r -> "ROLE_" + r))
                .map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.actorId();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
