package cn.tongban.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #3 benchmark: what the audit log and personal-data encryption cost a simple read. A department system
 * (the demo bank) reads one 楼盘表 unit by its code, over HTTP with its bearer token, many times from several
 * threads: once a unit without owners (no personal data: nothing to open, nothing to audit), once a unit with two
 * registered owners (two SM4 values opened per owner, masked, and an audit row chained per read). Same endpoint,
 * same run.
 */
final class ReadCostBenchmark {

    private static final int THREADS = 4;

    private ReadCostBenchmark() {
    }

    static void run(BenchPlatform platform, int reads) throws Exception {
        String token = platform.token("bank-demo");
        JdbcClient db = JdbcClient.create(platform.app.getBean("ownerDataSource", javax.sql.DataSource.class));
        String plain = db.sql("SELECT unit_code FROM unit u WHERE NOT EXISTS (SELECT 1 FROM unit_owner o WHERE o.unit_code = u.unit_code) LIMIT 1")
                .query(String.class).single();
        String owned = db.sql("SELECT unit_code FROM unit_owner GROUP BY unit_code HAVING count(*) = 2 LIMIT 1")
                .query(String.class).single();
        long auditBefore = auditRows(db);

        measure(platform, token, plain, reads / 2); // warm-up: the JIT compiles both paths before anything counts
        measure(platform, token, owned, reads / 2);
        // interleaved rounds, best of each, so that a slow moment of the machine does not fall on one side only
        double withoutPersonalData = 0;
        double withPersonalData = 0;
        for (int round = 0; round < 3; round++) {
            withoutPersonalData = Math.max(withoutPersonalData, measure(platform, token, plain, reads));
            withPersonalData = Math.max(withPersonalData, measure(platform, token, owned, reads));
        }
        long audited = auditRows(db) - auditBefore;

        System.out.printf(Locale.ROOT, """

                ========= read cost of encryption and audit (best of 3 rounds of %,d reads, %d threads) =========
                unit without owners (nothing to open or audit)    %,10.0f reads/s
                unit with 2 owners (SM4 open + mask + audit row)  %,10.0f reads/s  = %5.1f %% of the plain read
                cost of encryption and audit                                    %5.1f %%
                audit rows written during the run: %,d
                ===============================================================================================
                %n""", reads, THREADS, withoutPersonalData, withPersonalData, 100 * withPersonalData / withoutPersonalData,
                100 * (1 - withPersonalData / withoutPersonalData), audited);
    }

    private static long auditRows(JdbcClient db) {
        try {
            return db.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        } catch (RuntimeException noAuditTable) {
            return -1;
        }
    }

    private static double measure(BenchPlatform platform, String token, String unitCode, int reads) throws Exception {
        HttpRequest request = platform.request("/api/v1/units/" + unitCode).header("Authorization", "Bearer " + token).GET().build();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        Future<?>[] workers = new Future<?>[THREADS];
        for (int t = 0; t < THREADS; t++) {
            workers[t] = pool.submit(() -> {
                for (int i = 0; i < reads / THREADS; i++) {
                    try {
                        HttpResponse<String> response = platform.http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " reads of " + unitCode + " failed");
        }
        return (reads / THREADS * THREADS) / seconds;
    }
}
