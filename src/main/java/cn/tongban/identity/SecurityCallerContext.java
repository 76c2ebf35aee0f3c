package cn.tongban.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@link Caller} of the current request, from Spring Security's authentication: a signed-in staff member
 * ({@link SignedInPrincipal}), or a department system's bearer token whose claims {@link TokenClaims} wrote.
 */
@Component
class SecurityCallerContext implements CurrentCaller {

    /** The caller as resolved for one authentication, kept with the request: a request asks for it many times. */
    private record Resolved(Authentication authentication, Caller caller) {
    }

    private static final String RESOLVED = SecurityCallerContext.class.getName() + ".caller";

    @Override
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getPrincipal())) {
            return Caller.ANONYMOUS;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return resolve(authentication);
        }
        // the same authentication object: the same caller (a new sign-in within the request replaces the object)
        if (request.getAttribute(RESOLVED, ServletRequestAttributes.SCOPE_REQUEST) instanceof Resolved resolved
                && resolved.authentication() == authentication) {
            return resolved.caller();
        }
        Caller caller = resolve(authentication);
        request.setAttribute(RESOLVED, new Resolved(authentication, caller), ServletRequestAttributes.SCOPE_REQUEST);
        return caller;
    }

    private static Caller resolve(Authentication authentication) {
        Caller caller;
        if (authentication.getPrincipal() instanceof Caller platform) {
            caller = platform;
        } else if (authentication.getPrincipal() instanceof SignedInPrincipal staff) {
            caller = staff.caller();
        } else if (authentication.getPrincipal() instanceof Jwt jwt) {
            caller = TokenClaims.caller(jwt);
        } else {
            // an authentication Tongban did not issue (tests with spring-security-test): its authorities only,
            // no department and so no district — it sees nothing scoped
            Set<String> authorities = names(authentication.getAuthorities());
            caller = new Caller(authentication.getName(), ActorKind.STAFF, null, null, null, Set.of(), false,
                    authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet()),
                    authorities, Set.of(), null);
        }
        return withAddress(caller);
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static Caller withAddress(Caller c) {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
        return new Caller(c.actorId(), c.kind(), c.departmentCode(), c.departmentName(), c.departmentType(), c.districts(),
                c.allDistricts(), c.roles(), c.permissions(), c.grants(), address);
    }

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
