package cn.tongban.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.StatusAspect;
import cn.tongban.building.TradeStatus;
import cn.tongban.building.UnitView;
import cn.tongban.restriction.RegisteredMortgages;

/**
 * 登簿: what each business type enters in the register book (不动产登记暂行条例实施细则: 所有权、抵押权、预告、查封、异议、
 * 更正登记 and their 注销), with the certificate or proof number taken in the same transaction, and the 楼盘表's
 * 权利状况 brought in line with the book (建房规〔2020〕4号 一（四）). The book is the record; the 楼盘表 keeps the
 * owners and flags in force beside it for filing and queries. 抵押 flags follow the restriction registry, which the
 * mortgage is recorded in too (what filing verifies against); 查封 flags are set by the court's order itself, before
 * its 嘱托登记 reaches the book.
 */
@Component
class Registering {

    /** What 登簿 wrote. */
    record Registered(RegisterEntry entry, String certificateNo, OffsetDateTime at) {
    }

    private final RegisterBook book;
    private final CertificateNumbers numbers;
    private final BuildingTable building;
    private final RegisteredMortgages mortgages;
    private final ApplicationEventPublisher events;

    Registering(RegisterBook book, CertificateNumbers numbers, BuildingTable building, RegisteredMortgages mortgages,
            ApplicationEventPublisher events) {
        this.book = book;
        this.numbers = numbers;
        this.building = building;
        this.mortgages = mortgages;
        this.events = events;
    }

    Registered register(ApplicationAccess.Application application, BusinessTypes.BusinessType type, Map<String, Object> content,
            List<Registrations.StoredParty> parties, String registrar) {
        OffsetDateTime now = OffsetDateTime.now(Registrations.CHINA);
        String unitCode = application.unitCode();
        String certificateNo = switch (type.certificate()) {
            case RIGHT -> numbers.next(application.districtCode(), now.getYear(), CertificateNumbers.Kind.RIGHT);
            case PROOF -> numbers.next(application.districtCode(), now.getYear(), CertificateNumbers.Kind.PROOF);
            case NONE -> null;
        };
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("businessType", type.code());
        entry.put("basis", type.name());
        if (application.filingCode() != null) {
            entry.put("filingCode", application.filingCode());
        }
        List<Map<String, Object>> rightHolders = persons(parties, "RIGHT_HOLDER");
        List<Map<String, Object>> obligors = persons(parties, "OBLIGOR");
        List<Map<String, Object>> applicants = persons(parties, "APPLICANT");
        RegisterEntry.Kind kind = switch (type.code()) {
            case "FIRST" -> {
                entry.put("owners", List.of(owner(applicants.get(0), "01", null)));
                entry.put("rightType", "国有建设用地使用权/房屋所有权");
                yield RegisterEntry.Kind.OWNERSHIP;
            }
            case "TRANSFER" -> {
                entry.put("owners", rightHolders);
                entry.put("price", content.get("price"));
                entry.put("rightType", "国有建设用地使用权/房屋所有权");
                yield RegisterEntry.Kind.OWNERSHIP;
            }
            case "PRE_NOTICE" -> {
                entry.put("rightHolders", rightHolders);
                entry.put("obligors", obligors);
                entry.put("price", content.get("price"));
                yield RegisterEntry.Kind.PRE_NOTICE;
            }
            case "MORTGAGE" -> {
                Map<String, Object> mortgagee = rightHolders.get(0);
                entry.put("mortgagee", mortgagee.get("idNumber"));
                entry.put("mortgageeName", mortgagee.get("name"));
                entry.put("obligors", obligors);
                entry.put("amount", content.get("amount"));
                entry.put("rank", content.get("rank") instanceof Number n ? n.intValue() : nextRank(unitCode));
                entry.put("startOn", content.get("startOn"));
                entry.put("endOn", content.get("endOn"));
                yield RegisterEntry.Kind.MORTGAGE;
            }
            case "MORTGAGE_RELEASE" -> {
                entry.put("releases", content.get("releases"));
                yield RegisterEntry.Kind.MORTGAGE_RELEASE;
            }
            case "CORRECTION" -> {
                entry.put("owners", rightHolders);
                entry.put("reason", content.get("reason"));
                yield RegisterEntry.Kind.CORRECTION;
            }
            case "OBJECTION" -> {
                entry.put("rightHolders", applicants);
                entry.put("reason", content.get("reason"));
                // 不动产登记暂行条例实施细则 第八十二条: the objection lapses unless suit is filed within 15 days
                entry.put("lapsesOn", now.toLocalDate().plusDays(15).toString());
                yield RegisterEntry.Kind.OBJECTION;
            }
            case "SEIZURE" -> {
                entry.putAll(content);
                yield RegisterEntry.Kind.SEIZURE;
            }
            case "SEIZURE_RELEASE" -> {
                Object documentNo = content.get("documentNo");
                int seized = book.state(unitCode).seizures().stream().filter(e -> documentNo.equals(e.content().get("documentNo")))
                        .mapToInt(RegisterEntry::seq).findFirst().orElseThrow();
                entry.putAll(content);
                entry.put("releases", seized);
                yield RegisterEntry.Kind.SEIZURE_RELEASE;
            }
            default -> throw new IllegalStateException("no 登簿 for business type " + type.code());
        };
        if (certificateNo != null) {
            entry.put("certificateNumber", certificateNo);
        }
        RegisterEntry written = book.append(unitCode, kind, entry, application.applicationNo(), registrar);
        inLine(unitCode, kind, written, certificateNo, registrar, now.toLocalDate());
        events.publishEvent(new RightsRegistered(application.applicationNo(), type.code(), unitCode, application.districtCode(),
                kind.name(), written.seq(), application.filingCode(), certificateNo, now));
        return new Registered(written, certificateNo, now);
    }

    /** The 楼盘表 and the restriction registry brought in line with the entry just written. */
    @SuppressWarnings("unchecked")
    private void inLine(String unitCode, RegisterEntry.Kind kind, RegisterEntry written, String certificateNo, String registrar,
            LocalDate today) {
        Map<String, Object> content = written.content();
        String document = certificateNo != null ? certificateNo : written.applicationNo();
        UnitView unit = building.findUnit(unitCode).orElseThrow();
        switch (kind) {
            case OWNERSHIP, CORRECTION -> {
                List<Map<String, Object>> owners = (List<Map<String, Object>>) content.get("owners");
                building.registerOwners(unitCode, owners.stream().map(o -> new BuildingTable.RegisteredOwner((String) o.get("name"),
                        (String) o.get("idType"), (String) o.get("idNumber"), (String) o.get("coOwnership"), (String) o.get("share"),
                        certificateNo, today)).toList());
                if (kind == RegisterEntry.Kind.OWNERSHIP && unit.tradeStatus() != TradeStatus.REGISTERED) {
                    building.changeStatus(unitCode, StatusAspect.TRADE_STATUS, TradeStatus.REGISTERED.name(), "转移登记", document,
                            registrar, null);
                }
                if (kind == RegisterEntry.Kind.OWNERSHIP && unit.rights().advanceNotice()) {
                    building.changeStatus(unitCode, StatusAspect.ADVANCE_NOTICE, "false", "预告登记转本登记", document, registrar, null);
                }
            }
            case PRE_NOTICE -> flag(unit, StatusAspect.ADVANCE_NOTICE, unit.rights().advanceNotice(), true, "预告登记", document, registrar);
            case OBJECTION -> flag(unit, StatusAspect.OBJECTION, unit.rights().objection(), true, "异议登记", document, registrar);
            case OBJECTION_RELEASE -> flag(unit, StatusAspect.OBJECTION, unit.rights().objection(), false, "异议登记注销", document,
                    registrar);
            case MORTGAGE -> mortgages.record(unitCode, (String) content.get("mortgageeName"), (String) content.get("mortgagee"),
                    certificateNo, new BigDecimal(String.valueOf(content.get("amount"))), ((Number) content.get("rank")).intValue(), today);
            case MORTGAGE_RELEASE -> {
                int released = ((Number) content.get("releases")).intValue();
                RegisterEntry mortgage = book.entries(unitCode).get(released - 1);
                mortgages.release(unitCode, (String) mortgage.content().get("certificateNumber"), written.applicationNo());
            }
            default -> {
                // 查封、解封: the court's order already set or cleared the 楼盘表's flag
            }
        }
    }

    private void flag(UnitView unit, StatusAspect aspect, boolean current, boolean value, String reason, String document,
            String registrar) {
        if (current != value) {
            building.changeStatus(unit.unitCode(), aspect, Boolean.toString(value), reason, document, registrar, null);
        }
    }

    private int nextRank(String unitCode) {
        return book.state(unitCode).mortgages().stream().mapToInt(m -> ((Number) m.content().get("rank")).intValue()).max().orElse(0) + 1;
    }

    private static List<Map<String, Object>> persons(List<Registrations.StoredParty> parties, String role) {
        List<Registrations.StoredParty> of = parties.stream().filter(p -> p.role().equals(role)).toList();
        List<Map<String, Object>> persons = new ArrayList<>();
        for (Registrations.StoredParty p : of) {
            // 共有方式 as the contract says; where it says nothing: 单独所有 for one, 共同共有 for several (民法典 第三百零八条)
            String coOwnership = p.party().coOwnership() != null ? p.party().coOwnership() : of.size() == 1 ? "01" : "02";
            persons.add(owner(p, coOwnership, p.party().share()));
        }
        return persons;
    }

    private static Map<String, Object> owner(Registrations.StoredParty p, String coOwnership, String share) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("idType", p.party().idType());
        person.put("idNumber", p.party().idNumber());
        person.put("name", p.party().name());
        if (coOwnership != null) {
            person.put("coOwnership", coOwnership);
        }
        if (share != null) {
            person.put("share", share);
        }
        return person;
    }

    private static Map<String, Object> owner(Map<String, Object> person, String coOwnership, String share) {
        Map<String, Object> owner = new LinkedHashMap<>(person);
        owner.put("coOwnership", coOwnership);
        if (share != null) {
            owner.put("share", share);
        }
        return owner;
    }
}
