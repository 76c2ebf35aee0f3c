package cn.tongban.identity;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Form login for an API: success answers 200 with who signed in (no redirect), failure 401 problem+json saying
 * whether the password was wrong or the account is locked, logout 204. A browser's form post (the sign-in page of
 * issue #8: {@code Accept: text/html}, or the form field {@code redirect=1}) is redirected instead: after sign-in to
 * the form's {@code next} page (a path of the platform) or the caller's home — {@code /console} for staff,
 * {@code /portal} for citizens; after a failure back to {@code /login?error=<code>}; after sign-out to {@code /}.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    private final ObjectMapper json;
    private final HandlerExceptionResolver problems;
    private final CurrentCaller callers;

    LoginHandlers(ObjectMapper json, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems, CurrentCaller callers) {
        this.json = json;
        this.problems = problems;
        this.callers = callers;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        Caller caller = authentication.getPrincipal() instanceof SignedInPrincipal signedIn ? signedIn.caller() : callers.get();
        if (isBrowserForm(request)) {
            String next = request.getParameter("next");
            response.sendRedirect(request.getContextPath() + (isLocalPath(next) ? next
                    : caller.kind() == ActorKind.CITIZEN ? "/portal" : "/console"));
            return;
        }
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), SessionController.view(caller));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (isBrowserForm(request)) {
            String code = exception instanceof LockedException ? "login.locked"
                    : exception instanceof DisabledException ? "login.disabled" : "login.failed";
            String next = request.getParameter("next");
            response.sendRedirect(request.getContextPath() + "/login?error=" + code
                    + (isLocalPath(next) ? "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : ""));
            return;
        }
        problems.resolveException(request, response, null, exception);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (isBrowserForm(request)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        response.setStatus(204);
    }

    /** A form post of a browser page (which wants a page back), not an API client (which wants JSON). */
    static boolean isBrowserForm(HttpServletRequest request) {
        if ("1".equals(request.getParameter("redirect"))) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** A path of this platform, never another site ({@code //host}, {@code /\host}, a scheme): no open redirect. */
    static boolean isLocalPath(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }
}
