package cn.tongban.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * Issue #5 item 7 benchmark: the banks' 住房套数 query (建房〔2020〕61号 二), {@code GET
 * /api/v1/sharing/persons/{idNumber}/housing}, for random owners of demo units, from many concurrent clients over
 * real HTTP as the demo bank's system (its bearer token and demo grant, purpose and case number declared, every query
 * audited); in the same run the same SQL — the grant lookup, the family check, the registered homes and the homes
 * bought under live filings — over bare JDBC from as many threads, each on its own connection: the ceiling. Goal: at
 * least 3,000 queries/s with a p99 latency of at most 20 ms.
 */
final class HousingBenchmark {

    private static final double GOAL_RATE = 3_000;
    private static final double GOAL_P99_MS = 20;
    /** Queries are drawn for this many per second of the run (optimistic); a run that uses them up stops early. */
    private static final int OPTIMISTIC_RATE = 8_000;
    private static final String PURPOSE = "个人住房贷款审核";

    private HousingBenchmark() {
    }

    static void run(BenchPlatform platform, int seconds, int clients) throws Exception {
        DataSource owner = platform.app.getBean("ownerDataSource", DataSource.class);
        PersonalDataCipher cipher = platform.app.getBean(PersonalDataCipher.class);
        List<String> persons = JdbcClient.create(owner)
                .sql("SELECT DISTINCT id_number_sealed FROM unit_owner WHERE id_type = '01' LIMIT 20000")
                .query(String.class).list().stream().map(cipher::decrypt).toList();
        if (persons.isEmpty()) {
            throw new IllegalStateException("no owners in the demo city");
        }
        Random random = new Random(20_201_124);
        int draws = (seconds + FilingBenchmark.WARM_UP_SECONDS) * OPTIMISTIC_RATE;
        String[] apiDraws = new String[draws];
        String[] ceilingDraws = new String[draws];
        List<String> indexes = persons.stream().map(cipher::blindIndex).toList();
        for (int i = 0; i < draws; i++) {
            int person = random.nextInt(persons.size());
            apiDraws[i] = persons.get(person);
            ceilingDraws[i] = indexes.get(person);
        }
        String department = JdbcClient.create(owner).sql("""
                SELECT d.credit_code FROM system_client c JOIN department d ON d.id = c.department_id WHERE c.client_id = 'bank-demo'""")
                .query(String.class).single();
        String token = platform.token("bank-demo");
        System.out.printf(Locale.ROOT, "%nhousing benchmark: %,d demo owners, %,d draws each run%n", persons.size(), draws);

        FilingBenchmark.Run ceiling = new CeilingRun(owner, new FilingBenchmark.UnitSet(0, ceilingDraws), department)
                .measure(seconds, clients);
        long auditBefore = FilingBenchmark.auditSequence(owner);
        FilingBenchmark.Run api = new ApiRun(platform, token, new FilingBenchmark.UnitSet(0, apiDraws)).measure(seconds, clients);
        long auditEntries = FilingBenchmark.auditSequence(owner) - auditBefore;

        boolean met = api.rate() >= GOAL_RATE && api.percentile(0.99) <= GOAL_P99_MS;
        System.out.printf(Locale.ROOT, """

                ============ 住房套数 sharing benchmark (%d clients, %d s each, %d cores) ============
                                                              queries/s   p50 ms   p95 ms   p99 ms
                ceiling: the same SQL over bare JDBC          %,9.0f %8.1f %8.1f %8.1f
                GET /api/v1/sharing/persons/{id}/housing      %,9.0f %8.1f %8.1f %8.1f
                API / ceiling                                 %8.1f %%
                audit chain entries per API query             %9.2f
                %sgoal: >= %,.0f queries/s and p99 <= %.0f ms -> %s
                ====================================================================================
                %n""", clients, seconds, Runtime.getRuntime().availableProcessors(),
                ceiling.rate(), ceiling.percentile(0.50), ceiling.percentile(0.95), ceiling.percentile(0.99),
                api.rate(), api.percentile(0.50), api.percentile(0.95), api.percentile(0.99),
                100 * api.rate() / ceiling.rate(), api.attempts() == 0 ? Double.NaN : (double) auditEntries / api.attempts(),
                ceiling.summary("ceiling") + api.summary("API"), GOAL_RATE, GOAL_P99_MS, met ? "MET" : "NOT MET");
    }

    /** The sharing API over HTTP/1.1 with keep-alive, as the demo bank's system. */
    private static final class ApiRun extends FilingBenchmark.Run {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final String token;
        private final String purpose = URLEncoder.encode(PURPOSE, StandardCharsets.UTF_8);

        ApiRun(BenchPlatform platform, String token, FilingBenchmark.UnitSet persons) {
            super(persons);
            this.base = platform.base + "/api/v1/sharing/persons/";
            this.token = token;
        }

        @Override
        String name() {
            return "housing API";
        }

        @Override
        Object client() {
            return http;
        }

        @Override
        String[] file(Object client, int draw) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + units.codes()[draw] + "/housing"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("X-Purpose", purpose).header("X-Case-Number", "BENCH-" + draw).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : new String[] {"HTTP " + response.statusCode(), response.body()};
        }
    }

    /** The statements one housing query runs, with no HTTP, no encryption, no audit, on a connection of its own. */
    private static final class CeilingRun extends FilingBenchmark.Run {

        private final HikariDataSource owner;
        private final String department;

        CeilingRun(DataSource owner, FilingBenchmark.UnitSet indexes, String department) {
            super(indexes);
            this.owner = (HikariDataSource) owner;
            this.department = department;
        }

        record Statements(Connection connection, PreparedStatement grant, PreparedStatement family, PreparedStatement owned,
                PreparedStatement bought) {
        }

        @Override
        String name() {
            return "ceiling (bare JDBC)";
        }

        @Override
        Object client() throws SQLException {
            Connection c = FilingBenchmark.ownConnection(owner);
            c.setAutoCommit(true);
            return new Statements(c,
                    c.prepareStatement("SELECT * FROM sharing_grant WHERE department_code = ? AND item = 'HOUSING' AND revoked_at IS NULL"),
                    c.prepareStatement("""
                            SELECT EXISTS (SELECT 1 FROM marriage_record WHERE party_a_index = ? OR party_b_index = ?)
                                OR EXISTS (SELECT 1 FROM household_child WHERE parent_index = ?)"""),
                    c.prepareStatement("SELECT DISTINCT unit_code FROM unit_owner WHERE id_number_index = ? ORDER BY 1"),
                    c.prepareStatement("""
                            SELECT DISTINCT c.unit_code FROM contract c JOIN contract_party p ON p.contract_id = c.id
                             WHERE p.id_number_index = ? AND p.role = 'BUYER' AND c.status = 'FILED'
                               AND c.type IN ('NEW_SALE', 'EXISTING_SALE') ORDER BY 1"""));
        }

        @Override
        void close(Object client) throws SQLException {
            ((Statements) client).connection().close();
        }

        @Override
        String[] file(Object client, int draw) throws SQLException {
            Statements s = (Statements) client;
            String index = units.codes()[draw];
            s.grant().setString(1, department);
            drain(s.grant());
            s.family().setString(1, index);
            s.family().setString(2, index);
            s.family().setString(3, index);
            drain(s.family());
            s.owned().setString(1, index);
            drain(s.owned());
            s.bought().setString(1, index);
            drain(s.bought());
            return null;
        }

        private static void drain(PreparedStatement statement) throws SQLException {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }
}
