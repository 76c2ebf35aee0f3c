package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.crypto.Sm3;

/**
 * 定期共享数据报送 (常经办发〔2023〕19号 附件1; “谁主管，谁提供，谁负责” 二（一）1): the provider delivers a period with its
 * manifest, the platform keeps only what matches it and signs a receipt. Provider 30 (税务部门, items 181–191, each
 * 每季终了后20日内) delivers here; each test its own item.
 */
@IntegrationTest
class DeliveryTest {

    private static final int PROVIDER = 30;

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliveryStore store;

    /** The provider's department, bound to provider 30 once for the suite. */
    private static String department;

    private Caller provider() throws Exception {
        synchronized (DeliveryTest.class) {
            if (department == null) {
                department = TestData.creditCode();
                http.perform(put("/api/v1/sharing/catalog/providers/" + PROVIDER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"departmentCode\":\"" + department + "\"}")).andExpect(status().isOk())
                        .andExpect(jsonPath("$.departmentCode").value(department));
            }
        }
        return department(department);
    }

    static Caller department(String code) {
        return new Caller("system-" + code, ActorKind.SYSTEM, code, "提供单位" + code, DepartmentType.TAX, Set.of(), true,
                Set.of(), Set.of(Permissions.DELIVERY_SUBMIT, Permissions.CATALOG_QUERY), Set.of(), null);
    }

    static String csv(int records) {
        StringBuilder csv = new StringBuilder("纳税人识别号,名称,金额\n");
        for (int i = 1; i <= records; i++) {
            csv.append("91320400MA").append(String.format("%08d", i)).append(",企业").append(i).append(",").append(i * 100).append("\r\n");
        }
        return csv.toString();
    }

    private static MockHttpServletRequestBuilder delivery(int item, String period, long records, String sm3, byte[] body) {
        return post("/api/v1/sharing/deliveries").contentType("text/csv").content(body)
                .header("X-Item-No", item).header("X-Period", period).header("X-Record-Count", records).header("X-Content-SM3", sm3);
    }

    private ResultActions deliver(Caller as, int item, String period, long records, String sm3, byte[] body) throws Exception {
        return http.perform(delivery(item, period, records, sm3, body).with(TestCallers.as(as)));
    }

    private long kept(int item) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE item_no = ?").param(item).query(Long.class).single();
    }

    /** Whether any file of the item is kept, or any received file is left over. */
    private boolean filesOf(int item) throws IOException {
        Path tmp = store.resolve("tmp");
        if (Files.exists(tmp)) {
            try (Stream<Path> files = Files.list(tmp)) {
                if (files.findAny().isPresent()) {
                    return true;
                }
            }
        }
        Path dir = store.resolve(Integer.toString(item));
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    @Test
    void aDeliveryMatchingItsManifestIsKeptAndGetsAReceiptTheDepartmentCanVerify() throws Exception {
        byte[] body = csv(3).getBytes(StandardCharsets.UTF_8);
        String sm3 = Sm3.hex(body);
        String answer = deliver(provider(), 181, "2026-Q3", 3, sm3.toUpperCase(), body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.itemNo").value(181))
                .andExpect(jsonPath("$.period").value("2026-Q3"))
                .andExpect(jsonPath("$.recordCount").value(3))
                .andExpect(jsonPath("$.sm3").value(sm3))
                .andExpect(jsonPath("$.dueOn").value("2026-10-20"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode receipt = json.readTree(answer);
        // received today: on time up to 2026-10-20, late by the days after it
        long late = ChronoUnit.DAYS.between(LocalDate.of(2026, 10, 20), Catalog.today());
        assertThat(receipt.get("status").asText()).isEqualTo(late > 0 ? "LATE" : "ON_TIME");
        if (late > 0) {
            assertThat(receipt.get("daysLate").asLong()).isEqualTo(late);
        }

        // the department verifies the SM2 signature with the platform's published key
        JsonNode key = json.readTree(http.perform(get("/api/v1/sharing/deliveries/receipt-key").with(TestCallers.as(provider())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String signed = receipt.get("signedText").asText();
        assertThat(signed).contains("itemNo=181\n", "period=2026-Q3\n", "sm3=" + sm3 + "\n", "recordCount=3\n",
                "department=" + department + "\n");
        assertThat(DeliveryReceiptKey.verify(key.get("publicKey").asText(), signed, receipt.get("signature").asText())).isTrue();
        assertThat(DeliveryReceiptKey.verify(key.get("publicKey").asText(), signed.replace("recordCount=3", "recordCount=4"),
                receipt.get("signature").asText())).as("a changed receipt does not verify").isFalse();
        assertThat(key.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");

        // the file is kept as received
        String path = jdbc.sql("SELECT storage_path FROM delivery WHERE id = ?").param(receipt.get("deliveryId").asLong())
                .query(String.class).single();
        assertThat(Sm3.hex(Files.readAllBytes(store.resolve(path)))).isEqualTo(sm3);
        http.perform(get("/api/v1/sharing/deliveries/" + receipt.get("deliveryId").asLong() + "/receipt").with(TestCallers.as(provider())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signature").value(receipt.get("signature").asText()));
        // another department does not see it
        http.perform(get("/api/v1/sharing/deliveries/" + receipt.get("deliveryId").asLong() + "/receipt")
                        .with(TestCallers.as(department(TestData.creditCode()))))
                .andExpect(status().isNotFound());
        // and the period is delivered once
        deliver(provider(), 181, "2026-Q3", 3, sm3, body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("delivery.duplicate"));
    }

    @Test
    void aDeliveryWhoseRecordCountDiffersFromItsManifestIsNotKept() throws Exception {
        byte[] body = csv(5).getBytes(StandardCharsets.UTF_8);
        deliver(provider(), 182, "2026-Q2", 4, Sm3.hex(body), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Record-Count"))
                .andExpect(jsonPath("$.errors[0].code").value("delivery.count-mismatch"))
                .andExpect(jsonPath("$.errors[0].message").value("清单声明 4 条记录，实际收到 5 条"));
        assertThat(kept(182)).isZero();
        assertThat(filesOf(182)).isFalse();
    }

    @Test
    void aDeliveryWhoseHashDiffersFromItsManifestIsNotKept() throws Exception {
        byte[] body = csv(2).getBytes(StandardCharsets.UTF_8);
        String otherHash = Sm3.hex(csv(3).getBytes(StandardCharsets.UTF_8));
        deliver(provider(), 183, "2026-Q2", 2, otherHash, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Content-SM3"))
                .andExpect(jsonPath("$.errors[0].code").value("delivery.hash-mismatch"));
        assertThat(kept(183)).isZero();
        assertThat(filesOf(183)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'delivery-submit' AND resource_id = '183/2026-Q2' AND outcome = 'FAILED'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeliveryForAnItemNotInTheCatalogIsNotFound() throws Exception {
        byte[] body = csv(1).getBytes(StandardCharsets.UTF_8);
        deliver(provider(), 99_999, "2026-Q2", 1, Sm3.hex(body), body).andExpect(status().isNotFound());
    }

    @Test
    void aDeliveryForAPeriodThatHasNotEndedIsRefused() throws Exception {
        byte[] body = csv(1).getBytes(StandardCharsets.UTF_8);
        String current = SchedulePeriod.containing(SchedulePeriod.Unit.QUARTER, Catalog.today()).toString();
        deliver(provider(), 184, current, 1, Sm3.hex(body), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Period"))
                .andExpect(jsonPath("$.errors[0].code").value("delivery.future-period"));
        deliver(provider(), 184, "2030-Q1", 1, Sm3.hex(body), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("delivery.future-period"));
        // a quarterly item's period is a quarter
        deliver(provider(), 184, "2026-07", 1, Sm3.hex(body), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Period"))
                .andExpect(jsonPath("$.errors[0].code").value("delivery.period-format"));
        assertThat(kept(184)).isZero();
    }

    @Test
    void aDeliveryByADepartmentThatIsNotTheProviderIsForbiddenAndAudited() throws Exception {
        provider();
        Caller other = department(TestData.creditCode());
        byte[] body = csv(1).getBytes(StandardCharsets.UTF_8);
        deliver(other, 185, "2026-Q2", 1, Sm3.hex(body), body).andExpect(status().isForbidden());
        assertThat(kept(185)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'delivery-submit' AND resource_id = '185/2026-Q2' AND outcome = 'DENIED'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aManifestWithMissingOrMalformedHeadersNamesEachHeader() throws Exception {
        http.perform(post("/api/v1/sharing/deliveries").contentType("text/csv").content("a\n1\n").header("X-Item-No", "abc")
                        .header("X-Record-Count", "-1").header("X-Content-SM3", "xyz").with(TestCallers.as(provider())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("X-Item-No"))
                .andExpect(jsonPath("$.errors[1].field").value("X-Period"))
                .andExpect(jsonPath("$.errors[2].field").value("X-Record-Count"))
                .andExpect(jsonPath("$.errors[3].field").value("X-Content-SM3"));
        // an on-demand item takes no deliveries: 附件1 第192项 按需提供
        byte[] body = csv(1).getBytes(StandardCharsets.UTF_8);
        deliver(provider(), 192, "2026-Q2", 1, Sm3.hex(body), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("delivery.no-deadlines"));
    }

    @Test
    void anEventTriggeredDeliveryIsDueDaysAfterItsEvent() throws Exception {
        // 附件1 第158项 市场监管部门 “依法吊销营业执照信息”, 定期共享:在完成吊销程序后20日内; the period is the event's day
        String market = TestData.creditCode();
        http.perform(put("/api/v1/sharing/catalog/providers/26").contentType(MediaType.APPLICATION_JSON)
                .content("{\"departmentCode\":\"" + market + "\"}")).andExpect(status().isOk());
        byte[] body = csv(2).getBytes(StandardCharsets.UTF_8);
        LocalDate revoked = Catalog.today().minusDays(30);
        deliver(department(market), 158, revoked.toString(), 2, Sm3.hex(body), body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.period").value(revoked.toString()))
                .andExpect(jsonPath("$.dueOn").value(revoked.plusDays(20).toString()))
                .andExpect(jsonPath("$.status").value("LATE"))
                .andExpect(jsonPath("$.daysLate").value(10));
        deliver(department(market), 158, Catalog.today().plusDays(1).toString(), 2, Sm3.hex(body), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("delivery.future-period"));
        deliver(department(market), 158, "2026-Q1", 2, Sm3.hex(body), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("delivery.period-format"));
        // the assessment of the quarter it was due in counts it
        String quarter = SchedulePeriod.containing(SchedulePeriod.Unit.QUARTER, revoked.plusDays(20)).toString();
        http.perform(get("/api/v1/sharing/assessments/providers/26").param("quarter", quarter))
                .andExpect(jsonPath("$.late").value(1))
                .andExpect(jsonPath("$.lines[?(@.itemNo == 158)].period").value(revoked.toString()));
    }

    @Test
    void jsonLinesCountEveryLine() throws Exception {
        byte[] body = "{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}".getBytes(StandardCharsets.UTF_8);
        http.perform(post("/api/v1/sharing/deliveries").contentType("application/x-ndjson").content(body)
                        .header("X-Item-No", 186).header("X-Period", "2025-Q4").header("X-Record-Count", 3)
                        .header("X-Content-SM3", Sm3.hex(body)).with(TestCallers.as(provider())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("JSON_LINES"))
                .andExpect(jsonPath("$.recordCount").value(3))
                .andExpect(jsonPath("$.dueOn").value("2026-01-20"));
    }

    /** Lines of a CSV made as they are read, never all in memory. */
    private static final class GeneratedCsv extends InputStream {
        private final long lines;
        private long line = -1;
        private byte[] current = new byte[0];
        private int pos;

        GeneratedCsv(long lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length) {
                if (++line > lines) {
                    return -1;
                }
                current = (line == 0 ? "纳税人识别号,名称,金额,备注\n"
                        : "91320400MA" + String.format("%08d", line) + ",常州某某有限公司" + line + "," + line * 7
                                + ",定期共享数据报送的一行记录，用来测试大文件流式接收\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void aLargeDeliveryStreamsThroughWithoutBeingHeldInMemory() throws Exception {
        // 1 GB in production (-Dtongban.test.delivery-lines=8000000 for about 1 GB); a smaller run keeps the suite fast
        long lines = Long.getLong("tongban.test.delivery-lines", 100_000);
        org.bouncycastle.crypto.digests.SM3Digest digest = new org.bouncycastle.crypto.digests.SM3Digest();
        long bytes = 0;
        try (InputStream in = new GeneratedCsv(lines)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        }
        byte[] sm3 = new byte[32];
        digest.doFinal(sm3, 0);
        String hex = java.util.HexFormat.of().formatHex(sm3);
        Caller caller = provider();
        long size = bytes;
        Deliveries.DeliveryReceipt receipt = asCaller(caller, () -> deliveries.submit(
                new Deliveries.DeliveryManifest("187", "2026-Q1", Long.toString(lines), hex, "text/csv;charset=UTF-8"),
                new GeneratedCsv(lines)));
        assertThat(receipt.recordCount()).isEqualTo(lines);
        assertThat(receipt.bytes()).isEqualTo(size);
        assertThat(receipt.sm3()).isEqualTo(hex);
        String path = jdbc.sql("SELECT storage_path FROM delivery WHERE id = ?").param(receipt.deliveryId()).query(String.class).single();
        assertThat(Files.size(store.resolve(path))).isEqualTo(size);
    }

    /** Runs the work signed in as the caller, as a request would be. */
    private static <T> T asCaller(Caller caller, java.util.function.Supplier<T> work) {
        org.springframework.security.core.context.SecurityContext previous =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        try {
            org.springframework.security.core.context.SecurityContext context =
                    org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken(
                    caller, null, java.util.List.of()));
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
