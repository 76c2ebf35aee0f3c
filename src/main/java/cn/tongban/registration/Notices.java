package cn.tongban.registration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.pdf.A4Pdf;

/**
 * 受理通知书, 补正材料通知书 and 不予受理通知书 as signed documents (互联网+不动产登记建设指南 三（一）1: 符合受理条件的，反馈受理通知；
 * 不符合受理条件的，反馈不予受理电子告知书；需要补正的，反馈补正材料内容). 不动产登记暂行条例 第十七条: materials incomplete or not in
 * the legal form — the applicant is told at once, in writing, everything that needs supplementing; an application not
 * accepted is told why. 行政复议法 and 行政诉讼法: a refusal names the remedies.
 */
@Service
class Notices {

    record IssuedNotice(String noticeNo, NoticeKind kind) {
    }

    /** A notice as listed to the applicant. */
    record Listed(String noticeNo, NoticeKind kind, String title, List<String> items, String reason, OffsetDateTime issuedAt,
            String documentPath) {
    }

    static final String REMEDY = "申请人如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者自收到本通知书之日起六个月内依法提起行政诉讼。";

    private final JdbcClient jdbc;
    private final BusinessTypes types;
    private final BuildingTable buildings;
    private final SignedDocuments signing;
    private final AuditLog audit;
    private final ObjectMapper json;

    Notices(JdbcClient jdbc, BusinessTypes types, BuildingTable buildings, SignedDocuments signing, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.types = types;
        this.buildings = buildings;
        this.signing = signing;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Issues the notice of the application.
     *
     * @param items  the missing or defective materials, each as the applicant must read it (补正: at least one)
     * @param reason why the application is not accepted (不予受理: required)
     * @throws NotFoundException     if there is no such application
     * @throws InvalidValueException {@code notice.items-required} or {@code notice.reason-required}
     */
    @Transactional
    IssuedNotice issue(String applicationNo, NoticeKind kind, List<String> items, String reason) {
        List<String> listed = items == null ? List.of() : items.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
        if (kind == NoticeKind.SUPPLEMENT && listed.isEmpty()) {
            throw new InvalidValueException("notice.items-required");
        }
        if (kind == NoticeKind.REJECTION && (reason == null || reason.isBlank())) {
            throw new InvalidValueException("notice.reason-required");
        }
        Map<String, Object> application = jdbc.sql("""
                SELECT business_type, unit_code, district_code, submitted_at FROM registration_application WHERE application_no = ?""")
                .param(applicationNo).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("registration-application", applicationNo));
        OffsetDateTime now = OffsetDateTime.now(Certificates.CHINA).truncatedTo(ChronoUnit.SECONDS);
        String noticeNo = "TZ" + now.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "%08d".formatted(jdbc.sql("SELECT nextval('registration_notice_seq')").query(Long.class).single());
        String unitCode = (String) application.get("unit_code");
        String location = buildings.findUnitCityWide(unitCode).map(UnitView::location).orElse("—");
        BusinessTypes.BusinessType type = types.get((String) application.get("business_type"));
        LocalDate submitted = ((java.sql.Timestamp) application.get("submitted_at")).toInstant().atZone(Certificates.CHINA).toLocalDate();
        String text = text(kind, noticeNo, applicationNo, type, unitCode, location, submitted, listed,
                reason == null ? null : reason.strip(), now, (String) application.get("district_code"));
        byte[] pdf = A4Pdf.shared().render(text, kind.title + " " + noticeNo,
                new A4Pdf.Description(kind.title + " " + noticeNo, now, text), null);
        SignedDocuments.Signature signature = signing.sign(text, pdf);
        jdbc.sql("""
                INSERT INTO registration_notice (notice_no, application_no, kind, items, reason, content, signature, key_id, pdf, pdf_sm3, issued_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""")
                .params(noticeNo, applicationNo, kind.name(), write(listed), reason == null ? null : reason.strip(), text,
                        signature.signature(), signature.keyId(), pdf, signature.pdfSm3(), now)
                .update();
        audit.record(AuditRecord.change("issue", "registration-notice", noticeNo, null));
        return new IssuedNotice(noticeNo, kind);
    }

    /** The application's notices, oldest first. */
    @Transactional(readOnly = true)
    List<Listed> of(String applicationNo) {
        return jdbc.sql("""
                SELECT notice_no, kind, items::text, reason, issued_at FROM registration_notice WHERE application_no = ?
                 ORDER BY issued_at, notice_no""")
                .param(applicationNo)
                .query((rs, n) -> {
                    NoticeKind kind = NoticeKind.valueOf(rs.getString(2));
                    return new Listed(rs.getString(1), kind, kind.title, read(rs.getString(3)), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(Certificates.CHINA).toOffsetDateTime(),
                            "/api/v1/registrations/" + applicationNo + "/notices/" + rs.getString(1));
                })
                .list();
    }

    /** The notice's PDF as issued. */
    @Transactional(readOnly = true)
    IssuedDocuments.Pdf pdf(String applicationNo, String noticeNo) {
        return jdbc.sql("SELECT pdf, pdf_sm3, signature FROM registration_notice WHERE application_no = ? AND notice_no = ?")
                .params(applicationNo, noticeNo)
                .query((rs, n) -> new IssuedDocuments.Pdf(noticeNo + ".pdf", rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional().orElseThrow(() -> new NotFoundException("registration-notice", noticeNo));
    }

    private static String text(NoticeKind kind, String noticeNo, String applicationNo, BusinessTypes.BusinessType type, String unitCode,
            String location, LocalDate submitted, List<String> items, String reason, OffsetDateTime now, String district) {
        List<String> lines = new ArrayList<>();
        lines.add(kind.title);
        lines.add("");
        lines.add("通知书编号：" + noticeNo);
        lines.add("业务号：" + applicationNo);
        lines.add("申请事项：" + type.name());
        lines.add("不动产单元号：" + unitCode);
        lines.add("坐落：" + location);
        lines.add("");
        String opening = "申请人：你（单位）于" + Certificates.DAY.format(submitted) + "提出的" + type.name() + "申请，";
        switch (kind) {
            case ACCEPTANCE -> {
                lines.add(opening + "申请材料齐全、符合法定形式，本机构决定予以受理。");
                lines.add("本机构将自受理之日起" + type.timeLimitDays() + "个工作日内办结（依法需要公告、补充调查等的时间不计算在内）。");
            }
            case SUPPLEMENT -> {
                lines.add(opening + "申请材料不齐全或者不符合法定形式。根据《不动产登记暂行条例》第十七条，现一次性告知需要补正的全部材料：");
                int n = 1;
                for (String item : items) {
                    lines.add(n++ + ". " + item);
                }
                lines.add("请补正上述材料后重新提交；补正材料齐全、符合法定形式的，本机构予以受理。");
            }
            case REJECTION -> {
                lines.add(opening + "经审查，本机构决定不予受理。理由：" + reason);
                lines.add(REMEDY);
            }
        }
        lines.add("");
        lines.add("登记机构：" + Certificates.authorityOfDistrict(district));
        lines.add("日期：" + Certificates.DAY.format(now));
        return String.join("\n", lines) + "\n";
    }

    private String write(List<String> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String items) {
        try {
            return List.of(json.readValue(items, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
