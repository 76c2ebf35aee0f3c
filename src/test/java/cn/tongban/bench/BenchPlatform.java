package cn.tongban.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.tongban.TongbanApplication;

/**
 * The platform as a benchmark drives it: started on a random port with a temporary embedded database and the demo
 * identities (and city), reached over real HTTP as a signed-in demo user or a demo department system.
 */
final class BenchPlatform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final ConfigurableApplicationContext app;
    final String base;
    final HttpClient http;
    private String csrf;

    BenchPlatform() {
        app = SpringApplication.run(TongbanApplication.class, "--server.port=0", "--spring.profiles.active=demo",
                "--tongban.db.embedded.temporary=true", "--tongban.db.url=", "--tongban.keys.dir=target/bench/keys",
                "--logging.level.root=WARN", "--logging.level.cn.tongban.building.UnitImporter=INFO",
                "--spring.main.banner-mode=off", "--tongban.demo.transactions=false",
                // the sharing benchmark sends thousands of queries a second with one token; the per-token limit (600 a
                // minute by default) is an operator's setting, not what is measured
                "--tongban.rate-limit.sharing-per-minute=1000000000");
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in as a demo staff user; later requests carry the session cookie and the CSRF token. */
    void signIn(String user) throws Exception {
        JsonNode token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf")).GET(), 200));
        csrf = token.get("token").asText();
        send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))), 200);
        csrf = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf")).GET(), 200)).get("token").asText();
    }

    /** An access token of a demo department system (client credentials). */
    String token(String client) throws Exception {
        return token(client, client + "-secret");
    }

    /** An access token of a system client (client credentials); the token endpoint allows 30 a minute per client. */
    String token(String client, String secret) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), 200)).get("access_token").asText();
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
        return csrf == null ? request : request.header("X-XSRF-TOKEN", csrf);
    }

    JsonNode postJson(String path, String json, int expected) throws Exception {
        return JSON.readTree(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), expected));
    }

    JsonNode getJson(String path) throws Exception {
        return JSON.readTree(send(request(path).GET(), 200));
    }

    String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        app.close();
    }
}
