package cn.tongban.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.TestData;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.crypto.Sm3;
import cn.tongban.tax.TaxPaid;

/**
 * Issue #7 item 9 benchmark: transfer registrations from filed contracts, each driven over real HTTP through its
 * BPMN process — 申请 by the developer's system at the extended port, then the registrar's 受理, 审核, fee confirmation
 * and 登簿 (the register-book entry with its certificate number, the 楼盘表 and the event) — with the tax already paid
 * (the tax bureau's {@link TaxPaid} published for every contract beforehand, as its payment confirmation does).
 * Reported: registrations/s end to end and the time of each step. In the same run, the ceiling: the register-book
 * inserts alone (lock the unit, read its last entry, SM3 of the chained entry, insert) over bare JDBC from as many
 * threads.
 */
final class RegistrationBenchmark {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] STEPS = {"申请 POST /registrations", "受理 /acceptance", "审核 /review", "缴费 /payment",
            "登簿 /registration"};
    private static final int WARM_UP = 500;

    private RegistrationBenchmark() {
    }

    static void run(BenchPlatform platform, int count, int clients) throws Exception {
        platform.signIn("housing-admin");
        String developer = TestData.creditCode();
        LocalDate today = LocalDate.now(CHINA);
        int total = count + WARM_UP;
        long start = System.nanoTime();
        FilingBenchmark.UnitSet units = FilingBenchmark.unitsOnSale(platform, developer, total, today);
        String token = FilingBenchmark.developerToken(platform, developer);
        String[] filingCodes = fileAll(platform, token, units, developer, today, clients);
        DataSource owner = platform.app.getBean("ownerDataSource", DataSource.class);
        payTaxes(platform, owner, filingCodes);
        System.out.printf(Locale.ROOT, "%nregistration benchmark: %,d units filed and their tax paid, prepared in %.1f s%n", total,
                (System.nanoTime() - start) / 1e9);

        platform.signIn("registrar");
        FilingBenchmark.checkpoint(owner);
        Ceiling ceiling = ceiling(owner, count, clients);
        FilingBenchmark.checkpoint(owner);
        Api api = new Api(platform, token, units.codes(), filingCodes);
        api.drive(0, WARM_UP, clients);
        api.reset();
        api.drive(WARM_UP, total, clients);

        StringBuilder steps = new StringBuilder();
        for (int s = 0; s < STEPS.length; s++) {
            long[] sorted = api.steps[s].stream().mapToLong(Long::longValue).sorted().toArray();
            steps.append("  %-28s %8.1f %8.1f %8.1f%n".formatted(STEPS[s], mean(sorted), percentile(sorted, 0.50), percentile(sorted, 0.95)));
        }
        System.out.printf(Locale.ROOT, """

                ============ 不动产登记 benchmark: %,d transfers (%d clients, %d cores) ============
                                                         registrations/s   total s
                ceiling: register-book inserts, bare JDBC   %,12.0f %9.1f
                transfer through its process, API           %,12.0f %9.1f
                API / ceiling                                %10.1f %%
                time per step (ms):                  mean      p50      p95
                %s%s===================================================================================
                %n""", count, clients, Runtime.getRuntime().availableProcessors(), ceiling.rate(), ceiling.seconds,
                api.rate(), api.seconds, 100 * api.rate() / ceiling.rate(), steps,
                api.failures.isEmpty() ? "" : "failures " + new TreeMap<>(api.failures) + " first: " + api.firstFailures + "\n");
    }

    /** Files the developer's sale of every unit through the filing API, from as many clients. */
    private static String[] fileAll(BenchPlatform platform, String token, FilingBenchmark.UnitSet units, String developer,
            LocalDate signedOn, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] codes = new String[units.codes().length];
        parallel(codes.length, clients, i -> {
            String buyer = CitizenIdNumber.withCheckCharacter("320411" + LocalDate.of(1960, 1, 1).plusDays(i % 14_000)
                    .toString().replace("-", "") + "%03d".formatted(i % 1000)).value();
            String body = """
                    {"type":"NEW_SALE","unitCode":"%s","signedOn":"%s","price":1580000.00,"paymentType":"01","loanType":"01",
                     "sellers":[{"idType":"02","idNumber":"%s","name":"登记基准开发有限公司"}],
                     "buyers":[{"idType":"01","idNumber":"%s","name":"张三","phone":"13812345678"}]}"""
                    .formatted(units.codes()[i], signedOn, developer, buyer);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.base + "/api/v1/contracts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("filing " + units.codes()[i] + ": " + response.statusCode() + " " + response.body());
            }
            codes[i] = BenchPlatform.JSON.readTree(response.body()).get("filingCode").asText();
        });
        return codes;
    }

    /**
     * The tax bureau's 完税 records, published as its payment confirmation publishes them (in a transaction, through
     * the publication registry); waits until registration has received them all.
     */
    private static void payTaxes(BenchPlatform platform, DataSource owner, String[] filingCodes) throws InterruptedException {
        TransactionTemplate tx = new TransactionTemplate(platform.app.getBean(PlatformTransactionManager.class));
        for (int from = 0; from < filingCodes.length; from += 500) {
            int first = from;
            tx.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 500, filingCodes.length); i++) {
                    platform.app.publishEvent(new TaxPaid(filingCodes[i], 1_000_000L + i, "%018d".formatted(900_000_000_000L + i), false,
                            new BigDecimal("15000.00"), OffsetDateTime.now(CHINA)));
                }
            });
        }
        JdbcClient db = JdbcClient.create(owner);
        long deadline = System.currentTimeMillis() + 600_000;
        while (db.sql("SELECT count(*) FROM registration_tax_paid WHERE declaration_id BETWEEN 1000000 AND ?")
                .param(1_000_000L + filingCodes.length).query(Long.class).single() < filingCodes.length
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    /** The process over HTTP: the developer's system applies, the registrar (a signed-in session) does the rest. */
    private static final class Api {

        final BenchPlatform platform;
        final String token;
        final String[] units;
        final String[] filingCodes;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        @SuppressWarnings("unchecked")
        final List<Long>[] steps = new List[STEPS.length];
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong done = new AtomicLong();
        double seconds;

        Api(BenchPlatform platform, String token, String[] units, String[] filingCodes) {
            this.platform = platform;
            this.token = token;
            this.units = units;
            this.filingCodes = filingCodes;
            reset();
        }

        void reset() {
            for (int s = 0; s < STEPS.length; s++) {
                steps[s] = java.util.Collections.synchronizedList(new ArrayList<>());
            }
            failures.clear();
            done.set(0);
        }

        void drive(int from, int to, int clients) throws Exception {
            long start = System.nanoTime();
            parallel(to - from, clients, k -> {
                int i = from + k;
                try {
                    register(i);
                    done.incrementAndGet();
                } catch (IllegalStateException e) {
                    failures.computeIfAbsent(e.getMessage().split(" ")[0], x -> new AtomicLong()).incrementAndGet();
                    if (firstFailures.size() < 3) {
                        firstFailures.add(e.getMessage().substring(0, Math.min(400, e.getMessage().length())));
                    }
                }
            });
            seconds = (System.nanoTime() - start) / 1e9;
        }

        double rate() {
            return done.get() / seconds;
        }

        private void register(int i) throws Exception {
            long t = System.nanoTime();
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(platform.base + "/api/v1/registrations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"businessType":"TRANSFER","unitCode":"%s","filingCode":"%s"}""".formatted(units[i], filingCodes[i])))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (submitted.statusCode() != 201) {
                throw new IllegalStateException("submit " + submitted.statusCode() + " " + submitted.body());
            }
            String no = BenchPlatform.JSON.readTree(submitted.body()).get("applicationNo").asText();
            t = lap(0, t);
            step(no, "/acceptance", "{\"decision\":\"ACCEPT\"}");
            t = lap(1, t);
            JsonNode reviewed = step(no, "/review", "{\"decision\":\"APPROVE\"}");
            if (!reviewed.get("status").asText().equals("REVIEWED")) {
                throw new IllegalStateException("review " + reviewed.get("status").asText());
            }
            t = lap(2, t);
            step(no, "/payment", "{\"paymentReference\":\"BENCH-%d\",\"amount\":80.00}".formatted(i));
            t = lap(3, t);
            step(no, "/registration", null);
            lap(4, t);
        }

        private JsonNode step(String no, String path, String body) throws Exception {
            HttpRequest.Builder request = platform.request("/api/v1/registrations/" + no + path).header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = platform.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " " + response.statusCode() + " " + response.body());
            }
            return BenchPlatform.JSON.readTree(response.body());
        }

        private long lap(int step, long since) {
            long now = System.nanoTime();
            steps[step].add(now - since);
            return now;
        }
    }

    record Ceiling(double seconds, long count) {
        double rate() {
            return count / seconds;
        }
    }

    /** The register-book insert of each registration, bare: lock the unit, read its last entry, chain, insert. */
    private static Ceiling ceiling(DataSource owner, int count, int clients) throws Exception {
        String prefix = "320411%06dGB99999F".formatted(TestData.next() % 1_000_000);
        List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
            try {
                Connection c = FilingBenchmark.ownConnection((HikariDataSource) owner);
                c.setAutoCommit(false);
                opened.add(c);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        parallel(count, clients, i -> {
            Connection c = connection.get();
            String unit = prefix + "%08d".formatted(i);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('register_entry:' || ?, 0))");
                    PreparedStatement last = c.prepareStatement("SELECT seq, hash FROM register_entry WHERE unit_code = ? ORDER BY seq DESC LIMIT 1");
                    PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO register_entry (unit_code, seq, kind, content, application_no, registrar, recorded_at, prev_hash, hash)
                            VALUES (?, ?, 'OWNERSHIP', ?::jsonb, ?, 'bench', now(), ?, ?)""")) {
                lock.setString(1, unit);
                lock.execute();
                last.setString(1, unit);
                int seq = 1;
                String previous = "0".repeat(64);
                try (ResultSet rs = last.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getInt(1) + 1;
                        previous = rs.getString(2);
                    }
                }
                String content = "{\"owners\":[{\"idType\":\"01\",\"idNumberSealed\":\"k1:AAAA\",\"nameSealed\":\"k1:AAAA\"}],"
                        + "\"certificateNumber\":\"苏（2026）常州市不动产权第%07d号\"}".formatted(i);
                insert.setString(1, unit);
                insert.setInt(2, seq);
                insert.setString(3, content);
                insert.setString(4, "DJ320411%014d".formatted(i));
                insert.setString(5, previous);
                insert.setString(6, Sm3.hex(previous + "\n" + unit + "\n" + seq + "\n" + content));
                insert.executeUpdate();
                c.commit();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Connection c : opened) {
            c.close();
        }
        return new Ceiling(seconds, count);
    }

    interface Work {
        void run(int i) throws Exception;
    }

    /** Runs the work for 0..n-1 on that many threads, each taking the next index. */
    private static void parallel(int n, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    work.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double mean(long[] nanos) {
        return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
