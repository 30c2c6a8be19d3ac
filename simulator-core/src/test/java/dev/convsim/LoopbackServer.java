package dev.convsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HttpServer on a loopback address and port 0 that records every request and answers as a test says. */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it; {@code url} is what a validator rebuilds: scheme, Host header, raw URI. */
    record Received(String method, String url, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        String signature() {
            return header("X-Twilio-Signature");
        }

        /** The form-encoded body as a map. */
        Map<String, String> form() {
            return decode(body);
        }

        /** The query string as a map. */
        Map<String, String> query() {
            int q = url.indexOf('?');
            return q < 0 ? Map.of() : decode(url.substring(q + 1));
        }
    }

    /** How the server answers one request. */
    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange, Received request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LoopbackServer(InetAddress address, Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                Received r = new Received(exchange.getRequestMethod(),
                        "http://" + headers.get("Host") + exchange.getRequestURI().toString(), headers, body);
                received.add(r);
                answer.answer(exchange, r);
                exchange.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    /**
     * Loads the JDK's HTTP client and server classes with one throw-away exchange, so that a test's first delivery
     * is not slowed past a short webhook timeout by class loading on a busy machine.
     */
    static void warmUp() throws IOException {
        try (LoopbackServer server = start(ok())) {
            HttpDelivery http = new HttpDelivery("warm-up", FidelityOptions.defaults(), java.util.Set.of());
            http.deliver(new dev.convsim.webhook.WebhookRequest(java.time.Instant.EPOCH,
                    dev.convsim.webhook.Phase.POST, dev.convsim.webhook.WebhookScope.GLOBAL, server.url("/warm-up"),
                    "POST", "warmUp", Map.of("a", "b"), 0));
        }
    }

    /** A server on 127.0.0.1. */
    static LoopbackServer start(Answer answer) throws IOException {
        return new LoopbackServer(InetAddress.getByName("127.0.0.1"), answer);
    }

    /** A server on another address. */
    static LoopbackServer startOn(InetAddress address, Answer answer) throws IOException {
        return new LoopbackServer(address, answer);
    }

    /** The URL of a path on this server, e.g. {@code http://127.0.0.1:41234/pre}. */
    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Sleeps until the server closes (which interrupts it), at most 10 s: an answer that never comes. */
    static void hang() throws InterruptedException {
        Thread.sleep(10_000);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ answers

    static Answer ok() {
        return (exchange, r) -> send(exchange, 200, "text/plain", "OK");
    }

    static Answer status(int status) {
        return (exchange, r) -> send(exchange, status, "text/plain", "");
    }

    static Answer json(String body) {
        return (exchange, r) -> send(exchange, 200, "application/json", body);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Promises 100 bytes, sends 3, then drops the connection. */
    static Answer brokenMidBody() {
        return (exchange, r) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"f".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new IOException("the service died mid-answer (as intended by the test)");
        };
    }

    /** Drops the connection without any answer. */
    static Answer closesWithoutAnswer() {
        return (exchange, r) -> {
            throw new IOException("the service died before answering (as intended by the test)");
        };
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
