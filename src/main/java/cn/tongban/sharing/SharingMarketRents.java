package cn.tongban.sharing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 市场租金价格水平: the market rent level per district and 房屋用途, in yuan per m² of building area per month, that the
 * provident fund's rent withdrawal weighs (建房〔2020〕61号 三). Seeded for Changzhou's districts; the housing
 * department keeps it current.
 */
@Component
class SharingMarketRents {

    /** One level as kept. */
    record MarketRent(String districtCode, String houseUse, BigDecimal monthlyPerSqm, String source) {
    }

    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final AuditLog audit;

    SharingMarketRents(JdbcClient jdbc, CurrentCaller callers, AuditLog audit) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.audit = audit;
    }

    Optional<BigDecimal> level(String districtCode, String houseUse) {
        return houseUse == null ? Optional.empty()
                : jdbc.sql("SELECT monthly_per_sqm FROM sharing_market_rent WHERE district_code = ? AND house_use = ?")
                        .params(districtCode, houseUse).query(BigDecimal.class).optional();
    }

    List<MarketRent> all() {
        return jdbc.sql("SELECT * FROM sharing_market_rent ORDER BY district_code, house_use")
                .query((rs, n) -> new MarketRent(rs.getString("district_code"), rs.getString("house_use"),
                        rs.getBigDecimal("monthly_per_sqm"), rs.getString("source"))).list();
    }

    /** Sets the level of a district and use (a new row or a replacement), audited. */
    @Transactional
    MarketRent set(String districtCode, String houseUse, BigDecimal monthlyPerSqm, String source) {
        List<Violation> violations = new ArrayList<>();
        try {
            AdministrativeDivision.of(districtCode);
        } catch (InvalidValueException e) {
            violations.add(e.at("districtCode"));
        }
        if (houseUse == null || !houseUse.matches("[0-9]{1,4}")) {
            violations.add(new Violation("houseUse", "sharing.house-use"));
        }
        if (monthlyPerSqm == null || monthlyPerSqm.signum() <= 0 || monthlyPerSqm.compareTo(new BigDecimal("100000")) >= 0) {
            violations.add(new Violation("monthlyPerSqm", "sharing.amount-range"));
        } else if (monthlyPerSqm.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("monthlyPerSqm", "sharing.amount-fen"));
        }
        if (source == null || source.isBlank() || source.length() > 200) {
            violations.add(new Violation("source", "sharing.source-required"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        jdbc.sql("""
                INSERT INTO sharing_market_rent (district_code, house_use, monthly_per_sqm, source, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (district_code, house_use) DO UPDATE SET monthly_per_sqm = excluded.monthly_per_sqm,
                    source = excluded.source, updated_by = excluded.updated_by, updated_at = now()""")
                .params(districtCode, houseUse, monthlyPerSqm, source.strip(), callers.get().actorId()).update();
        audit.record(AuditRecord.change("market-rent-set", "market-rent", districtCode + "/" + houseUse, null));
        return new MarketRent(districtCode, houseUse, monthlyPerSqm, source.strip());
    }
}
