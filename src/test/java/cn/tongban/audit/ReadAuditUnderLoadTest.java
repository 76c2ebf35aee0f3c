package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;

/**
 * A read of personal data is audited before its read-only transaction commits, in a transaction of its own. Many
 * such reads at once must not take every pooled connection and then wait for a second one each: the audit entries
 * are written over connections of their own (issue #5's 64 concurrent housing-count queries).
 */
@IntegrationTest
class ReadAuditUnderLoadTest {

    private static final int CLIENTS = 40;
    private static final int READS = 200;

    @Autowired
    MockMvc http;

    @Test
    void manyAuditedReadsAtOnceAllSucceedWithoutExhaustingThePool() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < READS; i++) {
                String idNumber = TestData.citizenId("19900101");
                answers.add(clients.submit(() -> http.perform(get("/api/v1/housing-count").param("idNumber", idNumber))
                        .andReturn().getResponse().getStatus()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(5, TimeUnit.MINUTES));
            }
            Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(byStatus).isEqualTo(Map.of(200, (long) READS));
        } finally {
            clients.shutdownNow();
        }
    }
}
