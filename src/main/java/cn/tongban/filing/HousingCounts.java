package cn.tongban.filing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** Counts homes by the blind index of the ID number: the 楼盘表's registered owners and live sale filings' buyers. */
@Service
class HousingCounts implements HousingCount {

    private final JdbcClient jdbc;
    private final BuildingTable buildingTable;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    HousingCounts(JdbcClient jdbc, BuildingTable buildingTable, PersonalDataCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.buildingTable = buildingTable;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Result of(String idNumber) {
        String index = cipher.blindIndex(IdNumbers.normalise(idNumber));
        List<String> registered = buildingTable.unitsOwnedBy(index);
        List<String> underContract = jdbc.sql("""
                SELECT DISTINCT c.unit_code FROM contract c JOIN contract_party p ON p.contract_id = c.id
                 WHERE p.id_number_index = ? AND p.role = 'BUYER' AND c.status = 'FILED' AND c.type IN ('NEW_SALE', 'EXISTING_SALE')
                 ORDER BY 1""")
                .param(index).query(String.class).list().stream().filter(unit -> !registered.contains(unit)).toList();
        audit.record(AuditRecord.read("housing-count", null, index));
        return new Result(registered.size() + underContract.size(), registered, underContract, false);
    }
}
