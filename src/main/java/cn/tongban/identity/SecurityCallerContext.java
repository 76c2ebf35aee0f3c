package cn.tongban.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Derives the {@link Caller} from Spring Security's authentication of the current request. Until the caller model
 * of issue #3 is complete, an authentication without Tongban details counts as a staff member with city-wide scope
 * and its authorities as permissions.
 */
@Component
class SecurityCallerContext implements CurrentCaller {

    @Override
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getPrincipal())) {
            return Caller.ANONYMOUS;
        }
        if (authentication.getDetails() instanceof Caller caller) {
            return caller;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Caller(authentication.getName(), ActorKind.STAFF, null, null, null, Set.of(), true,
                authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet()),
                authorities, Set.of(), remoteAddress());
    }

    static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
