package cn.tongban.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import cn.tongban.kernel.ForbiddenException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;

/**
 * Errors of the pages ({@code /console/**}, {@code /portal/**}) as an HTML page in the layout, not as problem+json:
 * a page the caller's permission does not allow (403), a record outside their scope or that does not exist (404, as
 * the services say), bad input in the address (400), anything else (500, with an incident id in the log). Everything
 * else — the API above all — is left to the platform's problem+json handler, which runs after this resolver.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrors implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!isPage(request) || response.isCommitted()) {
            return null;
        }
        HttpStatus status = status(e);
        ModelAndView page = new ModelAndView("layout/error");
        page.setStatus(status);
        // the page's text: 403, 404, another client error as 400, a server error as 500
        page.addObject("status", status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND ? status.value()
                : status.is4xxClientError() ? 400 : 500);
        if (status.is5xxServerError()) {
            String incident = UUID.randomUUID().toString();
            log.error("Unexpected failure of page {}, incident {}", request.getRequestURI(), incident, e);
            page.addObject("incident", incident);
        }
        return page;
    }

    static HttpStatus status(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof InvalidValueException || e instanceof RuleViolationException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof ErrorResponse spring && HttpStatus.resolve(spring.getStatusCode().value()) != null) {
            return HttpStatus.valueOf(spring.getStatusCode().value());
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The pages of the console and the portal, public ones included. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/console") || path.startsWith("/console/") || path.equals("/portal") || path.startsWith("/portal/");
    }
}
