package cn.tongban.registration;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link RegistrationCounts} in one aggregate statement over the register book. */
@Component
class RegisterBookCounts implements RegistrationCounts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    RegisterBookCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Count> entries(YearMonth from, YearMonth to, Set<String> districts) {
        List<Object> args = new ArrayList<>();
        args.add(from.atDay(1).atStartOfDay(CHINA).toOffsetDateTime());
        args.add(to.plusMonths(1).atDay(1).atStartOfDay(CHINA).toOffsetDateTime());
        String scope = "";
        if (districts != null) {
            scope = " AND left(unit_code, 6) = ANY(?)";
            args.add(districts.toArray(String[]::new));
        }
        return jdbc.sql("""
                SELECT left(unit_code, 6) AS district, to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                       kind, count(*) AS entries
                  FROM register_entry WHERE recorded_at >= ? AND recorded_at < ?""" + scope + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                .params(args)
                .query((rs, n) -> new Count(rs.getString("district"), rs.getString("month"), rs.getString("kind"), rs.getLong("entries")))
                .list();
    }
}
