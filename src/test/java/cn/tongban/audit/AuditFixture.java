package cn.tongban.audit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;

/** Callers, subjects and sign-ins for the audit tests. */
final class AuditFixture {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AuditFixture() {
    }

    /** A blind index as the calling modules compute it: 64 hex digits. */
    static String subjectIndex() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String unique(String prefix) {
        return prefix + "-" + TestData.next();
    }

    static Caller staff(String actorId, String departmentName) {
        return new Caller(actorId, ActorKind.STAFF, "11320400MB0000000X", departmentName, null, Set.of(), true,
                Set.of("CLERK"), Set.of(), Set.of(), "10.0.0.7");
    }

    static Caller citizen(String actorId) {
        return new Caller(actorId, ActorKind.CITIZEN, null, null, null, Set.of(), false, Set.of(), Set.of(), Set.of(),
                "192.0.2.1");
    }

    /** An authentication carrying the caller, as identity will sign callers in. */
    static UsernamePasswordAuthenticationToken authentication(Caller caller, String... authorities) {
        return new UsernamePasswordAuthenticationToken(caller, null,
                List.of(authorities).stream().map(SimpleGrantedAuthority::new).toList());
    }

    /** Runs the work signed in as the caller, outside any request. */
    static void as(Caller caller, Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(authentication(caller));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
