package cn.tongban.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.tongban.identity.DemoCitizen;
import cn.tongban.kernel.CitizenIdNumber;

/**
 * Plays demo transactions through the HTTP API once, into a database that has no transfer registration yet: sales of new homes in
 * every district filed (signed over the last eleven months, a few far below the district's price), the quarter's
 * benchmark prices set, declarations made, some assessed, confirmed and paid, and transfer registrations left at each
 * step (受理, 审核, waiting for tax, 登簿, 缮证, done). One of the sales is to the demo citizen, for the portal. Failures
 * are logged and skipped: it is demo data, not a migration. Switched off by {@code tongban.demo.transactions=false}.
 */
@Component
@Profile("demo")
class DemoTransactions {

    private static final Logger log = LoggerFactory.getLogger(DemoTransactions.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Districts of the demo city with a rough price level (yuan per m² of building area), for varied charts. */
    private static final Map<String, Integer> PRICE_LEVEL = Map.of("320402", 21_000, "320404", 19_000, "320411", 17_500,
            "320412", 14_500, "320413", 12_000, "320481", 10_500);
    private static final int SALES_PER_DISTRICT = 10;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};
    /** The smallest file the 申请书 item takes: a hall scans the signed paper; the demo hands in a one-line PDF. */
    private static final byte[] SCANNED_FORM = "%PDF-1.4\n% 不动产登记申请书（演示扫描件）\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    private final WebServerApplicationContext server;
    private final boolean enabled;

    DemoTransactions(WebServerApplicationContext server, @Value("${tongban.demo.transactions:true}") boolean enabled) {
        this.server = server;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the demo city, its restrictions and contracts, before the banner
    void ready() {
        if (!enabled) {
            return;
        }
        try {
            Session admin = new Session(server.getWebServer().getPort()).signIn("housing-admin");
            JsonNode statistics = new Session(admin.port).signIn("registrar").get("/api/v1/registrations/statistics?groupBy=businessType");
            for (JsonNode row : statistics.path("rows")) {
                if (row.path("businessType").asText().equals("TRANSFER") && row.path("submitted").asLong() > 0) {
                    log.info("Transfer registrations exist: demo transactions not played");
                    return;
                }
            }
            long start = System.nanoTime();
            List<Sale> sales = fileSales(admin);
            setBenchmarkPrices(new Session(admin.port).signIn("price-assessor"));
            List<Sale> paid = declare(new Session(admin.port).signIn("tax-officer"), sales);
            register(new Session(admin.port).signIn("registrar"), sales, paid);
            log.info("Demo transactions played in {} ms: {} sales filed, {} paid", (System.nanoTime() - start) / 1_000_000,
                    sales.size(), paid.size());
        } catch (Exception e) {
            log.warn("Demo transactions stopped: {}", e.toString());
        }
    }

    /** A filed sale. */
    record Sale(String filingCode, String unitCode, String district, BigDecimal price, long declarationId) {

        Sale withDeclaration(long id) {
            return new Sale(filingCode, unitCode, district, price, id);
        }
    }

    private List<Sale> fileSales(Session admin) {
        Random random = new Random(20_201_104);
        LocalDate today = LocalDate.now(CHINA);
        List<Sale> sales = new ArrayList<>();
        boolean citizenBought = false;
        for (Map.Entry<String, Integer> district : PRICE_LEVEL.entrySet()) {
            JsonNode units;
            try {
                units = admin.get("/api/v1/units?districtCode=" + district.getKey() + "&tradeStatus=AVAILABLE&houseUse=11&size="
                        + SALES_PER_DISTRICT * 3).path("items");
            } catch (Exception e) {
                log.warn("Demo units of {} not listed: {}", district.getKey(), e.getMessage());
                continue;
            }
            int filed = 0;
            for (int i = 0; i < units.size() && filed < SALES_PER_DISTRICT; i++) {
                JsonNode unit = units.get(i);
                BigDecimal area = unit.path("buildingArea").decimalValue();
                // a few sales far below the district's level: what price monitoring and the tax officer's flag are for
                double factor = filed == 3 ? 0.45 : 0.85 + random.nextDouble() * 0.3;
                BigDecimal price = area.multiply(BigDecimal.valueOf(district.getValue() * factor)).setScale(-3, RoundingMode.HALF_UP)
                        .setScale(2, RoundingMode.HALF_UP);
                LocalDate signedOn = today.minusDays(random.nextInt(330));
                String buyerId = !citizenBought && district.getKey().equals("320402") ? DemoCitizen.ID_NUMBER : citizen(random);
                String buyerName = buyerId.equals(DemoCitizen.ID_NUMBER) ? DemoCitizen.NAME
                        : SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
                try {
                    JsonNode contract = admin.post("/api/v1/contracts", """
                            {"type":"NEW_SALE","unitCode":"%s","signedOn":"%s","price":%s,"paymentType":"01","loanType":"01",
                             "sellers":[{"idType":"02","idNumber":"%s","name":"%s"}],
                             "buyers":[{"idType":"01","idNumber":"%s","name":"%s","phone":"1381234%04d"}]}"""
                            .formatted(unit.path("unitCode").asText(), signedOn, price.toPlainString(),
                                    unit.path("developerCreditCode").asText(), "常州开发有限公司", buyerId, buyerName, random.nextInt(10_000)));
                    sales.add(new Sale(contract.path("filingCode").asText(), unit.path("unitCode").asText(), district.getKey(), price, 0));
                    citizenBought |= buyerId.equals(DemoCitizen.ID_NUMBER);
                    filed++;
                } catch (Exception e) {
                    // a unit seized or locked by the demo restrictions is refused, as it should be
                    log.debug("Demo sale of {} not filed: {}", unit.path("unitCode").asText(), e.getMessage());
                }
            }
        }
        return sales;
    }

    private void setBenchmarkPrices(Session assessor) {
        LocalDate today = LocalDate.now(CHINA);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        PRICE_LEVEL.forEach((district, level) -> {
            try {
                assessor.put("/api/v1/tax/benchmark-prices", """
                        {"districtCode":"%s","houseUse":"10","quarter":"%s","unitPrice":%d,"document":"常州市标准房基准价格（演示）"}"""
                        .formatted(district, quarter, level));
            } catch (Exception e) {
                log.debug("Demo benchmark price of {} not set: {}", district, e.getMessage());
            }
        });
    }

    /** Declarations for two thirds of the sales; assessed (the developer's price excluding VAT), confirmed, and half paid. */
    private List<Sale> declare(Session officer, List<Sale> sales) {
        List<Sale> paid = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            if (i % 3 == 2) {
                continue;
            }
            Sale sale = sales.get(i);
            try {
                long id = officer.post("/api/v1/tax/declarations", """
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(sale.filingCode()))
                        .path("id").asLong();
                if (i % 6 == 4) {
                    continue; // left for the officer: the developer's price excluding VAT is not yet assessed
                }
                BigDecimal excludingVat = sale.price().divide(new BigDecimal("1.09"), 2, RoundingMode.HALF_UP);
                officer.put("/api/v1/tax/declarations/" + id + "/assessment",
                        "{\"assessedPrice\":%s,\"reason\":\"按开发企业发票不含增值税价核定\"}".formatted(excludingVat.toPlainString()));
                officer.post("/api/v1/tax/declarations/" + id + "/confirmation", "{}");
                if (i % 2 == 0) {
                    officer.post("/api/v1/tax/declarations/" + id + "/payment", "{}");
                    paid.add(sale.withDeclaration(id));
                }
            } catch (Exception e) {
                log.debug("Demo declaration of {} stopped: {}", sale.filingCode(), e.getMessage());
            }
        }
        return paid;
    }

    /** Transfer registrations at the hall for most paid sales and a few unpaid ones, left at every step. */
    private void register(Session registrar, List<Sale> sales, List<Sale> paid) throws InterruptedException {
        List<Sale> applying = new ArrayList<>(paid);
        sales.stream().filter(s -> paid.stream().noneMatch(p -> p.filingCode().equals(s.filingCode()))).limit(4).forEach(applying::add);
        Thread.sleep(1_000); // the tax-paid records reach registration after the tax transactions, on its own thread
        for (int i = 0; i < applying.size(); i++) {
            Sale sale = applying.get(i);
            try {
                String no = registrar.post("/api/v1/registrations", """
                        {"businessType":"TRANSFER","unitCode":"%s","filingCode":"%s"}""".formatted(sale.unitCode(), sale.filingCode()))
                        .path("applicationNo").asText();
                registrar.upload("/api/v1/registrations/" + no + "/materials?item="
                        + URLEncoder.encode("不动产登记申请书", StandardCharsets.UTF_8), SCANNED_FORM);
                int stop = i % 6; // 0 受理, 1 审核, 2 登簿 (or waiting for tax), 3 缮证, 4-5 done
                if (stop == 0) {
                    continue;
                }
                registrar.post("/api/v1/registrations/" + no + "/acceptance", "{\"decision\":\"ACCEPT\"}");
                if (stop == 1) {
                    continue;
                }
                registrar.post("/api/v1/registrations/" + no + "/payment", "{\"paymentReference\":\"DEMO-%d\",\"amount\":80.00}".formatted(i));
                JsonNode reviewed = registrar.post("/api/v1/registrations/" + no + "/review", "{\"decision\":\"APPROVE\",\"opinion\":\"符合登记条件\"}");
                if (stop == 2 || !reviewed.path("status").asText().equals("REVIEWED")) {
                    continue;
                }
                registrar.post("/api/v1/registrations/" + no + "/registration", "");
                if (stop == 3) {
                    continue;
                }
                registrar.post("/api/v1/registrations/" + no + "/certificate", "");
            } catch (Exception e) {
                log.debug("Demo registration of {} stopped: {}", sale.filingCode(), e.getMessage());
            }
        }
    }

    private static String citizen(Random random) {
        String[] counties = PRICE_LEVEL.keySet().toArray(String[]::new);
        return CitizenIdNumber.withCheckCharacter(counties[random.nextInt(counties.length)]
                + "%04d%02d%02d%03d".formatted(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28),
                        random.nextInt(1000))).value();
    }

    /** A signed-in demo user's session with the platform: its cookie and CSRF token. */
    private static final class Session {

        final int port;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        String csrf;

        Session(int port) {
            this.port = port;
        }

        Session signIn(String user) throws Exception {
            csrf = send(request("/api/v1/csrf").GET()).path("token").asText();
            send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                            + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
            csrf = send(request("/api/v1/csrf").GET()).path("token").asText();
            return this;
        }

        JsonNode get(String path) throws Exception {
            return send(request(path).GET());
        }

        JsonNode post(String path, String json) throws Exception {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
        }

        JsonNode put(String path, String json) throws Exception {
            return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        JsonNode upload(String path, byte[] pdf) throws Exception {
            return send(request(path).header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
            return csrf == null ? request : request.header("X-XSRF-TOKEN", csrf);
        }

        private JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " -> "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        }
    }
}
