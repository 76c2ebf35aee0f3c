package cn.tongban.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.ForbiddenException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RefusedException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * Turns every failure into RFC 9457 problem+json: the domain's rule violations, not-found and conflicts, and
 * Spring MVC's own (unknown path, wrong method, unreadable body). No stack trace or exception text ever
 * reaches the caller; an unexpected failure gets an incident id that the log carries too.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    private Locale locale() {
        return problems.locale();
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e) {
        return respond(problems.violations(e.violations(), locale()));
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Object> refused(RefusedException e) {
        ProblemDetail problem = problems.violations(e.violations(), locale());
        ProblemDetail refused = problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "refused", locale(), "problem.refused.detail",
                e.violations().size());
        refused.setProperty("errors", problem.getProperties().get("errors"));
        refused.setProperty("report", e.report());
        return respond(refused);
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Object> invalidValue(InvalidValueException e) {
        return respond(problems.violations(List.of(e.at(null)), locale()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        Locale locale = locale();
        String resource = problems.message("resource." + e.resource(), locale, new Object[0], e.resource());
        return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale, "problem.not-found.detail", resource, e.id()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "conflict", locale(), "rule." + e.code(), e.args());
        problem.setProperty("code", e.code());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(problems.error(new Violation(e.field(), e.code(), e.args()), locale())));
        }
        return respond(problem);
    }

    /**
     * A header or path Spring Security's firewall refuses (a line break in a header value, an encoded slash …): the
     * client's request is malformed, so 400 — it is read lazily, often first by the controller.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return respond(problems.violations(List.of(new Violation(null, "request.rejected")), locale()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbiddenByRule(ForbiddenException e) {
        ProblemDetail problem = problems.of(HttpStatus.FORBIDDEN, "forbidden", locale(), "rule." + e.code(), e.args());
        problem.setProperty("code", e.code());
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(OptimisticLockingFailureException e) {
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "conflict", locale(), "rule.version.stale");
        problem.setProperty("code", "version.stale");
        return respond(problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        // A constraint the application should have checked first; the database kept the data consistent.
        log.warn("Database constraint refused a write: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "conflict", locale(), "rule.data.integrity");
        problem.setProperty("code", "data.integrity");
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException e) {
        InvalidValueException cause = find(e, InvalidValueException.class);
        Violation violation = cause != null ? cause.at(e.getName()) : new Violation(e.getName(), "param.type", e.getValue());
        return respond(problems.violations(List.of(violation), locale()));
    }

    @ExceptionHandler(RequestLimits.TooManyRequests.class)
    ResponseEntity<Object> tooManyRequests(RequestLimits.TooManyRequests e) {
        ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", locale(), "rule.rate.limited",
                e.retryAfterSeconds);
        problem.setProperty("code", "rate.limited");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(RequestLimits.BodyTooLarge.class)
    ResponseEntity<Object> bodyTooLarge(RequestLimits.BodyTooLarge e) {
        ProblemDetail problem = problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "http-413", locale(), "rule.body.too-large", e.limit);
        problem.setProperty("code", "body.too-large");
        return respond(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        String code = e instanceof LockedException ? "login.locked"
                : e instanceof BadCredentialsException || e instanceof UsernameNotFoundException ? "login.failed"
                : e instanceof DisabledException ? "login.disabled"
                : e instanceof InsufficientAuthenticationException ? "auth.required" : "auth.invalid";
        ProblemDetail problem = problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", locale(), "rule." + code);
        problem.setProperty("code", code);
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        ProblemDetail problem = problems.of(HttpStatus.FORBIDDEN, "forbidden", locale(), "rule.auth.forbidden");
        problem.setProperty("code", "auth.forbidden");
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", locale(), "problem.internal.detail", incident);
        problem.setProperty("incident", incident);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            // the constraint's message is already interpolated in the request's locale by Bean Validation
            violations.add(new Violation(error.getField(), constraintCode(error.getCode()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> violations.add(new Violation(null, constraintCode(error.getCode()))));
        return respond(problems.violations(violations, locale));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> violations.add(
                new Violation(result.getMethodParameter().getParameterName(), constraintCode(error.getCodes() == null ? "invalid" : error.getCodes()[error.getCodes().length - 1]),
                        error.getDefaultMessage()))));
        return respond(problems.violations(violations, locale()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.violations(List.of(new Violation(e.getParameterName(), "param.missing")), locale()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(problems.violations(List.of(bodyViolation(e)), locale()));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(problems.of(HttpStatus.NOT_FOUND, "not-found", locale(), "problem.no-such-path.detail", "/" + e.getResourcePath()));
    }

    /** Spring MVC's other problems (405, 406, 415, ...): keep the status, give our type and a localized text. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(status, "http-" + status.value(), locale(), "problem.http.detail", status.value());
        return new ResponseEntity<>(problem, headers, status);
    }

    /** Names the JSON property path of an unreadable body: unknown field, wrong type, or a value that broke a rule. */
    private static Violation bodyViolation(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        InvalidValueException invalid = find(e, InvalidValueException.class);
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            if (invalid != null) {
                return invalid.at(field);
            }
            if (mapping instanceof UnrecognizedPropertyException) {
                return new Violation(field, "json.unknown-field");
            }
            if (mapping instanceof ValueInstantiationException) {
                return new Violation(field, "json.invalid-value");
            }
            if (mapping instanceof InvalidFormatException format) {
                return new Violation(field, "json.type", String.valueOf(format.getValue()), simpleType(format.getTargetType()));
            }
            if (mapping instanceof MismatchedInputException mismatch) {
                return new Violation(field, "json.type", "", simpleType(mismatch.getTargetType()));
            }
            return new Violation(field, "json.invalid-value");
        }
        if (invalid != null) {
            return invalid.at(null);
        }
        if (cause instanceof JsonProcessingException) {
            return new Violation(null, "json.malformed");
        }
        return new Violation(null, "json.body-missing");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.getSimpleName().startsWith("Local") ? "date" : "object";
    }

    private static String constraintCode(String constraint) {
        // NotBlank -> constraint.not-blank
        return "constraint." + (constraint == null ? "invalid" : constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }


    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
