package cn.tongban.audit;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 查询目的 and 案件/申请编号 of the current request: the {@value #PURPOSE_HEADER} and {@value #CASE_NUMBER_HEADER}
 * headers. A sharing query must declare both ({@link #require()}); the audit log records them with every entry of
 * the request. Non-ASCII text may be sent as UTF-8, raw or percent-encoded.
 */
public final class Purpose {

    public static final String PURPOSE_HEADER = "X-Purpose";
    public static final String CASE_NUMBER_HEADER = "X-Case-Number";
    static final int PURPOSE_MAX = 200;
    static final int CASE_NUMBER_MAX = 100;

    /** A declared purpose; either part may be {@code null} when obtained by {@link #current()}. */
    public record Declared(String purpose, String caseNumber) {
    }

    private Purpose() {
    }

    /**
     * The purpose and case number of the current request, both required.
     *
     * @throws RuleViolationException field {@code X-Purpose}, code {@code audit.purpose-required} or
     *                                {@code audit.purpose-too-long}; field {@code X-Case-Number}, code
     *                                {@code audit.case-number-required} or {@code audit.case-number-too-long}
     */
    public static Declared require() {
        String purpose = header(PURPOSE_HEADER);
        String caseNumber = header(CASE_NUMBER_HEADER);
        List<Violation> violations = new ArrayList<>();
        check(purpose, PURPOSE_HEADER, "audit.purpose", PURPOSE_MAX, violations);
        check(caseNumber, CASE_NUMBER_HEADER, "audit.case-number", CASE_NUMBER_MAX, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new Declared(purpose, caseNumber);
    }

    /** What the current request declares, if anything; over-long values are cut to their maximum length. */
    public static Optional<Declared> current() {
        String purpose = cut(header(PURPOSE_HEADER), PURPOSE_MAX);
        String caseNumber = cut(header(CASE_NUMBER_HEADER), CASE_NUMBER_MAX);
        return purpose == null && caseNumber == null ? Optional.empty() : Optional.of(new Declared(purpose, caseNumber));
    }

    private static void check(String value, String header, String code, int max, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(header, code + "-required"));
        } else if (value.length() > max) {
            violations.add(new Violation(header, code + "-too-long", max));
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String header(String name) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        String raw = attributes.getRequest().getHeader(name);
        if (raw == null) {
            return null;
        }
        String text = percentDecoded(utf8(raw)).strip();
        return text.isEmpty() ? null : text;
    }

    /** The servlet container reads header bytes as ISO-8859-1; bytes that are valid UTF-8 are read as such. */
    private static String utf8(String raw) {
        if (raw.chars().noneMatch(c -> c > 0x7F) || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
    }

    private static String percentDecoded(String text) {
        if (!text.matches(".*%[0-9A-Fa-f]{2}.*")) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
