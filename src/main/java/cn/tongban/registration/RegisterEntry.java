package cn.tongban.registration;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.tongban.kernel.crypto.Sm3;

/**
 * 登记簿记载事项: one entry of a unit's register book, as registered (owners in clear).
 *
 * <p>The chain: {@code hash = SM3(prevHash + "\n" + canonical)} in lowercase hex, where {@code canonical} is the
 * lines {@code unitCode}, {@code seq}, {@code kind}, the content as {@code key=value} lines sorted by key (lists
 * rendered element by element, maps sorted by key), {@code applicationNo}, {@code registrar} and {@code recordedAt}
 * in UTC with microseconds; the first entry of a unit follows 64 zeros.
 */
record RegisterEntry(String unitCode, int seq, Kind kind, Map<String, Object> content, String applicationNo, String registrar,
        OffsetDateTime recordedAt, String prevHash, String hash) {

    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    /** What an entry records (不动产登记暂行条例实施细则: 所有权、抵押权、预告、查封、异议登记 and their 注销). */
    enum Kind {
        OWNERSHIP, MORTGAGE, MORTGAGE_RELEASE, PRE_NOTICE, PRE_NOTICE_RELEASE, SEIZURE, SEIZURE_RELEASE, OBJECTION,
        OBJECTION_RELEASE, CORRECTION
    }

    /** This entry's hash, computed from its fields and the previous hash. */
    String computedHash() {
        return Sm3.hex(prevHash + "\n" + canonical());
    }

    RegisterEntry chainedAfter(String previous) {
        RegisterEntry unhashed = new RegisterEntry(unitCode, seq, kind, content, applicationNo, registrar, recordedAt, previous, null);
        return new RegisterEntry(unitCode, seq, kind, content, applicationNo, registrar, recordedAt, previous, unhashed.computedHash());
    }

    private String canonical() {
        return String.join("\n", unitCode, Integer.toString(seq), kind.name(), render(content), applicationNo, registrar,
                MICROS.format(recordedAt.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    private static String render(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)))
                    .entrySet().stream().map(e -> e.getKey() + "=" + render(e.getValue())).collect(Collectors.joining(";", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RegisterEntry::render).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }
}
