package cn.tongban.tax;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import cn.tongban.tax.TaxCalculationRequest.Buyer;
import cn.tongban.tax.TaxCalculationRequest.PartyKind;
import cn.tongban.tax.TaxCalculationRequest.Relation;
import cn.tongban.tax.TaxCalculationRequest.Scenario;
import cn.tongban.tax.TaxCalculationRequest.Seller;
import cn.tongban.tax.TaxCalculationRequest.TransferType;

/**
 * Issue #6: the housing-transfer calculation on generated cases, on one thread, without the platform — the
 * calculator built directly on {@code tax/parameters.csv}. Goal: 200,000 calculations/s or more.
 */
public final class TaxBenchmark {

    private static final String[] DISTRICTS = {"320402", "320404", "320411", "320412", "320413", "320481"};
    private static final LocalDate FIRST = LocalDate.of(2021, 9, 1);
    private static final int DAYS = (int) (LocalDate.of(2026, 12, 31).toEpochDay() - FIRST.toEpochDay());

    private TaxBenchmark() {
    }

    public static void run(int cases) throws Exception {
        TaxCalculator calculator = new TaxCalculator(TaxParameters.load());
        System.out.printf("tax: generating %,d housing-transfer cases%n", cases);
        TaxCalculationRequest[] requests = generate(cases, new Random(6));
        // warm-up, not measured: the JIT compiles the calculation
        BigDecimal check = BigDecimal.ZERO;
        for (int i = 0; i < Math.min(cases, 200_000); i++) {
            check = check.add(total(calculator.calculate(requests[i])));
        }
        long lines = 0;
        long undetermined = 0;
        boolean profiling = cn.tongban.bench.Profiling.start();
        // the machine is shared: the thread's CPU time says what the calculation costs whatever else runs
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (TaxCalculationRequest request : requests) {
            TaxCalculation result = calculator.calculate(request);
            lines += result.lines().size();
            undetermined += result.undetermined().size();
            check = check.add(total(result));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (profiling) {
            cn.tongban.bench.Profiling.stop("tax");
        }
        System.out.printf("tax: %,d calculations in %.2f s on one thread: %,.0f calculations/s (goal 200,000/s); "
                + "%.2f s of that thread's CPU time: %,.0f calculations per CPU second; %,d lines, %,d undetermined facts, "
                + "total tax %s yuan%n", cases, seconds, cases / seconds, cpuSeconds, cases / cpuSeconds, lines, undetermined,
                check.toPlainString());
    }

    private static BigDecimal total(TaxCalculation result) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal amount : result.totals().values()) {
            sum = sum.add(amount);
        }
        return sum;
    }

    /** Sales of individuals' homes in 常州: prices, areas, holding periods and the buyer's homes spread over the table's dates. */
    static TaxCalculationRequest[] generate(int cases, Random random) {
        TaxCalculationRequest[] requests = new TaxCalculationRequest[cases];
        for (int i = 0; i < cases; i++) {
            LocalDate contract = FIRST.plusDays(random.nextInt(DAYS + 1));
            LocalDate acquired = contract.minusDays(random.nextInt(12 * 365));
            boolean fiveYears = !contract.isBefore(acquired.plusYears(5));
            BigDecimal price = BigDecimal.valueOf(500_000 + random.nextInt(4_500_000)).add(BigDecimal.valueOf(random.nextInt(100), 2));
            BigDecimal area = BigDecimal.valueOf(4_000 + random.nextInt(16_000), 2);
            BigDecimal cost = random.nextBoolean() ? null : price.multiply(BigDecimal.valueOf(60 + random.nextInt(40), 2))
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            Seller seller = new Seller(PartyKind.INDIVIDUAL, acquired, cost, cost == null ? null : cost.multiply(new BigDecimal("0.01")).setScale(2, java.math.RoundingMode.HALF_UP),
                    cost == null ? null : BigDecimal.valueOf(random.nextInt(200_000)), null, BigDecimal.valueOf(random.nextInt(5_000)),
                    fiveYears ? random.nextBoolean() : Boolean.FALSE);
            Buyer buyer = new Buyer(PartyKind.INDIVIDUAL, random.nextInt(3), Relation.NONE);
            requests[i] = new TaxCalculationRequest(Scenario.HOUSING_TRANSFER, contract, DISTRICTS[random.nextInt(DISTRICTS.length)],
                    null, price, TransferType.SALE, null, null, area, Boolean.TRUE, buyer, seller, random.nextInt(4) == 0, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
        return requests;
    }
}
