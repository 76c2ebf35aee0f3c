package cn.tongban.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in citizen (办事群众): no department, no permissions over others' data, known by their blind index. */
final class CitizenPrincipal implements UserDetails, CredentialsContainer {

    private final Caller caller;
    private final String subjectIndex;
    private final boolean locked;
    private String passwordHash;

    CitizenPrincipal(long accountId, String subjectIndex, String passwordHash, boolean locked) {
        this.caller = new Caller("citizen-" + accountId, ActorKind.CITIZEN, null, null, null, java.util.Set.of(), false,
                java.util.Set.of("citizen"), java.util.Set.of(), java.util.Set.of(), null);
        this.subjectIndex = subjectIndex;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    Caller caller() {
        return caller;
    }

    String subjectIndex() {
        return subjectIndex;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_citizen"));
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
    public void eraseCredentials() {
        passwordHash = null;
    }
}
