package cn.tongban.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 电子证照的验证 (互联网+不动产登记建设指南 二（一）6: 电子证照的在线查看、下载及验证) and download. Anyone may verify a
 * certificate, proof or housing record by its code: the stored text and PDF are checked against their signature, a
 * certificate's entry against the register book, and only what the document shows is shown, personal data masked,
 * with whether it is still in force (derived from the book, nothing written). A document that fails its checks shows
 * nothing of its content. Downloads of the PDF are for the persons it names, the system that submitted the
 * application and registration staff of the district, and are audited.
 */
@Service
class IssuedDocuments {

    /** What the public verification shows. */
    record Verified(String document, String number, String verificationCode, List<Shown> fields, String status,
            String statusLabel, String issuedAt, String keyId) {
    }

    record Shown(String label, String value) {
    }

    /** A kept PDF, its SM3 and its signature. */
    record Pdf(String fileName, byte[] content, String sm3, String signature) {
    }

    private record Stored(String canonical, byte[] pdf, SignedDocuments.Signature signature, Map<String, Object> row) {
    }

    private final JdbcClient jdbc;
    private final RegisterBook book;
    private final SignedDocuments signing;
    private final PersonalDataCipher cipher;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;
    private final ApplicationAccess applications;
    private final AuditLog audit;

    IssuedDocuments(JdbcClient jdbc, RegisterBook book, SignedDocuments signing, PersonalDataCipher cipher, CurrentCaller callers,
            CitizenSubjects citizens, ApplicationAccess applications, AuditLog audit) {
        this.jdbc = jdbc;
        this.book = book;
        this.signing = signing;
        this.cipher = cipher;
        this.callers = callers;
        this.citizens = citizens;
        this.applications = applications;
        this.audit = audit;
    }

    /**
     * @throws NotFoundException no document has this code
     * @throws ConflictException {@code certificate.signature-invalid} when the stored document is not what was signed,
     *                           {@code certificate.register-mismatch} when the register book no longer holds the entry
     *                           it was made from
     */
    @Transactional(readOnly = true)
    Verified verify(String typedCode) {
        String code = SignedDocuments.normalised(typedCode);
        if (code == null) {
            throw new NotFoundException("certificate", typedCode);
        }
        Optional<Stored> certificate = stored("""
                SELECT content_sealed, pdf, signature, key_id, pdf_sm3, unit_code, entry_seq, certificate_no
                  FROM registration_certificate WHERE verification_code = ?""", code);
        if (certificate.isPresent()) {
            return verifiedCertificate(code, certificate.get());
        }
        Stored record = stored("""
                SELECT content_sealed, pdf, signature, key_id, pdf_sm3 FROM registration_housing_record WHERE verification_code = ?""", code)
                .orElseThrow(() -> new NotFoundException("certificate", typedCode));
        HousingRecords.Content content = signing.read(record.canonical(), HousingRecords.Content.class);
        if (!code.equals(content.verificationCode())) {
            throw signatureInvalid();
        }
        List<Shown> fields = new ArrayList<>();
        fields.add(new Shown("姓名", Masking.name(content.person().name())));
        fields.add(new Shown("公民身份号码", Masking.identifier(content.person().idNumber())));
        fields.add(new Shown("查询时点", content.asOf()));
        fields.add(new Shown("查询结果", content.noHome() ? "无房" : "有住房 " + content.homes().size() + " 套"));
        int n = 1;
        for (HousingRecords.Home home : content.homes()) {
            fields.add(new Shown("住房" + n++, HousingRecords.printed(home)));
        }
        return new Verified(content.document(), null, code, fields, "AS_OF_ISSUE", "反映出具时点的情况", content.asOf(),
                record.signature().keyId());
    }

    private Verified verifiedCertificate(String code, Stored stored) {
        Certificates.Content content = signing.read(stored.canonical(), Certificates.Content.class);
        String unit = (String) stored.row().get("unit_code");
        int seq = ((Number) stored.row().get("entry_seq")).intValue();
        if (!code.equals(content.verificationCode()) || !unit.equals(content.unitCode()) || seq != content.entrySeq()
                || !content.certificateNo().equals(stored.row().get("certificate_no"))) {
            throw signatureInvalid();
        }
        List<RegisterEntry> entries = book.entries(unit);
        boolean inBook = entries.stream().anyMatch(e -> e.seq() == seq && e.hash().equals(content.entryHash()) && e.computedHash().equals(e.hash()));
        if (!inBook || book.firstBroken(unit).filter(broken -> broken <= seq).isPresent()) {
            throw new ConflictException("certificate.register-mismatch");
        }
        RegisterState state = RegisterState.of(entries);
        RegisterEntry entry = entries.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
        String status = inForce(entry, state) ? "CURRENT" : entry.kind() == RegisterEntry.Kind.PRE_NOTICE
                || entry.kind() == RegisterEntry.Kind.OBJECTION ? "EXPIRED" : "CANCELLED";
        String label = switch (status) {
            case "CURRENT" -> "现势";
            case "EXPIRED" -> "已失效";
            default -> "已注销";
        };
        List<Shown> fields = content.fields().stream().map(IssuedDocuments::masked).toList();
        return new Verified(content.document(), content.certificateNo(), code, fields, status, label, content.issuedAt(),
                stored.signature().keyId());
    }

    /** Whether the entry is still what the book holds in force: not transferred, released or replaced. */
    private static boolean inForce(RegisterEntry entry, RegisterState state) {
        return switch (entry.kind()) {
            case OWNERSHIP, CORRECTION -> state.ownership().map(RegisterEntry::seq).filter(s -> s == entry.seq()).isPresent();
            case MORTGAGE -> state.mortgages().stream().anyMatch(m -> m.seq() == entry.seq());
            case PRE_NOTICE -> state.preNotice().map(RegisterEntry::seq).filter(s -> s == entry.seq()).isPresent();
            case OBJECTION -> state.objection().map(RegisterEntry::seq).filter(s -> s == entry.seq()).isPresent();
            default -> false;
        };
    }

    private static Shown masked(Certificates.Field field) {
        if (field.value() != null) {
            return new Shown(field.label(), field.value());
        }
        String persons = field.persons().isEmpty() ? "—" : field.persons().stream()
                .map(p -> Masking.name(p.name()) + (p.idNumber() == null ? "" : "（证件号码 " + Masking.identifier(p.idNumber()) + "）")
                        + (p.share() == null ? "" : " 份额 " + p.share()))
                .collect(Collectors.joining("；"));
        return new Shown(field.label(), persons);
    }

    /**
     * The certificate's PDF as issued, for a person it names, the system that submitted its application, or
     * registration staff of its district; to anyone else it does not exist.
     */
    @Transactional(readOnly = true)
    Pdf certificatePdf(String certificateNo) {
        Caller caller = callers.get();
        Map<String, Object> row = jdbc.sql("""
                SELECT application_no, district_code, party_indexes, pdf, pdf_sm3, signature FROM registration_certificate
                 WHERE certificate_no = ?""").param(certificateNo).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("certificate", certificateNo));
        List<String> parties = partyIndexes(row.get("party_indexes"));
        boolean may = switch (caller.kind()) {
            case CITIZEN -> citizens.subjectIndexOf(caller).filter(parties::contains).isPresent();
            case SYSTEM -> applications.find((String) row.get("application_no"))
                    .filter(a -> caller.actorId().equals(a.submittedBy())).isPresent();
            case STAFF -> caller.has(Permissions.REGISTRATION_CERTIFICATE_QUERY) && caller.seesDistrict((String) row.get("district_code"));
            case ANONYMOUS -> false;
        };
        if (!may) {
            throw new NotFoundException("certificate", certificateNo);
        }
        for (String index : parties) {
            audit.record(AuditRecord.read("registration-certificate", certificateNo, index));
        }
        return new Pdf(certificateNo + ".pdf", (byte[]) row.get("pdf"), (String) row.get("pdf_sm3"), (String) row.get("signature"));
    }

    /** A housing record's PDF as issued, for the person it is about or registration staff who may issue them. */
    @Transactional(readOnly = true)
    Pdf housingRecordPdf(String typedCode) {
        Caller caller = callers.get();
        String code = SignedDocuments.normalised(typedCode);
        Map<String, Object> row = code == null ? null : jdbc.sql("""
                SELECT subject_index, pdf, pdf_sm3, signature FROM registration_housing_record WHERE verification_code = ?""")
                .param(code).query().listOfRows().stream().findFirst().orElse(null);
        if (row == null) {
            throw new NotFoundException("housing-record", typedCode);
        }
        String subject = (String) row.get("subject_index");
        boolean may = caller.kind() == ActorKind.CITIZEN ? citizens.subjectIndexOf(caller).filter(subject::equals).isPresent()
                : caller.kind() == ActorKind.STAFF && caller.has(Permissions.HOUSING_RECORD_ISSUE);
        if (!may) {
            throw new NotFoundException("housing-record", typedCode);
        }
        audit.record(AuditRecord.read("housing-record", code, subject));
        return new Pdf(code + ".pdf", (byte[]) row.get("pdf"), (String) row.get("pdf_sm3"), (String) row.get("signature"));
    }

    /** The published key a relying party checks signatures with. */
    Map<String, String> signingKey() {
        return signing.publishedKey();
    }

    private Optional<Stored> stored(String sql, String code) {
        Optional<Map<String, Object>> row = jdbc.sql(sql).param(code).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = row.get();
        String canonical;
        try {
            canonical = cipher.decrypt((String) r.get("content_sealed"));
        } catch (RuntimeException unreadable) {
            throw signatureInvalid();
        }
        byte[] pdf = (byte[]) r.get("pdf");
        SignedDocuments.Signature signature = new SignedDocuments.Signature((String) r.get("signature"), ((String) r.get("key_id")).strip(),
                (String) r.get("pdf_sm3"));
        if (!signing.verify(canonical, pdf, signature)) {
            throw signatureInvalid();
        }
        return Optional.of(new Stored(canonical, pdf, signature, r));
    }

    private static List<String> partyIndexes(Object array) {
        try {
            return array instanceof java.sql.Array sql ? List.of((String[]) sql.getArray()) : List.of();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConflictException signatureInvalid() {
        return new ConflictException("certificate.signature-invalid");
    }
}
