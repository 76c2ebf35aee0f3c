package cn.tongban.identity;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Work the platform does on its own — loading the demo city, scheduled jobs — runs as a named platform actor with
 * city-wide scope, so that it passes the same scope checks and leaves the same audit trail as a person would.
 */
public final class PlatformActor {

    private PlatformActor() {
    }

    public static <T> T call(String actorId, Supplier<T> work) {
        Caller platform = new Caller(actorId, ActorKind.SYSTEM, null, "通办平台", null, Set.of(), true, Set.of(),
                Permissions.ALL.keySet(), Set.of(), null);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(platform, null, SignedInPrincipal.authorities(platform)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(String actorId, Runnable work) {
        call(actorId, () -> {
            work.run();
            return null;
        });
    }
}
