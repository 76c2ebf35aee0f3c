package cn.tongban.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.kernel.crypto.PersonalDataCipher;

/** Reads filed contracts for {@link FiledContracts}: two statements, the contracts and then all their parties. */
@Component
class FiledContractReader implements FiledContracts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    FiledContractReader(JdbcClient jdbc, PersonalDataCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    /** A contract row before its parties are added. */
    private record Row(long id, FiledContract contract) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<FiledContract> byFilingCode(String filingCode) {
        List<Row> rows = jdbc.sql("SELECT * FROM contract WHERE filing_code = ?").param(filingCode).query(this::row).list();
        return withParties(rows).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<FiledContract> ofParty(String idNumberIndex) {
        return withParties(jdbc.sql("""
                SELECT * FROM contract WHERE id IN (SELECT contract_id FROM contract_party WHERE id_number_index = ?)
                 ORDER BY filed_at DESC, id DESC""").param(idNumberIndex).query(this::row).list());
    }

    private List<FiledContract> withParties(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Party>> first = new LinkedHashMap<>();
        Map<Long, List<Party>> second = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM contract_party WHERE contract_id = ANY(?) ORDER BY contract_id, role, position")
                .param(rows.stream().map(Row::id).toArray(Long[]::new))
                .query((p, n) -> {
                    String role = p.getString("role");
                    Party party = new Party(role, p.getString("id_type"), cipher.decrypt(p.getString("id_number_sealed")),
                            p.getString("id_number_index"), cipher.decrypt(p.getString("name_sealed")),
                            cipher.decrypt(p.getString("phone_sealed")), p.getString("co_ownership"),
                            p.getObject("share_numerator") == null ? null : p.getInt("share_numerator") + "/" + p.getInt("share_denominator"));
                    boolean firstSide = List.of("SELLER", "LANDLORD", "MORTGAGOR").contains(role);
                    (firstSide ? first : second).computeIfAbsent(p.getLong("contract_id"), id -> new ArrayList<>()).add(party);
                    return party;
                }).list();
        return rows.stream().map(r -> {
            FiledContract c = r.contract();
            return new FiledContract(c.filingCode(), c.type(), c.status(), c.unitCode(), c.districtCode(), c.price(),
                    c.paymentType(), c.loanType(), c.signedOn(), c.startOn(), c.endOn(), c.filedAt(), c.unit(),
                    first.getOrDefault(r.id(), List.of()), second.getOrDefault(r.id(), List.of()));
        }).toList();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), new FiledContract(rs.getString("filing_code"), ContractType.valueOf(rs.getString("type")),
                rs.getString("status"), rs.getString("unit_code"), rs.getString("district_code"), rs.getBigDecimal("price"),
                rs.getString("payment_type"), rs.getString("loan_type"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("start_on", LocalDate.class), rs.getObject("end_on", LocalDate.class),
                rs.getObject("filed_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime(),
                FilingJson.read(json, rs.getString("unit_snapshot")), List.of(), List.of()));
    }
}
