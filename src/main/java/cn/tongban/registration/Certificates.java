package cn.tongban.registration;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.DivisionKind;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.kernel.pdf.A4Pdf;

/**
 * 电子不动产权证书 and 不动产登记证明 (互联网+不动产登记建设指南 二（一）6 电子证照, 三（一）5 电子制证: 电子证照上的信息内容应与登记簿一致):
 * made from one register-book entry and the unit as the 楼盘表 describes it, with the fields of the national sample
 * (不动产登记暂行条例实施细则 第二十条: 证书和证明的样式由国土资源部统一规定), signed, with a QR code and a verification
 * code anyone can check without login. One certificate per entry; asking again gives the one issued.
 */
@Service
class Certificates {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    static final String DEFAULT_RIGHT_TYPE = "国有建设用地使用权/房屋所有权";

    /** What {@link #issue} returns: the number printed on the certificate and the code it is verified by. */
    record IssuedCertificate(String certificateNo, String verificationCode) {
    }

    /** One field as printed: a value, or the persons it names (权利人, 义务人). */
    record Field(String label, String value, List<Person> persons) {

        static Field of(String label, Object value) {
            return new Field(label, value == null || String.valueOf(value).isBlank() ? "—" : String.valueOf(value), List.of());
        }

        static Field persons(String label, List<Person> persons) {
            return new Field(label, null, persons);
        }
    }

    /** A right holder or obligor as printed. */
    record Person(String name, String idNumber, String share) {
    }

    /**
     * The canonical content of a certificate: what is printed, and what ties it to the register book (the entry and
     * its hash).
     */
    record Content(String document, String kind, String certificateNo, String verificationCode, String unitCode, int entrySeq,
            String entryHash, String applicationNo, List<Field> fields, String issuedAt) {
    }

    private final JdbcClient jdbc;
    private final RegisterBook book;
    private final BuildingTable buildings;
    private final Dictionaries dictionaries;
    private final SignedDocuments signing;
    private final PersonalDataCipher cipher;

    Certificates(JdbcClient jdbc, RegisterBook book, BuildingTable buildings, Dictionaries dictionaries, SignedDocuments signing,
            PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.book = book;
        this.buildings = buildings;
        this.dictionaries = dictionaries;
        this.signing = signing;
        this.cipher = cipher;
    }

    /**
     * Issues the certificate (证书) or proof (证明) of the entry, numbered as the entry's {@code certificateNumber}; the
     * one already issued for the entry if there is one.
     *
     * @throws NotFoundException if the unit has no such entry or the 楼盘表 no such unit
     * @throws ConflictException {@code certificate.not-certifiable} for an entry that gets no certificate (releases,
     *                           seizures), {@code certificate.number-missing} for one without a number
     */
    @Transactional
    IssuedCertificate issue(String applicationNo, String unitCode, int entrySeq) {
        Optional<IssuedCertificate> issued = jdbc.sql("""
                SELECT certificate_no, verification_code FROM registration_certificate WHERE unit_code = ? AND entry_seq = ?""")
                .params(unitCode, entrySeq).query((rs, n) -> new IssuedCertificate(rs.getString(1), rs.getString(2))).optional();
        if (issued.isPresent()) {
            return issued.get();
        }
        List<RegisterEntry> entries = book.entries(unitCode);
        RegisterEntry entry = entries.stream().filter(e -> e.seq() == entrySeq).findFirst()
                .orElseThrow(() -> new NotFoundException("register-entry", unitCode + "#" + entrySeq));
        CertificateNumbers.Kind kind = kindOf(entry);
        if (!(entry.content().get("certificateNumber") instanceof String number) || number.isBlank()) {
            throw new ConflictException("certificate.number-missing", unitCode, entrySeq);
        }
        UnitView unit = buildings.findUnitCityWide(unitCode).orElseThrow(() -> new NotFoundException("unit", unitCode));
        OffsetDateTime now = OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS);
        String code = signing.newVerificationCode();
        List<RegisterEntry> before = entries.stream().filter(e -> e.seq() < entrySeq).toList();
        List<Field> fields = kind == CertificateNumbers.Kind.RIGHT ? rightFields(entry, unit, number) : proofFields(entry, before, unit, number);
        Content content = new Content(kind == CertificateNumbers.Kind.RIGHT ? "不动产权证书" : "不动产登记证明", kind.name(), number, code,
                unitCode, entrySeq, entry.hash(), applicationNo, fields, now.toString());
        String canonical = signing.canonical(content);
        String url = signing.verificationUrl(code);
        byte[] pdf = A4Pdf.shared().render(text(content, url), content.document() + "：" + number,
                new A4Pdf.Description(content.document() + " " + number, now, canonical), signing.qrCode(url));
        SignedDocuments.Signature signature = signing.sign(canonical, pdf);
        jdbc.sql("""
                INSERT INTO registration_certificate (certificate_no, verification_code, application_no, unit_code, entry_seq, kind,
                                                      district_code, content_sealed, party_indexes, signature, key_id, pdf, pdf_sm3, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, code, applicationNo, unitCode, entrySeq, kind.name(), unit.districtCode(), cipher.encrypt(canonical),
                        partyIndexes(fields), signature.signature(), signature.keyId(), pdf, signature.pdfSm3(), now)
                .update();
        return new IssuedCertificate(number, code);
    }

    /** 不动产权证书 for ownership; 不动产登记证明 for the rights and facts registered on it. */
    static CertificateNumbers.Kind kindOf(RegisterEntry entry) {
        return switch (entry.kind()) {
            case OWNERSHIP -> CertificateNumbers.Kind.RIGHT;
            case CORRECTION -> entry.content().get("owners") != null ? CertificateNumbers.Kind.RIGHT : notCertifiable(entry);
            case MORTGAGE, PRE_NOTICE, OBJECTION -> CertificateNumbers.Kind.PROOF;
            default -> notCertifiable(entry);
        };
    }

    private static CertificateNumbers.Kind notCertifiable(RegisterEntry entry) {
        throw new ConflictException("certificate.not-certifiable", entry.unitCode(), entry.seq(), entry.kind().name());
    }

    /** 不动产权证书: 权利人, 共有情况, 坐落, 不动产单元号, 权利类型, 权利性质, 用途, 面积, 使用期限, 权利其他状况 (national sample). */
    private List<Field> rightFields(RegisterEntry entry, UnitView unit, String number) {
        List<Map<String, Object>> owners = owners(entry.content());
        List<Field> fields = new ArrayList<>();
        fields.add(Field.persons("权利人", persons(owners)));
        fields.add(Field.of("共有情况", coOwnership(owners)));
        fields.add(Field.of("坐落", unit.location()));
        fields.add(Field.of("不动产单元号", unit.unitCode()));
        fields.add(Field.of("权利类型", entry.content().getOrDefault("rightType", DEFAULT_RIGHT_TYPE)));
        fields.add(Field.of("权利性质", entry.content().getOrDefault("rightNature",
                label(DictionaryTypes.HOUSE_NATURE, unit.houseNature()))));
        fields.add(Field.of("用途", join(unit.landUse(), label(DictionaryTypes.HOUSE_USE, unit.houseUse()))));
        fields.add(Field.of("面积", area(unit)));
        fields.add(Field.of("使用期限", entry.content().get("term")));
        fields.add(Field.of("权利其他状况", "所在层：%d层；房号：%s；登记原因：%s".formatted(unit.floor(), unit.roomNo(),
                entry.content().getOrDefault("basis", "—"))));
        fields.add(Field.of("登簿日期", DAY.format(entry.recordedAt())));
        fields.add(Field.of("登记机构", authority(number)));
        fields.add(Field.of("附记", "业务号：" + entry.applicationNo()));
        return fields;
    }

    /** 不动产登记证明: 证明权利或事项, 权利人, 义务人, 坐落, 不动产单元号, 其他, 附记 (national sample). */
    private List<Field> proofFields(RegisterEntry entry, List<RegisterEntry> before, UnitView unit, String number) {
        Map<String, Object> c = entry.content();
        List<Person> holders;
        String matter;
        String other;
        if (entry.kind() == RegisterEntry.Kind.MORTGAGE) {
            matter = "抵押权";
            holders = List.of(new Person(String.valueOf(c.getOrDefault("mortgageeName", c.get("mortgagee"))),
                    (String) c.get("mortgagee"), null));
            other = "被担保主债权数额：%s元；抵押顺位：%s；债务履行期限：%s起%s止".formatted(c.getOrDefault("amount", "—"),
                    c.getOrDefault("rank", "—"), c.getOrDefault("startOn", "—"), c.getOrDefault("endOn", "—"));
        } else {
            matter = entry.kind() == RegisterEntry.Kind.PRE_NOTICE ? "预告登记" : "异议登记";
            holders = persons(owners(c));
            other = String.valueOf(c.getOrDefault("basis", "—"));
        }
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("证明权利或事项", matter));
        fields.add(Field.persons("权利人", holders));
        fields.add(Field.persons("义务人", persons(RegisterState.of(before).owners())));
        fields.add(Field.of("坐落", unit.location()));
        fields.add(Field.of("不动产单元号", unit.unitCode()));
        fields.add(Field.of("其他", other));
        fields.add(Field.of("附记", "业务号：" + entry.applicationNo()));
        fields.add(Field.of("登簿日期", DAY.format(entry.recordedAt())));
        fields.add(Field.of("登记机构", authority(number)));
        return fields;
    }

    /** The printed text: title, number, the fields, how to verify. */
    static String text(Content content, String url) {
        StringBuilder text = new StringBuilder(content.document()).append("\n\n");
        text.append(content.certificateNo()).append("\n\n");
        for (Field field : content.fields()) {
            text.append(field.label()).append("：").append(field.value() != null ? field.value() : printed(field.persons())).append('\n');
        }
        text.append('\n').append("核验码：").append(SignedDocuments.grouped(content.verificationCode())).append('\n');
        text.append("扫描右上角二维码或访问 ").append(url).append(" 核验本").append(content.kind().equals("RIGHT") ? "证书" : "证明")
                .append("的真实性和现势状态。\n");
        text.append("本电子").append(content.kind().equals("RIGHT") ? "证书" : "证明")
                .append("由登记机构以SM2电子签名签发，与纸质").append(content.kind().equals("RIGHT") ? "证书" : "证明").append("具有同等效力。\n");
        return text.toString();
    }

    private static String printed(List<Person> persons) {
        if (persons.isEmpty()) {
            return "—";
        }
        return persons.stream().map(p -> p.name() + (p.idNumber() == null ? "" : "（证件号码 " + p.idNumber() + "）")
                + (p.share() == null ? "" : " 份额 " + p.share())).collect(Collectors.joining("；"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> owners(Map<String, Object> content) {
        return content.get("owners") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static List<Person> persons(List<Map<String, Object>> owners) {
        boolean inShares = owners.size() > 1 && owners.stream().anyMatch(o -> "03".equals(o.get("coOwnership")));
        return owners.stream().map(o -> new Person((String) o.get("name"), (String) o.get("idNumber"),
                inShares && o.get("share") != null ? String.valueOf(o.get("share")) : null)).toList();
    }

    private String coOwnership(List<Map<String, Object>> owners) {
        if (owners.size() <= 1) {
            return label(DictionaryTypes.CO_OWNERSHIP, "01");
        }
        Set<String> kinds = owners.stream().map(o -> String.valueOf(o.getOrDefault("coOwnership", "02")))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return kinds.stream().map(k -> label(DictionaryTypes.CO_OWNERSHIP, k)).collect(Collectors.joining("、"));
    }

    private String label(String type, String code) {
        return code == null ? null : dictionaries.label(type, code, Locale.SIMPLIFIED_CHINESE).orElse(code);
    }

    static String area(UnitView unit) {
        return "房屋建筑面积%s平方米（套内建筑面积%s平方米）".formatted(unit.buildingArea().toPlainString(),
                unit.innerArea() == null ? "—" : unit.innerArea().toPlainString());
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "/" + b;
    }

    /** The authority named in the number (苏（2026）常州市不动产权第…号 → 常州市), and its registration bureau. */
    static String authority(String certificateNo) {
        int open = certificateNo.indexOf('）');
        int kind = certificateNo.indexOf("不动产");
        String city = open >= 0 && kind > open ? certificateNo.substring(open + 1, kind) : "";
        return city + "自然资源和规划局（不动产登记机构）";
    }

    /** The registration bureau of a district: a 市辖区's is its city's, a 县 or 县级市 has its own (as {@link CertificateNumbers}). */
    static String authorityOfDistrict(String districtCode) {
        AdministrativeDivision district = AdministrativeDivision.of(districtCode);
        String name = district.kind() == DivisionKind.URBAN_DISTRICT ? AdministrativeDivision.of(district.parentCode()).name() : district.name();
        return name + "自然资源和规划局（不动产登记机构）";
    }

    /** The blind indexes of the persons a certificate names: who may download it. */
    private String[] partyIndexes(List<Field> fields) {
        return fields.stream().flatMap(f -> f.persons().stream()).map(Person::idNumber).filter(id -> id != null && !id.isBlank())
                .map(cipher::blindIndex).distinct().toArray(String[]::new);
    }
}
