package cn.tongban.identity;

import java.util.List;
import java.util.Map;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and the CSRF token a browser client sends back on every change. */
@RestController
class SessionController {

    /** What a caller sees of themselves: never a password or a key. */
    record Me(String actorId, ActorKind kind, String departmentCode, String departmentName, DepartmentType departmentType,
            List<String> districts, boolean allDistricts, List<String> roles, List<String> permissions) {
    }

    private final CurrentCaller callers;

    SessionController(CurrentCaller callers) {
        this.callers = callers;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/v1/session")
    Me me() {
        return view(callers.get());
    }

    /** Public: a browser needs the token before it can even sign in. */
    @GetMapping("/api/v1/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(), "token", token.getToken());
    }

    static Me view(Caller c) {
        return new Me(c.actorId(), c.kind(), c.departmentCode(), c.departmentName(), c.departmentType(),
                SecurityCallerContext.sorted(c.districts()), c.allDistricts(), SecurityCallerContext.sorted(c.roles()),
                SecurityCallerContext.sorted(c.permissions()));
    }
}
