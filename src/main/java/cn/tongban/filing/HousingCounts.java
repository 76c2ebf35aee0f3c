package cn.tongban.filing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.identity.FamilyRegistry;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * Counts homes by the blind index of the ID number: the 楼盘表's registered owners and live sale filings' buyers, for
 * the person and, where the family registry knows them, their spouse and minor children on today's date in China.
 * Each member's homes read is audited with that member's blind index.
 */
@Service
class HousingCounts implements HousingCount {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final BuildingTable buildingTable;
    private final FamilyRegistry family;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    HousingCounts(JdbcClient jdbc, BuildingTable buildingTable, FamilyRegistry family, PersonalDataCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.buildingTable = buildingTable;
        this.family = family;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** One member's homes: registered to them, and bought under a live filing but not registered to them. */
    private record Own(List<String> registered, List<String> underContract) {
    }

    /** A home as counted so far: whether any member has it registered, and who holds it (full numbers, in order). */
    private record Held(boolean registered, Set<String> holders) {
    }

    /**
     * Read-write although it only reads: its audit entries are then chained in this transaction, on its own
     * connection. A read-only one would have them written apart, over one of the audit log's few connections of its
     * own — a second connection for every query of the busiest sharing interface (issue #5 item 7).
     */
    @Override
    @Transactional
    public Result of(String idNumber) {
        String number = IdNumbers.normalise(idNumber);
        Map<String, Relation> members = new LinkedHashMap<>();
        members.put(number, Relation.SELF);
        boolean familyIncluded = family.hasRecordsOf(number);
        if (familyIncluded) {
            LocalDate today = LocalDate.now(CHINA);
            Optional<String> spouse = family.spouseOf(number, today);
            spouse.ifPresent(s -> members.put(s, Relation.SPOUSE));
            // the family's minor children: the person's, and the spouse's (a child may be recorded under one parent)
            family.minorChildrenOf(number, today).forEach(child -> members.putIfAbsent(child, Relation.MINOR_CHILD));
            spouse.ifPresent(s -> family.minorChildrenOf(s, today).forEach(child -> members.putIfAbsent(child, Relation.MINOR_CHILD)));
        }
        Map<String, Held> units = new TreeMap<>();
        Map<String, Own> homesOfMembers = new LinkedHashMap<>();
        members.keySet().forEach(member -> homesOfMembers.put(member, homesOf(member)));
        homesOfMembers.forEach((member, own) -> {
            own.registered().forEach(unit -> units.merge(unit, new Held(true, Set.of(member)), HousingCounts::merged));
            own.underContract().forEach(unit -> units.merge(unit, new Held(false, Set.of(member)), HousingCounts::merged));
        });
        Own self = homesOfMembers.get(number);
        List<Member> counted = members.entrySet().stream().map(m -> new Member(m.getValue(), Masking.identifier(m.getKey()))).toList();
        List<Home> homes = units.entrySet().stream().map(unit -> new Home(unit.getKey(),
                unit.getValue().registered() ? Basis.REGISTERED : Basis.UNDER_CONTRACT,
                unit.getValue().holders().stream().map(Masking::identifier).toList())).toList();
        return new Result(homes.size(), self.registered(), self.underContract(), familyIncluded, counted, homes);
    }

    /** One member's homes; the read is audited with the member's blind index. */
    private Own homesOf(String number) {
        String index = cipher.blindIndex(number);
        List<String> registered = buildingTable.unitsOwnedBy(index);
        List<String> underContract = jdbc.sql("""
                SELECT DISTINCT c.unit_code FROM contract c JOIN contract_party p ON p.contract_id = c.id
                 WHERE p.id_number_index = ? AND p.role = 'BUYER' AND c.status = 'FILED' AND c.type IN ('NEW_SALE', 'EXISTING_SALE')
                 ORDER BY 1""")
                .param(index).query(String.class).list().stream().filter(unit -> !registered.contains(unit)).toList();
        audit.record(AuditRecord.read("housing-count", null, index));
        return new Own(registered, underContract);
    }

    /** A home two members hold is one home (a couple's joint home): registered if registered to either, held by both. */
    private static Held merged(Held one, Held other) {
        Set<String> holders = new LinkedHashSet<>(one.holders());
        holders.addAll(other.holders());
        return new Held(one.registered() || other.registered(), holders);
    }
}
