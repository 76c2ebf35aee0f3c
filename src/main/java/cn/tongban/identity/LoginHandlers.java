package cn.tongban.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
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
 * whether the password was wrong or the account is locked, logout 204.
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
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Caller caller = authentication.getPrincipal() instanceof SignedInPrincipal signedIn ? signedIn.caller() : callers.get();
        json.writeValue(response.getOutputStream(), SessionController.view(caller));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
        problems.resolveException(request, response, null, exception);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        response.setStatus(204);
    }
}
