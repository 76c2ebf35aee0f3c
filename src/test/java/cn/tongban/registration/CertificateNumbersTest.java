package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.kernel.InvalidValueException;

/** 不动产权证书号 in the national form, one sequence per authority, year and kind (issue #7 item 6). */
@IntegrationTest
class CertificateNumbersTest {

    @Autowired
    CertificateNumbers numbers;

    /** A year of its own for each test: the sequences are shared by the whole suite's database. */
    private static int year() {
        return 2100 + TestData.next() % 100;
    }

    @Test
    void aDistrictsUnitsAreNumberedByItsCityAndACountyLevelCityNumbersItsOwn() {
        int year = year();
        assertThat(numbers.next("320402", year, CertificateNumbers.Kind.RIGHT)).isEqualTo("苏（" + year + "）常州市不动产权第0000001号");
        assertThat(numbers.next("320411", year, CertificateNumbers.Kind.RIGHT)).isEqualTo("苏（" + year + "）常州市不动产权第0000002号");
        // 溧阳市 is a 县级市 with its own registration authority and sequence
        assertThat(numbers.next("320481", year, CertificateNumbers.Kind.RIGHT)).isEqualTo("苏（" + year + "）溧阳市不动产权第0000001号");
        // 不动产登记证明 (mortgages, pre-notices) run on a sequence of their own
        assertThat(numbers.next("320402", year, CertificateNumbers.Kind.PROOF)).isEqualTo("苏（" + year + "）常州市不动产证明第0000001号");
    }

    @Test
    void concurrentIssuesNeverShareANumber() throws Exception {
        int year = year();
        ExecutorService registrars = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> issued = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                issued.add(registrars.submit(() -> numbers.next("320412", year, CertificateNumbers.Kind.RIGHT)));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> f : issued) {
                distinct.add(f.get(1, TimeUnit.MINUTES));
            }
            assertThat(distinct).hasSize(40).contains("苏（" + year + "）常州市不动产权第0000040号");
        } finally {
            registrars.shutdownNow();
        }
    }

    @Test
    void aDivisionThePlatformDoesNotKnowGetsNoNumber() {
        assertThatThrownBy(() -> numbers.next("110101", year(), CertificateNumbers.Kind.RIGHT)).isInstanceOf(InvalidValueException.class);
    }
}
