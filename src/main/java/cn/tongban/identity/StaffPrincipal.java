package cn.tongban.identity;

import java.util.Collection;
import java.util.stream.Stream;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in staff member: their account for Spring Security, and who they are for Tongban. */
final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final Caller caller;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    StaffPrincipal(Caller caller, String passwordHash, boolean enabled, boolean locked) {
        this.caller = caller;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    Caller caller() {
        return caller;
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
