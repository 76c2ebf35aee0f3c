package cn.tongban.bench;

/**
 * The benchmarks of {@code mvn -Pbench verify}: the 楼盘表 bulk import against its COPY ceiling (issue #2) and the
 * read cost of encryption and audit (issue #3), each reporting its reference figure measured in the same run.
 * {@code -Dbench.only=import} or {@code =read} runs one; {@code -Dbench.units} and {@code -Dbench.reads} set sizes.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "");
        try (BenchPlatform platform = new BenchPlatform()) {
            if (only.isEmpty() || only.equals("read")) {
                ReadCostBenchmark.run(platform, Integer.getInteger("bench.reads", 20_000));
            }
            if (only.isEmpty() || only.equals("import")) {
                UnitImportBenchmark.run(platform, Integer.getInteger("bench.units", 1_000_000));
            }
        }
    }
}
