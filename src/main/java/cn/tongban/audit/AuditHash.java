package cn.tongban.audit;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash of an audit row: {@code hash = SM3(prev_hash || canonical content)} (GB/T 32905-2016), in lowercase hex.
 *
 * <p>{@code prev_hash} enters as its 64 ASCII hex digits. The canonical content is, in this order, {@code seq},
 * {@code occurred_at} (UTC, {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ}), {@code actor_id}, {@code actor_kind},
 * {@code department_code}, {@code department_name}, {@code roles} (sorted), {@code action}, {@code resource_type},
 * {@code resource_id}, {@code subject_index}, {@code outcome}, {@code purpose}, {@code case_number},
 * {@code withheld} ({@code true}/{@code false}), {@code source_address}, {@code trace_id}; each field in UTF-8 as
 * {@code <byte length>:<bytes>}, a null field as {@code -}, and {@code roles} as {@code [<count>]} followed by its
 * elements so encoded. No field can run into the next.
 */
final class AuditHash {

    /** The {@code prev_hash} of the first row of the chain. */
    static final String GENESIS = "0".repeat(64);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    static String of(AuditEntry e) {
        StringBuilder content = new StringBuilder(512).append(e.prevHash());
        field(content, Long.toString(e.seq()));
        field(content, TIME.format(e.occurredAt()));
        field(content, e.actorId());
        field(content, e.actorKind());
        field(content, e.departmentCode());
        field(content, e.departmentName());
        List<String> roles = e.roles();
        content.append('[').append(roles.size()).append(']');
        roles.forEach(role -> field(content, role));
        field(content, e.action());
        field(content, e.resourceType());
        field(content, e.resourceId());
        field(content, e.subjectIndex());
        field(content, e.outcome());
        field(content, e.purpose());
        field(content, e.caseNumber());
        field(content, Boolean.toString(e.withheld()));
        field(content, e.sourceAddress());
        field(content, e.traceId());
        return sm3(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** SM3 (GB/T 32905-2016) in lowercase hex. */
    static String sm3(byte[] bytes) {
        return cn.tongban.kernel.crypto.Sm3.hex(bytes);
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append('-');
        } else {
            content.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
    }

    /** An incremental SM3 digest, for archive files too large to hold at once. */
    static final class Sm3 {

        private final SM3Digest digest = new SM3Digest();

        void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        String hex() {
            byte[] out = new byte[digest.getDigestSize()];
            digest.doFinal(out, 0);
            return HexFormat.of().formatHex(out);
        }
    }
}
