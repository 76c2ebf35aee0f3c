package cn.tongban.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;

import cn.tongban.TestData;
import cn.tongban.kernel.CitizenIdNumber;

/**
 * Issue #4 item 9 benchmark: 网签备案 of new homes under load. A developer's system (its own client, bearer token)
 * files sale contracts of distinct 可售 units from many concurrent clients over real HTTP for a fixed time; in the
 * same run a bare JDBC transaction per filing does the same database work — the filing code from its sequence, the
 * contract, its two parties, the verification report and the unit's status change (whose trigger marks the unit
 * 已备案) — from as many threads, each on its own connection: the ceiling. Goal: at least 1,000 filings/s with a
 * p99 latency of at most 100 ms.
 *
 * <p>Both runs file units of their own: before measuring, a project of a generated developer is given buildings,
 * units (bulk import) and a presale permit per building, one set for the API and a fresh one for the ceiling, sized
 * for an optimistic rate; a run that uses up its units stops early and says so.
 */
final class FilingBenchmark {

    private static final int FLOORS = 25;
    private static final int PER_FLOOR = 20;
    private static final String DISTRICT = "320411";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Units are prepared for this many filings per second of the run (optimistic), at most {@link #MAX_UNITS} per run. */
    private static final int OPTIMISTIC_API_RATE = 2_000;
    private static final int OPTIMISTIC_CEILING_RATE = 3_000;
    private static final int MAX_UNITS = 250_000;
    /** Not measured: lets the JIT compile the paths and the pools fill before anything counts. */
    static final int WARM_UP_SECONDS = 15;
    private static final double GOAL_RATE = 1_000;
    private static final double GOAL_P99_MS = 100;
    private static final String SEALED = "k1:AAAA";
    private static final String INDEX = "0123456789abcdef".repeat(4);

    private FilingBenchmark() {
    }

    static void run(BenchPlatform platform, int seconds, int clients) throws Exception {
        platform.signIn("housing-admin");
        String developer = TestData.creditCode();
        LocalDate today = LocalDate.now(CHINA);
        long start = System.nanoTime();
        UnitSet apiUnits = unitsOnSale(platform, developer, unitsFor(seconds, OPTIMISTIC_API_RATE), today);
        UnitSet ceilingUnits = unitsOnSale(platform, developer, unitsFor(seconds, OPTIMISTIC_CEILING_RATE), today);
        System.out.printf(Locale.ROOT, "%nfiling benchmark: %,d + %,d units on sale (developer %s) prepared in %.1f s%n",
                apiUnits.codes().length, ceilingUnits.codes().length, developer, (System.nanoTime() - start) / 1e9);
        String token = developerToken(platform, developer);

        DataSource owner = platform.app.getBean("ownerDataSource", DataSource.class);
        checkpoint(owner);
        Run ceiling = new CeilingRun(owner, ceilingUnits, developer, today).measure(seconds, clients);
        checkpoint(owner);
        long auditBefore = auditSequence(owner);
        Run api = new ApiRun(platform, token, apiUnits, developer, today).measure(seconds, clients);
        long auditEntries = auditSequence(owner) - auditBefore;

        boolean met = api.rate() >= GOAL_RATE && api.percentile(0.99) <= GOAL_P99_MS;
        System.out.printf(Locale.ROOT, """

                ============ 网签备案 benchmark (%d clients, %d s each, %d cores) ============
                                                     filings/s   p50 ms   p95 ms   p99 ms
                ceiling: bare JDBC transaction       %,9.0f %8.1f %8.1f %8.1f
                filing API: POST /api/v1/contracts   %,9.0f %8.1f %8.1f %8.1f
                API / ceiling                        %8.1f %%
                audit chain entries per API filing   %9.1f
                %sgoal: >= %,.0f filings/s and p99 <= %.0f ms -> %s
                ===============================================================================
                %n""", clients, seconds, Runtime.getRuntime().availableProcessors(),
                ceiling.rate(), ceiling.percentile(0.50), ceiling.percentile(0.95), ceiling.percentile(0.99),
                api.rate(), api.percentile(0.50), api.percentile(0.95), api.percentile(0.99),
                100 * api.rate() / ceiling.rate(), api.attempts() == 0 ? Double.NaN : (double) auditEntries / api.attempts(),
                ceiling.summary("ceiling") + api.summary("API"), GOAL_RATE, GOAL_P99_MS, met ? "MET" : "NOT MET");
    }

    /** How far the audit chain's sequence has gone: entries written since, by whatever ran meanwhile (warm-up included). */
    static long auditSequence(DataSource db) {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT seq FROM audit_chain_head")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException noAuditLog) {
            return 0;
        }
    }

    private static int unitsFor(int seconds, int rate) {
        return (int) Math.min((long) (seconds + WARM_UP_SECONDS) * rate, MAX_UNITS);
    }

    record UnitSet(long projectId, String[] codes) {
    }

    /** A new project of the developer: buildings, units by bulk import, and a presale permit per building. */
    static UnitSet unitsOnSale(BenchPlatform platform, String developer, int units, LocalDate today) throws Exception {
        long projectId = platform.postJson("/api/v1/projects", """
                {"name":"网签基准项目%d","developerCreditCode":"%s","districtCode":"%s","parcelCode":"%s","landUse":"城镇住宅用地"}"""
                .formatted(TestData.next(), developer, DISTRICT, TestData.parcelCode(DISTRICT)), 201).get("id").asLong();
        int perBuilding = FLOORS * PER_FLOOR;
        int buildings = (units + perBuilding - 1) / perBuilding;
        long[] ids = new long[buildings];
        String[] codes = new String[units];
        Path csv = Files.createDirectories(Path.of("target", "bench")).resolve("filing-units-" + projectId + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("unitCode,houseCode,location,floor,roomNo,buildingArea,innerArea,sharedArea,houseUse,landUse,houseNature,houseType,roomLayout,layoutStructure,orientation,houseState\n");
            for (int b = 0; b < buildings; b++) {
                JsonNode building = platform.postJson("/api/v1/buildings", """
                        {"projectId":%d,"buildingNumber":"%04d","name":"%d幢","floorsAbove":%d,"structure":"3"}"""
                        .formatted(projectId, b + 1, b + 1, FLOORS), 201);
                ids[b] = building.get("id").asLong();
                for (int seq = 1; seq <= perBuilding && b * perBuilding + seq <= units; seq++) {
                    int floor = (seq - 1) / PER_FLOOR + 1;
                    int room = (seq - 1) % PER_FLOOR + 1;
                    String code = building.get("buildingCode").asText() + "%04d".formatted(seq);
                    codes[b * perBuilding + seq - 1] = code;
                    out.write(code + ",,常州市新北区网签大道%d号备案花园%d幢%d%02d室,%d,%d%02d,89.50,73.39,16.11,11,城镇住宅用地,0,01,03,01,02,01\n"
                            .formatted(projectId, b + 1, floor, room, floor, floor, room));
                }
            }
        }
        String report = platform.send(platform.request("/api/v1/units/imports").header("Content-Type", "text/csv")
                .header("X-File-Name", csv.getFileName().toString()).POST(HttpRequest.BodyPublishers.ofFile(csv)), 200);
        JsonNode imported = BenchPlatform.JSON.readTree(report);
        if (imported.path("inserted").asLong() != units || imported.path("rejected").asLong() != 0) {
            throw new IllegalStateException("import of the bench units: " + report.substring(0, Math.min(2000, report.length())));
        }
        Files.delete(csv);
        for (long id : ids) {
            platform.postJson("/api/v1/buildings/" + id + "/sale-permits", """
                    {"kind":"PRESALE","permitNo":"常房预售〔%d〕基准%d号","issuedOn":"%s","validFrom":"%s"}"""
                    .formatted(today.getYear(), TestData.next(), today.minusDays(30), today.minusDays(30)), 201);
        }
        return new UnitSet(projectId, codes);
    }

    /** A system client of the developer's own department (a developer sees its own projects only), and its token. */
    static String developerToken(BenchPlatform platform, String developer) throws Exception {
        long department = platform.postJson("/api/v1/departments", """
                {"creditCode":"%s","name":"网签基准开发有限公司","type":"DEVELOPER","allDistricts":false,"districts":[]}"""
                .formatted(developer), 201).get("id").asLong();
        JsonNode client = platform.postJson("/api/v1/clients", """
                {"clientId":"bench-developer-%d","name":"网签基准开发企业系统","departmentId":%d,"roles":["developer-clerk"]}"""
                .formatted(TestData.next(), department), 201);
        return platform.token(client.get("clientId").asText(), client.get("clientSecret").asText());
    }

    /** Writes out dirty buffers left by the preparation (or the previous run), so that each run starts alike. */
    static void checkpoint(DataSource db) {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CHECKPOINT");
        } catch (SQLException notAllowed) {
            System.out.println("(no CHECKPOINT before the run: " + notAllowed.getMessage() + ")");
        }
    }

    /** A connection of the client's own, past the owner's pool (2 connections), as a client of its own would hold. */
    static Connection ownConnection(HikariDataSource owner) throws SQLException {
        return owner.getDataSource() != null ? owner.getDataSource().getConnection()
                : DriverManager.getConnection(owner.getJdbcUrl(), owner.getUsername(), owner.getPassword());
    }

    /**
     * One measured run: its clients take the next unit until the time is up or the units are used up, each keeping
     * its own latencies.
     */
    abstract static class Run {

        final UnitSet units;
        final AtomicInteger next = new AtomicInteger();
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final List<String> firstBodies = java.util.Collections.synchronizedList(new ArrayList<>());
        long filed;
        double seconds;
        long[] latencies = new long[0];
        volatile boolean ranOut;

        Run(UnitSet units) {
            this.units = units;
        }

        /** Files one unit; returns null when filed, else what went wrong (a status or an exception) and a body. */
        abstract String[] file(Object client, int unit) throws Exception;

        abstract Object client() throws Exception;

        void close(Object client) throws Exception {
        }

        abstract String name();

        Run measure(int seconds, int clients) throws Exception {
            phase(WARM_UP_SECONDS, clients, false);
            failures.clear();
            firstBodies.clear();
            boolean profiling = Profiling.start();
            phase(seconds, clients, true);
            if (profiling) {
                Profiling.stop("filing-" + name().replaceAll("[^A-Za-z]+", "-"));
            }
            System.out.printf(Locale.ROOT, "%s: %,d done in %.2f s (%,.0f/s), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s%n",
                    name(), filed, this.seconds, rate(), percentile(0.50), percentile(0.95), percentile(0.99), percentile(1.0),
                    failures.isEmpty() ? "" : ", failed " + failures);
            return this;
        }

        private void phase(int seconds, int clients, boolean measured) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicLong created = new AtomicLong();
            List<Future<long[]>> workers = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            for (int t = 0; t < clients; t++) {
                workers.add(pool.submit(() -> {
                    Object client = client();
                    long[] own = new long[1024];
                    int count = 0;
                    try {
                        while (System.nanoTime() < end) {
                            int unit = next.getAndIncrement();
                            if (unit >= units.codes().length) {
                                ranOut = true;
                                break;
                            }
                            long before = System.nanoTime();
                            String[] failure;
                            try {
                                failure = file(client, unit);
                            } catch (Exception e) {
                                failure = new String[] {e.getClass().getSimpleName(), String.valueOf(e.getMessage())};
                            }
                            long took = System.nanoTime() - before;
                            if (count == own.length) {
                                own = Arrays.copyOf(own, count * 2);
                            }
                            own[count++] = took;
                            if (failure == null) {
                                created.incrementAndGet();
                            } else {
                                failures.computeIfAbsent(failure[0], k -> new AtomicLong()).incrementAndGet();
                                if (firstBodies.size() < 5) {
                                    firstBodies.add(failure[0] + " " + units.codes()[unit] + ": "
                                            + failure[1].substring(0, Math.min(600, failure[1].length())));
                                }
                            }
                        }
                    } finally {
                        close(client);
                    }
                    return Arrays.copyOf(own, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> worker : workers) {
                all.add(worker.get());
            }
            double took = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (measured) {
                filed = created.get();
                this.seconds = took;
                latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            }
        }

        double rate() {
            return filed / seconds;
        }

        /** Units tried, warm-up included. */
        long attempts() {
            return Math.min(next.get(), units.codes().length);
        }

        /** The latency in ms below which the given fraction of the requests finished (nearest rank). */
        double percentile(double fraction) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(fraction * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }

        /** Lines for the summary on what did not go as planned: failures, and a run cut short by its units. */
        String summary(String what) {
            StringBuilder text = new StringBuilder();
            if (ranOut) {
                text.append("%s: STOPPED EARLY after %.1f s, its %,d units were used up%n".formatted(what, seconds, units.codes().length));
            }
            if (!failures.isEmpty()) {
                long total = failures.values().stream().mapToLong(AtomicLong::get).sum();
                text.append("%s: %,d not filed %s, first: %n".formatted(what, total, new TreeMap<>(failures)));
                synchronized (firstBodies) {
                    firstBodies.forEach(body -> text.append("    ").append(body).append('\n'));
                }
            }
            return text.isEmpty() ? "" : text.toString().stripTrailing() + "\n";
        }
    }

    /** The filing API over HTTP/1.1 with keep-alive, as the developer's system. */
    private static final class ApiRun extends Run {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final URI uri;
        private final String token;
        private final String developer;
        private final LocalDate signedOn;

        ApiRun(BenchPlatform platform, String token, UnitSet units, String developer, LocalDate signedOn) {
            super(units);
            this.uri = URI.create(platform.base + "/api/v1/contracts");
            this.token = token;
            this.developer = developer;
            this.signedOn = signedOn;
        }

        @Override
        String name() {
            return "filing API";
        }

        @Override
        Object client() {
            return http;
        }

        @Override
        String[] file(Object client, int unit) throws Exception {
            String buyer = CitizenIdNumber.withCheckCharacter("320411" + LocalDate.of(1960, 1, 1).plusDays(unit % 14_000)
                    .toString().replace("-", "") + "%03d".formatted(unit % 1000)).value();
            String body = """
                    {"type":"NEW_SALE","unitCode":"%s","signedOn":"%s","price":1580000.00,"paymentType":"01","loanType":"01",
                     "sellers":[{"idType":"02","idNumber":"%s","name":"网签基准开发有限公司"}],
                     "buyers":[{"idType":"01","idNumber":"%s","name":"张三","phone":"13812345678"}]}"""
                    .formatted(units.codes()[unit], signedOn, developer, buyer);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? null : new String[] {"HTTP " + response.statusCode(), response.body()};
        }
    }

    /** The same database work as a filing, as one bare JDBC transaction on a connection of the client's own. */
    private static final class CeilingRun extends Run {

        private final HikariDataSource owner;
        private final String developer;
        private final LocalDate signedOn;

        CeilingRun(DataSource owner, UnitSet units, String developer, LocalDate signedOn) {
            super(units);
            // past the owner's pool (2 connections): every client holds a connection, as a client of its own would
            this.owner = (HikariDataSource) owner;
            this.developer = developer;
            this.signedOn = signedOn;
        }

        @Override
        String name() {
            return "ceiling (bare JDBC)";
        }

        record Statements(Connection connection, PreparedStatement sequence, PreparedStatement contract, PreparedStatement party,
                PreparedStatement verification, PreparedStatement status) {
        }

        @Override
        Object client() throws SQLException {
            Connection c = ownConnection(owner);
            c.setAutoCommit(false);
            return new Statements(c,
                    c.prepareStatement("SELECT nextval('filing_code_seq')"),
                    c.prepareStatement("""
                            INSERT INTO contract (filing_code, type, status, unit_code, district_code, project_id, price, payment_type,
                                                  loan_type, signed_on, unit_snapshot, filed_at, filed_by, department_code, request_digest)
                            VALUES (?, 'NEW_SALE', 'FILED', ?, ?, ?, 1580000.00, '01', '01', ?, '{}'::jsonb, now(), ?, ?, ?) RETURNING id"""),
                    c.prepareStatement("""
                            INSERT INTO contract_party (contract_id, role, position, id_type, id_number_sealed, id_number_index, name_sealed,
                                                        phone_sealed, co_ownership)
                            VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)"""),
                    c.prepareStatement("""
                            INSERT INTO contract_verification (contract_id, unit_code, attempted_by, outcome, checks)
                            VALUES (?, ?, ?, 'FILED', '{}'::jsonb)"""),
                    c.prepareStatement("""
                            INSERT INTO unit_status_change (unit_code, aspect, old_value, new_value, reason, source_document, recorded_by)
                            VALUES (?, 'TRADE_STATUS', 'AVAILABLE', 'FILED', '网签备案', ?, ?)"""));
        }

        @Override
        void close(Object client) throws SQLException {
            ((Statements) client).connection().close();
        }

        @Override
        String[] file(Object client, int unit) throws SQLException {
            Statements s = (Statements) client;
            String unitCode = units.codes()[unit];
            try {
                long sequence;
                try (ResultSet rs = s.sequence().executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                }
                String filingCode = "%s-%d-XS-%08d".formatted(DISTRICT, signedOn.getYear(), sequence);
                PreparedStatement contract = s.contract();
                contract.setString(1, filingCode);
                contract.setString(2, unitCode);
                contract.setString(3, DISTRICT);
                contract.setLong(4, units.projectId());
                contract.setObject(5, signedOn);
                contract.setString(6, "bench-ceiling");
                contract.setString(7, developer);
                contract.setString(8, INDEX);
                long id;
                try (ResultSet rs = contract.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                party(s.party(), id, "SELLER", "02", null);
                party(s.party(), id, "BUYER", "01", "01");
                s.verification().setLong(1, id);
                s.verification().setString(2, unitCode);
                s.verification().setString(3, "bench-ceiling");
                s.verification().executeUpdate();
                s.status().setString(1, unitCode);
                s.status().setString(2, filingCode);
                s.status().setString(3, "bench-ceiling");
                s.status().executeUpdate();
                s.connection().commit();
                return null;
            } catch (SQLException e) {
                s.connection().rollback();
                return new String[] {"SQLState " + e.getSQLState(), String.valueOf(e.getMessage())};
            }
        }

        private static void party(PreparedStatement party, long contract, String role, String idType, String coOwnership)
                throws SQLException {
            party.setLong(1, contract);
            party.setString(2, role);
            party.setString(3, idType);
            party.setString(4, SEALED);
            party.setString(5, INDEX);
            party.setString(6, SEALED);
            party.setString(7, SEALED);
            party.setString(8, coOwnership);
            party.executeUpdate();
        }
    }
}
