package cn.tongban;

import java.util.concurrent.atomic.AtomicInteger;

import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.UnifiedSocialCreditCode;

/** Valid codes for tests, unique within the test JVM so tests sharing one database do not collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(10_000 + (int) (System.nanoTime() % 50_000));

    private TestData() {
    }

    public static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A 19-character 宗地代码 in the given county, unique in this JVM. */
    public static String parcelCode(String county) {
        return county + "009009GB" + "%05d".formatted(next() % 100_000);
    }

    public static String creditCode() {
        return UnifiedSocialCreditCode.withCheckCharacters("913204" + "11" + "%08d".formatted(next())).value();
    }

    /**
     * A 公民身份号码 born on that day. Only 3 digits are free for a sequence, so the county varies too: the same birth
     * date gives 6,000 distinct numbers before one repeats (a repeat made a debtor listed by one test turn up in another).
     */
    public static String citizenId(String birthDate) {
        int n = next();
        return CitizenIdNumber.withCheckCharacter(CHANGZHOU_COUNTIES[(n / 1000) % CHANGZHOU_COUNTIES.length] + birthDate
                + "%03d".formatted(n % 1000)).value();
    }

    private static final String[] CHANGZHOU_COUNTIES = {"320411", "320402", "320404", "320412", "320413", "320481"};
}
