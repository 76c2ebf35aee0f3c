package cn.tongban.filing;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link FiledContractFigures} in one aggregate statement over the filed contracts. */
@Component
class FiledContractFigureReader implements FiledContractFigures {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Top-level GB/T 17986.1 use of the unit as filed: its first digit and 0. */
    private static final String USE = "(left(unit_snapshot ->> 'houseUse', 1) || '0')";
    /** The building area as filed, when it is a number. */
    private static final String AREA = "(CASE WHEN jsonb_typeof(unit_snapshot -> 'buildingArea') = 'number'"
            + " THEN (unit_snapshot ->> 'buildingArea')::numeric END)";

    private final JdbcClient jdbc;

    FiledContractFigureReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figures> figures(Query query) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        return jdbc.sql("SELECT district_code, to_char(filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, type, "
                        + USE + " AS house_use, count(*) AS contracts, sum(price) AS total_price, sum(" + AREA + ") AS total_area"
                        + " FROM contract WHERE " + where + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
                .params(args)
                .query((rs, n) -> new Figures(rs.getString("district_code"), rs.getString("month"),
                        ContractType.valueOf(rs.getString("type")), rs.getString("house_use"), rs.getLong("contracts"),
                        rs.getBigDecimal("total_price"), rs.getBigDecimal("total_area")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Sale> sales(Query query, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(limit);
        return jdbc.sql("SELECT filing_code, type, district_code, " + USE + " AS house_use, signed_on, filed_at, price, "
                        + AREA + " AS area FROM contract WHERE " + where
                        + " AND type IN ('NEW_SALE', 'EXISTING_SALE') AND " + AREA + " > 0 ORDER BY filed_at, id LIMIT ?")
                .params(args)
                .query((rs, n) -> new Sale(rs.getString("filing_code"), ContractType.valueOf(rs.getString("type")),
                        rs.getString("district_code"), rs.getString("house_use"), rs.getObject("signed_on", java.time.LocalDate.class),
                        rs.getObject("filed_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime(),
                        rs.getBigDecimal("price"), rs.getBigDecimal("area")))
                .list();
    }

    private static String where(Query query, List<Object> args) {
        StringBuilder where = new StringBuilder("status = 'FILED' AND filed_at >= ? AND filed_at < ?");
        args.add(start(query.from()));
        args.add(start(query.to().plusMonths(1)));
        if (query.districts() != null) {
            where.append(" AND district_code = ANY(?)");
            args.add(query.districts().toArray(String[]::new));
        }
        if (query.houseUse() != null) {
            where.append(" AND ").append(USE).append(" = ?");
            args.add(query.houseUse());
        }
        return where.toString();
    }

    private static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(CHINA).toOffsetDateTime();
    }
}
