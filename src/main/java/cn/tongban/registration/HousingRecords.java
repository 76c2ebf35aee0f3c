package cn.tongban.registration;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.filing.FiledContracts;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.kernel.pdf.A4Pdf;

/**
 * 无房证明 / 住房信息查询结果 (互联网+不动产登记建设指南 二（一）7: 有条件的地区可提供无房证明、购房证明等不动产登记证明服务;
 * issue #7 item 7): a person's homes in the city at an instant — the ownership in force by the register book, the units
 * the 楼盘表 knows them as owner of (owners imported from before the book), and the live filed sale contracts in which
 * they buy — each unit once; 无房 when there is none of these. Signed, with a verification code anyone can check at the
 * certificates' public endpoint.
 */
@Service
class HousingRecords {

    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy年MM月dd日HH时mm分");

    /** Where a home was found. */
    enum Source {
        REGISTER_BOOK("不动产登记簿"), BUILDING_TABLE("楼盘表登记权属"), FILED_PURCHASE("已备案的商品房/存量房买卖合同");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    record Home(String unitCode, String location, String area, String use, Source source, String reference) {
    }

    record Person(String name, String idNumber) {
    }

    /** The canonical content of a housing record. */
    record Content(String document, String verificationCode, Person person, String asOf, boolean noHome, List<Home> homes,
            String issuedBy) {
    }

    /** What the caller gets back: the result and the code it is verified and downloaded by. */
    record Issued(String document, String verificationCode, boolean noHome, List<Home> homes, OffsetDateTime asOf,
            String documentPath) {
    }

    private final JdbcClient jdbc;
    private final RegisterBook book;
    private final BuildingTable buildings;
    private final FiledContracts contracts;
    private final Dictionaries dictionaries;
    private final SignedDocuments signing;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final CurrentCaller callers;

    HousingRecords(JdbcClient jdbc, RegisterBook book, BuildingTable buildings, FiledContracts contracts, Dictionaries dictionaries,
            SignedDocuments signing, PersonalDataCipher cipher, AuditLog audit, CurrentCaller callers) {
        this.jdbc = jdbc;
        this.book = book;
        this.buildings = buildings;
        this.contracts = contracts;
        this.dictionaries = dictionaries;
        this.signing = signing;
        this.cipher = cipher;
        this.audit = audit;
        this.callers = callers;
    }

    /** Issues the record of the person's homes as of now; the person's ID number is checked by the caller. */
    @Transactional
    Issued issue(CitizenIdNumber idNumber, String name) {
        String index = cipher.blindIndex(idNumber.value());
        OffsetDateTime now = OffsetDateTime.now(Certificates.CHINA).truncatedTo(ChronoUnit.SECONDS);
        List<Home> homes = homesOf(index);
        String code = signing.newVerificationCode();
        boolean noHome = homes.isEmpty();
        String issuedBy = callers.get().actorId();
        Content content = new Content(noHome ? "无房证明" : "住房信息查询结果", code, new Person(name, idNumber.value()),
                now.toString(), noHome, homes, issuedBy);
        String canonical = signing.canonical(content);
        String url = signing.verificationUrl(code);
        byte[] pdf = A4Pdf.shared().render(text(content, now, url), content.document() + " 核验码：" + SignedDocuments.grouped(code),
                new A4Pdf.Description(content.document() + " " + code, now, canonical), signing.qrCode(url));
        SignedDocuments.Signature signature = signing.sign(canonical, pdf);
        jdbc.sql("""
                INSERT INTO registration_housing_record (verification_code, subject_index, no_home, content_sealed, signature, key_id,
                                                         pdf, pdf_sm3, issued_by, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, index, noHome, cipher.encrypt(canonical), signature.signature(), signature.keyId(), pdf,
                        signature.pdfSm3(), issuedBy, now)
                .update();
        // the request's X-Purpose and X-Case-Number go with the entry (staff must declare a purpose)
        audit.record(AuditRecord.change("issue", "housing-record", code, index));
        return new Issued(content.document(), code, noHome, homes, now, "/api/v1/registrations/housing-records/" + code + "/document");
    }

    /** Each unit once: the register book first, then the 楼盘表's owners the book does not contradict, then purchases. */
    private List<Home> homesOf(String index) {
        Map<String, Home> homes = new LinkedHashMap<>();
        for (String unit : book.unitsOwnedBy(index)) {
            String number = book.state(unit).ownership().map(e -> (String) e.content().get("certificateNumber")).orElse(null);
            homes.putIfAbsent(unit, home(unit, Source.REGISTER_BOOK, number, null));
        }
        for (String unit : buildings.unitsOwnedBy(index)) {
            // owners imported into the 楼盘表 before the book: the book, where it has an ownership, says who owns now
            Optional<RegisterEntry> ownership = book.state(unit).ownership();
            if (!homes.containsKey(unit) && ownership.isEmpty()) {
                homes.put(unit, home(unit, Source.BUILDING_TABLE, null, null));
            }
        }
        for (FiledContracts.FiledContract contract : contracts.ofParty(index)) {
            boolean buys = contract.second().stream().anyMatch(p -> "BUYER".equals(p.role()) && index.equals(p.idNumberIndex()));
            if (contract.isFiled() && contract.isSale() && buys) {
                homes.putIfAbsent(contract.unitCode(), home(contract.unitCode(), Source.FILED_PURCHASE, contract.filingCode(), contract.unit()));
            }
        }
        return List.copyOf(homes.values());
    }

    private Home home(String unitCode, Source source, String reference, Map<String, Object> asFiled) {
        Optional<UnitView> unit = buildings.findUnitCityWide(unitCode);
        if (unit.isPresent()) {
            UnitView u = unit.get();
            String use = dictionaries.label(DictionaryTypes.HOUSE_USE, u.houseUse(), Locale.SIMPLIFIED_CHINESE).orElse(u.houseUse());
            return new Home(unitCode, u.location(), Certificates.area(u), use, source, reference);
        }
        Map<String, Object> filed = asFiled == null ? Map.of() : asFiled;
        return new Home(unitCode, (String) filed.get("location"), filed.get("buildingArea") == null ? null
                : "房屋建筑面积" + filed.get("buildingArea") + "平方米", null, source, reference);
    }

    static String text(Content content, OffsetDateTime asOf, String url) {
        StringBuilder text = new StringBuilder(content.document()).append("\n\n");
        text.append("姓名：").append(content.person().name()).append('\n');
        text.append("公民身份号码：").append(content.person().idNumber()).append('\n');
        text.append("查询时点：").append(INSTANT.format(asOf)).append('\n');
        text.append("查询范围：本市不动产登记簿、楼盘表登记权属及已网签备案的房屋买卖合同\n\n");
        if (content.noHome()) {
            text.append("经查询，截至上述时点，该人在本市无登记在其名下的住房，亦无已网签备案的购房合同（无房）。\n");
        } else {
            text.append("经查询，截至上述时点，该人在本市有住房 ").append(content.homes().size()).append(" 套：\n");
            int n = 1;
            for (Home home : content.homes()) {
                text.append(n++).append(". ").append(printed(home)).append('\n');
            }
        }
        text.append('\n').append("核验码：").append(SignedDocuments.grouped(content.verificationCode())).append('\n');
        text.append("扫描右上角二维码或访问 ").append(url).append(" 核验本证明。本证明仅反映查询时点的情况。\n");
        return text.toString();
    }

    static String printed(Home home) {
        List<String> parts = new ArrayList<>();
        parts.add("坐落：" + (home.location() == null ? "—" : home.location()));
        parts.add("不动产单元号：" + home.unitCode());
        if (home.area() != null) {
            parts.add(home.area());
        }
        if (home.use() != null) {
            parts.add("用途：" + home.use());
        }
        parts.add("来源：" + home.source().label + (home.reference() == null ? "" : "（" + home.reference() + "）"));
        return String.join("；", parts);
    }
}
