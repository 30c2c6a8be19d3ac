package dev.convsim.examples.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.model.Participant;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Java port of the behaviour of Twilio's Frontline demo integration service (twilio/frontline-demo-service), on
 * the JDK's HTTP server, for driving a real service over HTTP with convsim. Two routes, both {@code POST}, both
 * behind an {@code X-Twilio-Signature} check (400 when the header is missing, 403 when it does not match):
 * <ul>
 *   <li>{@code /callbacks/conversations}: {@code onConversationAdd} answers {@code friendly_name} (the CRM's display
 *       name, else the customer's address) and {@code attributes} ({@code {"avatar": …}}, or {@code {}});
 *       {@code onParticipantAdded} for a customer (an address and no identity) fetches the participant, merges
 *       {@code avatar}, {@code customer_id} and {@code display_name} into its attributes (existing values win) and
 *       updates it only when the attribute text changed. Anything else answers 200 "OK".</li>
 *   <li>{@code /callbacks/routing}: adds the worker mapped to the customer's exact address, else a random mapped
 *       worker, else logs a warning; always answers 200 "OK".</li>
 * </ul>
 * The REST calls go to the {@link ConversationsApi} given to {@link #connect(ConversationsApi)} (the simulator's,
 * since there is no HTTP facade of the REST API yet). Two differences from the Node demo, both for deterministic
 * tests: the worker is added before the routing callback answers (the demo does not await it), and the random
 * worker comes from the {@link Random} given. Where the demo crashes (a participant fetch that fails), this service
 * drops the connection without an answer, which is what the webhook caller sees of the crash.
 *
 * <pre>{@code
 * FrontlineDemoService service = FrontlineDemoService.start(authToken, crm, new Random(42));
 * ConversationsSimulator sim = ConversationsSimulator.builder().account(accountSid, authToken)
 *         .autocreate("+15005550001")
 *         .globalWebhooks(new WebhookConfigurationRequest()
 *                 .preWebhookUrl(service.url("/callbacks/conversations"))
 *                 .postWebhookUrl(service.url("/callbacks/conversations"))
 *                 .filters("onConversationAdd", "onParticipantAdded"))
 *         .router(Routers.custom(service.url("/callbacks/routing")))
 *         .build();
 * service.connect(sim.api());
 * }</pre>
 */
public final class FrontlineDemoService implements AutoCloseable {

    /** The Node helper's answer when the signature header is missing. */
    public static final String NO_SIGNATURE = "No signature header error - X-Twilio-Signature header does not exist,"
            + " maybe this request is not coming from Twilio.";
    /** The Node helper's answer when the signature does not match. */
    public static final String INVALID_SIGNATURE = "Twilio Request Validation Failed.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final TwilioSignatures signatures;
    private final CustomerDirectory customers;
    private final Random random;
    private final List<String> log = new ArrayList<>();
    private volatile ConversationsApi api;

    private FrontlineDemoService(HttpServer server, ExecutorService executor, String authToken,
            CustomerDirectory customers, Random random) {
        this.server = server;
        this.executor = executor;
        this.signatures = new TwilioSignatures(authToken);
        this.customers = customers;
        this.random = random;
    }

    /**
     * Starts the service on 127.0.0.1 and a free port.
     *
     * @param authToken the account's auth token, which the signatures must match
     * @param customers the CRM and the customer-to-worker map
     * @param random picks the random worker (seed it for repeatable tests)
     */
    public static FrontlineDemoService start(String authToken, CustomerDirectory customers, Random random)
            throws IOException {
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(random, "random");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        // several threads: a handler that calls the API can cause a delivery back to this service while it waits
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        FrontlineDemoService service = new FrontlineDemoService(server, executor, authToken, customers, random);
        server.createContext("/", service::handle);
        server.start();
        return service;
    }

    /** The Conversations API the service's REST calls go to. */
    public FrontlineDemoService connect(ConversationsApi conversations) {
        this.api = Objects.requireNonNull(conversations, "conversations");
        return this;
    }

    /** The full URL of a path on this service, e.g. {@code http://127.0.0.1:41234/callbacks/routing}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What the service logged (warnings and errors, like the demo's console), oldest first. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void log(String line) {
        synchronized (log) {
            log.add(line);
        }
    }

    // ------------------------------------------------------------------ HTTP

    /** A reply: status, content type and body. */
    private record Reply(int status, String contentType, String body) {
        static Reply ok() {
            return new Reply(200, "text/plain; charset=utf-8", "OK");
        }

        static Reply text(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply;
        if (!exchange.getRequestMethod().equals("POST")
                || !(path.equals("/callbacks/conversations") || path.equals("/callbacks/routing"))) {
            reply = Reply.text(404, "Cannot " + exchange.getRequestMethod() + " " + path);
        } else {
            Map<String, String> params = decodeForm(body);
            String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
            String url = "http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI();
            if (signature == null) {
                reply = Reply.text(400, NO_SIGNATURE);
            } else if (!signatures.validate(url, params, signature)) {
                reply = Reply.text(403, INVALID_SIGNATURE);
            } else {
                try {
                    reply = path.equals("/callbacks/routing") ? routing(params) : conversations(params);
                } catch (RuntimeException e) {
                    // the demo's process dies here; its caller sees the connection close with no answer
                    log("crashed on " + params.get("EventType") + ": " + e);
                    exchange.close();
                    return;
                }
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> decodeForm(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    // ------------------------------------------------------------------ /callbacks/routing

    private Reply routing(Map<String, String> params) {
        String conversationSid = params.get("ConversationSid");
        String address = params.get("MessagingBinding.Address");
        String worker = customers.workerFor(address);
        String how = "mapped";
        if (worker == null) {
            worker = customers.randomWorker(random);
            how = "random";
        }
        if (worker == null) {
            log("Routing failed, please add workers to customersToWorkersMap or define a default worker: "
                    + conversationSid);
            return Reply.ok();
        }
        try {
            api.createParticipant(conversationSid, new ParticipantRequest().identity(worker));
            log("routed " + conversationSid + " to " + worker + " (" + how + ")");
        } catch (RuntimeException e) {
            log("Create agent participant: " + e);
        }
        return Reply.ok();
    }

    // ------------------------------------------------------------------ /callbacks/conversations

    private Reply conversations(Map<String, String> params) {
        String event = String.valueOf(params.get("EventType"));
        switch (event) {
            case "onConversationAdd":
                return onConversationAdd(params);
            case "onParticipantAdded":
                onParticipantAdded(params);
                return Reply.ok();
            default:
                return Reply.ok();
        }
    }

    private Reply onConversationAdd(Map<String, String> params) {
        String address = params.get("MessagingBinding.Address");
        if (!truthy(address)) {
            return Reply.ok();
        }
        Customer customer = customers.byNumber(address);
        ObjectNode attributes = JSON.createObjectNode();
        if (customer != null && customer.avatar() != null) {
            attributes.put("avatar", customer.avatar());
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("friendly_name", customer != null && truthy(customer.displayName()) ? customer.displayName() : address);
        answer.put("attributes", attributes.toString());
        return new Reply(200, "application/json; charset=utf-8", answer.toString());
    }

    private void onParticipantAdded(Map<String, String> params) {
        String conversationSid = params.get("ConversationSid");
        String participantSid = params.get("ParticipantSid");
        String address = params.get("MessagingBinding.Address");
        if (!truthy(address) || truthy(params.get("Identity"))) {
            return;
        }
        Participant participant = api.fetchParticipant(conversationSid, participantSid);
        Customer customer = customers.byNumber(address);
        String updated = mergedAttributes(participant.attributes(), customer);
        if (!updated.equals(participant.attributes())) {
            try {
                api.updateParticipant(conversationSid, participantSid, new ParticipantRequest().attributes(updated));
            } catch (RuntimeException e) {
                log("Update participant: " + e);
            }
        }
    }

    /**
     * {@code JSON.stringify({...JSON.parse(attributes), avatar: a.avatar || c.avatar, customer_id: …, display_name:
     * …})}: existing truthy values win, and a key whose result is undefined disappears.
     */
    static String mergedAttributes(String attributes, Customer customer) {
        ObjectNode merged = spread(attributes);
        mergeKey(merged, "avatar", customer == null ? null : customer.avatar());
        mergeKey(merged, "customer_id", customer == null ? null : customer.customerId());
        mergeKey(merged, "display_name", customer == null ? null : customer.displayName());
        return merged.toString();
    }

    private static void mergeKey(ObjectNode merged, String key, String fromCustomer) {
        JsonNode existing = merged.get(key);
        if (truthy(existing)) {
            return;
        }
        if (fromCustomer != null) {
            merged.put(key, fromCustomer);
        } else {
            merged.remove(key);
        }
    }

    /** What {@code {...JSON.parse(text)}} gives: an object's own keys, an array's or string's indices, else {}. */
    private static ObjectNode spread(String text) {
        ObjectNode out = JSON.createObjectNode();
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text == null ? "{}" : text);
        } catch (IOException e) {
            throw new IllegalStateException("the participant's attributes are not JSON: " + text, e);
        }
        if (parsed.isObject()) {
            for (Map.Entry<String, JsonNode> e : parsed.properties()) {
                out.set(e.getKey(), e.getValue());
            }
        } else if (parsed.isArray()) {
            for (int i = 0; i < parsed.size(); i++) {
                out.set(Integer.toString(i), parsed.get(i));
            }
        } else if (parsed.isTextual()) {
            String s = parsed.asText();
            for (int i = 0; i < s.length(); i++) {
                out.put(Integer.toString(i), String.valueOf(s.charAt(i)));
            }
        }
        return out;
    }

    private static boolean truthy(String s) {
        return s != null && !s.isEmpty();
    }

    private static boolean truthy(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.asDouble() != 0 && !Double.isNaN(n.asDouble());
        }
        if (n.isTextual()) {
            return !n.asText().isEmpty();
        }
        return true;
    }
}
