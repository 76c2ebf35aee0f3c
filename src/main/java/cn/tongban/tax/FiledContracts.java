package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.filing.ContractAmended;
import cn.tongban.filing.ContractCancelled;
import cn.tongban.filing.ContractFiled;
import cn.tongban.filing.ContractType;

/**
 * 已备案合同 (filed sale contracts) as the tax side keeps them: what a declaration is pre-filled from instead of
 * paper (建房〔2020〕61号 四 "无纸化""免填单"). Kept from the filing module's events synchronously, in the filing's own
 * transaction: a contract that is filed can be declared at once, and a filing that rolls back leaves no copy here.
 * Only the terms are copied (unit, district, price, date), never the parties' personal data.
 */
@Component
class FiledContracts {

    private final JdbcClient jdbc;

    FiledContracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A filed contract's terms. */
    record FiledContract(String filingCode, ContractType type, String unitCode, String districtCode, BigDecimal price,
            LocalDate signedOn, boolean cancelled) {
    }

    @EventListener
    void on(ContractFiled filed) {
        // leases and mortgages transfer no ownership (契税法 第二条): nothing to declare
        if (filed.type() != ContractType.NEW_SALE && filed.type() != ContractType.EXISTING_SALE) {
            return;
        }
        jdbc.sql("""
                INSERT INTO tax_filed_contract (filing_code, contract_type, unit_code, district_code, price, signed_on, filed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (filing_code) DO NOTHING""")
                .params(filed.filingCode(), filed.type().name(), filed.unitCode(), filed.districtCode(), filed.price(),
                        filed.signedOn(), filed.filedAt())
                .update();
    }

    /** 变更网签备案: the declaration is pre-filled with the price in force. */
    @EventListener
    void on(ContractAmended amended) {
        jdbc.sql("UPDATE tax_filed_contract SET price = ? WHERE filing_code = ?").params(amended.price(), amended.filingCode())
                .update();
    }

    @EventListener
    void on(ContractCancelled cancelled) {
        jdbc.sql("UPDATE tax_filed_contract SET cancelled = true WHERE filing_code = ?").param(cancelled.filingCode()).update();
    }

    Optional<FiledContract> find(String filingCode) {
        return jdbc.sql("""
                SELECT filing_code, contract_type, unit_code, district_code, price, signed_on, cancelled
                  FROM tax_filed_contract WHERE filing_code = ?""")
                .param(filingCode)
                .query((rs, n) -> new FiledContract(rs.getString(1), ContractType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getBoolean(7)))
                .optional();
    }
}
