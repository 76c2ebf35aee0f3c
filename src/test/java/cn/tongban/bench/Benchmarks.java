package cn.tongban.bench;

/**
 * The benchmarks of {@code mvn -Pbench verify}: the 楼盘表 bulk import against its COPY ceiling (issue #2), the
 * read cost of encryption and audit (issue #3) and 网签备案 under concurrent load against a bare JDBC ceiling
 * (issue #4), the sharing interface's 住房套数 query against the same SQL over bare JDBC (issue #5), each reporting
 * its reference figure measured in the same run, the tax calculation (issue #6), which needs no platform, and
 * transfer registrations through their process against bare register-book inserts (issue #7).
 * {@code -Dbench.only=import}, {@code =read}, {@code =filing}, {@code =housing}, {@code =tax} or {@code =registration} runs one;
 * {@code -Dbench.registrations} and {@code -Dbench.registration.clients} size the last;
 * {@code -Dbench.units}, {@code -Dbench.reads}, {@code -Dbench.filing.seconds}, {@code -Dbench.filing.clients},
 * {@code -Dbench.housing.seconds}, {@code -Dbench.housing.clients} and {@code -Dbench.tax.cases} set sizes.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "");
        if (only.isEmpty() || only.equals("tax")) {
            cn.tongban.tax.TaxBenchmark.run(Integer.getInteger("bench.tax.cases", 1_000_000));
            if (only.equals("tax")) {
                return; // a pure calculation: no database, no platform to start
            }
        }
        try (BenchPlatform platform = new BenchPlatform()) {
            if (only.isEmpty() || only.equals("read")) {
                ReadCostBenchmark.run(platform, Integer.getInteger("bench.reads", 20_000));
            }
            if (only.isEmpty() || only.equals("import")) {
                UnitImportBenchmark.run(platform, Integer.getInteger("bench.units", 1_000_000));
            }
            if (only.isEmpty() || only.equals("filing")) {
                FilingBenchmark.run(platform, Integer.getInteger("bench.filing.seconds", 60),
                        Integer.getInteger("bench.filing.clients", 32));
            }
            if (only.isEmpty() || only.equals("registration")) {
                RegistrationBenchmark.run(platform, Integer.getInteger("bench.registrations", 10_000),
                        Integer.getInteger("bench.registration.clients", 8));
            }
            if (only.isEmpty() || only.equals("housing")) {
                HousingBenchmark.run(platform, Integer.getInteger("bench.housing.seconds", 60),
                        Integer.getInteger("bench.housing.clients", 64));
            }
        }
    }
}
