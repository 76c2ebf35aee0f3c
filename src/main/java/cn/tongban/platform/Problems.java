package cn.tongban.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

import cn.tongban.kernel.Violation;

/**
 * Builds RFC 9457 problem documents: a stable {@code type} URI per kind of problem, a localized title and detail,
 * and for rule violations an {@code errors} list of {field, code, message}.
 */
@Component
class Problems {

    static final String TYPE_BASE = "https://tongban.cn/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;

    Problems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /**
     * The language of the answer: from Accept-Language, zh-CN by default — also for problems raised before the
     * dispatcher has set the request's locale (authentication, rate limits).
     */
    Locale locale() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? locales.resolveLocale(request.getRequest()) : LocaleContextHolder.getLocale();
    }

    ProblemDetail of(HttpStatusCode status, String type, Locale locale, String detailKey, Object... detailArgs) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(message("problem." + type + ".title", locale, new Object[0],
                HttpStatus.resolve(status.value()) == null ? "Error" : HttpStatus.resolve(status.value()).getReasonPhrase()));
        problem.setDetail(message(detailKey, locale, detailArgs, null));
        return problem;
    }

    ProblemDetail violations(List<Violation> violations, Locale locale) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", locale, "problem.validation.detail", violations.size());
        problem.setProperty("errors", violations.stream().map(v -> error(v, locale)).toList());
        return problem;
    }

    Map<String, Object> error(Violation v, Locale locale) {
        Object[] args = v.args();
        // Bean Validation constraints arrive with their message already localized as the only argument.
        String fallback = args.length == 1 && args[0] instanceof String text ? text : v.code();
        String message = message("rule." + v.code(), locale, args, fallback);
        return v.field() == null
                ? Map.of("code", v.code(), "message", message)
                : Map.of("field", v.field(), "code", v.code(), "message", message);
    }

    String message(String key, Locale locale, Object[] args, String fallback) {
        return messages.getMessage(key, args, fallback == null ? key : fallback, locale);
    }
}
