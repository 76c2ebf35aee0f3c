package cn.tongban.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A department's webhook endpoint for tests: the JDK's HTTP server on a port of localhost, keeping every request it
 * gets and answering as it is told — 200, 500, or only after a delay longer than the platform's read timeout.
 */
final class WebhookReceiver implements AutoCloseable {

    /** How the endpoint answers. */
    enum Behaviour { OK, ERROR, SLOW }

    /** One request as received: the headers named by {@link WebhookSignature} and the raw body. */
    record Received(String eventId, String eventType, String timestamp, String nonce, String signature, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.OK;

    private WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    /** On a free port. */
    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver(0);
    }

    /** On this port, e.g. where an endpoint was unreachable before. */
    static WebhookReceiver startOn(int port) throws IOException {
        return new WebhookReceiver(port);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    void answer(Behaviour next) {
        behaviour = next;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that carried this event. */
    List<Received> of(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Headers headers = exchange.getRequestHeaders(); // case-insensitive
            received.add(new Received(headers.getFirst(WebhookSignature.EVENT_ID), headers.getFirst(WebhookSignature.EVENT_TYPE),
                    headers.getFirst(WebhookSignature.TIMESTAMP), headers.getFirst(WebhookSignature.NONCE),
                    headers.getFirst(WebhookSignature.SIGNATURE), body));
            Behaviour now = behaviour;
            if (now == Behaviour.SLOW) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.sendResponseHeaders(now == Behaviour.ERROR ? 500 : 204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
