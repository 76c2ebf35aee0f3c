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

    public static String citizenId(String birthDate) {
        return CitizenIdNumber.withCheckCharacter("320411" + birthDate + "%03d".formatted(next() % 1000)).value();
    }
}
