package dev.convsim.examples.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Participant;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The behaviour of Twilio's Frontline demo integration service (twilio/frontline-demo-service), ported to
 * in-process endpoints: map-then-random custom routing, {@code onConversationAdd} naming, {@code onParticipantAdded}
 * customer enrichment and the {@code GetProxyAddress} outgoing-conversation callback, quirks included. It acts only
 * through the public API.
 *
 * <pre>{@code
 * ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
 *         .router(Routers.custom(base + FrontlineDemoService.ROUTING))
 *         .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(base + FrontlineDemoService.CONVERSATIONS)
 *                 .postWebhookUrl(base + FrontlineDemoService.CONVERSATIONS)
 *                 .filters("onConversationAdd", "onParticipantAdded"))
 *         .build();
 * FrontlineDemoService demo = new FrontlineDemoService(sim.api(), new Random(7), "+15005550001", null)
 *         .mapCustomerToWorker("+15551230001", "john@example.com");
 * demo.registerOn(sim, base);
 * }</pre>
 *
 * <p>Quirks kept on purpose: customer lookups and the routing map compare exact strings ({@code whatsapp:+1555…}
 * never matches {@code +1555…}); the routing callback always answers 200 "OK", whether it found a worker, found
 * none (a warning is logged) or the participant create failed (the error is logged); the random fallback picks only
 * among workers that appear in the routing map; enrichment keeps existing attribute values unless they are falsy
 * in JavaScript's sense, drops a key whose merged value is undefined, and updates only when the serialized text
 * changed, so a whitespace-only difference already updates. One difference: the demo does not await its
 * participant create, so its 200 can go out first; here the create has committed when the handler returns.
 */
public final class FrontlineDemoService {

    /** The demo's routing callback path. */
    public static final String ROUTING = "/callbacks/routing";
    /** The demo's Conversations webhook path (pre and post). */
    public static final String CONVERSATIONS = "/callbacks/conversations";
    /** The demo's outgoing-conversation callback path. */
    public static final String OUTGOING_CONVERSATION = "/callbacks/outgoing-conversation";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A customer of the demo's in-memory CRM.
     *
     * @param customerId the {@code customer_id} Frontline shows
     * @param avatar an image URL, or null for none
     * @param worker the identity of the worker who owns the customer
     * @param channels the customer's addresses, as their {@code value} strings ({@code +1555…},
     *     {@code whatsapp:+1555…})
     */
    public record Customer(String customerId, String displayName, String avatar, String worker, List<String> channels) {

        /** Copies the channels. */
        public Customer {
            channels = List.copyOf(channels);
        }
    }

    private final ConversationsApi api;
    private final Random random;
    private final String smsNumber;
    private final String whatsappNumber;
    private final Map<String, String> customersToWorkers = new LinkedHashMap<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    /**
     * A demo service acting through this API.
     *
     * @param random the source of the random fallback's pick (seed it in tests)
     * @param smsNumber {@code TWILIO_SMS_NUMBER}, the proxy address for SMS customers (null or empty: 403)
     * @param whatsappNumber {@code TWILIO_WHATSAPP_NUMBER}, the proxy address for WhatsApp customers
     */
    public FrontlineDemoService(ConversationsApi api, Random random, String smsNumber, String whatsappNumber) {
        this.api = Objects.requireNonNull(api, "api");
        this.random = Objects.requireNonNull(random, "random");
        this.smsNumber = smsNumber;
        this.whatsappNumber = whatsappNumber;
    }

    /** Adds an entry to {@code customersToWorkersMap}: a customer address, exactly as it arrives, to a worker. */
    public synchronized FrontlineDemoService mapCustomerToWorker(String customerAddress, String worker) {
        customersToWorkers.put(customerAddress, worker);
        return this;
    }

    /** Adds a customer to the CRM. */
    public synchronized FrontlineDemoService addCustomer(Customer customer) {
        customers.add(Objects.requireNonNull(customer, "customer"));
        return this;
    }

    /** Registers the three endpoints on the simulator under the base URL (e.g. {@code https://demo.example.com}). */
    public void registerOn(ConversationsSimulator sim, String baseUrl) {
        sim.endpoint(baseUrl + ROUTING, routing());
        sim.endpoint(baseUrl + CONVERSATIONS, conversations());
        sim.endpoint(baseUrl + OUTGOING_CONVERSATION, outgoingConversation());
    }

    /** What the service logged (warnings and caught errors), oldest first. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    // ------------------------------------------------------------------ POST /callbacks/routing

    /** The custom routing callback: the mapped worker, else a random mapped worker, else a warning; always 200. */
    public WebhookEndpoint routing() {
        return this::route;
    }

    private WebhookResponse route(WebhookRequest request) {
        String conversationSid = request.param("ConversationSid");
        String address = request.param("MessagingBinding.Address");
        String worker;
        synchronized (this) {
            worker = address == null ? null : customersToWorkers.get(address);
            if (worker == null) {
                worker = randomWorker();
            }
            if (worker == null) {
                log.add("warn: Routing failed, please add workers to customersToWorkersMap or define a default "
                        + "worker {conversationSid: " + conversationSid + "}");
                return ok();
            }
        }
        try {
            api.createParticipant(conversationSid, new ParticipantRequest().identity(worker));
        } catch (TwilioApiException e) {
            logError("Create agent participant: " + e);
        }
        return ok();
    }

    private String randomWorker() {
        List<String> workers = new ArrayList<>(new LinkedHashSet<>(customersToWorkers.values()));
        return workers.isEmpty() ? null : workers.get(random.nextInt(workers.size()));
    }

    // ------------------------------------------------------------------ POST /callbacks/conversations

    /** The Conversations webhook: names new conversations and enriches customer participants. */
    public WebhookEndpoint conversations() {
        return this::conversationsEvent;
    }

    private WebhookResponse conversationsEvent(WebhookRequest request) throws Exception {
        String eventType = request.param("EventType");
        if ("onConversationAdd".equals(eventType)) {
            return nameConversation(request);
        }
        if ("onParticipantAdded".equals(eventType)) {
            enrichParticipant(request);
        }
        return ok();
    }

    private WebhookResponse nameConversation(WebhookRequest request) throws Exception {
        String address = request.param("MessagingBinding.Address");
        if (address == null) {
            return ok();
        }
        Customer customer = customerByNumber(address);
        ObjectNode attributes = JSON.createObjectNode();
        if (customer != null && customer.avatar() != null) {
            attributes.put("avatar", customer.avatar());
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("friendly_name", customer != null && truthy(customer.displayName()) ? customer.displayName() : address);
        answer.put("attributes", JSON.writeValueAsString(attributes));
        return WebhookResponse.json(JSON.writeValueAsString(answer));
    }

    private void enrichParticipant(WebhookRequest request) throws Exception {
        String conversationSid = request.param("ConversationSid");
        String participantSid = request.param("ParticipantSid");
        String address = request.param("MessagingBinding.Address");
        if (address == null || request.param("Identity") != null) {
            return; // not a customer: workers have an identity
        }
        // the demo does not catch a failed fetch: it crashes, and the caller sees an error
        Participant participant = api.fetchParticipant(conversationSid, participantSid);
        Customer customer = customerByNumber(address);
        JsonNode parsed = JSON.readTree(participant.attributes());
        ObjectNode merged = parsed != null && parsed.isObject() ? ((ObjectNode) parsed).deepCopy() : JSON.createObjectNode();
        mergeKey(merged, "avatar", customer == null ? null : customer.avatar());
        mergeKey(merged, "customer_id", customer == null ? null : customer.customerId());
        mergeKey(merged, "display_name", customer == null ? null : customer.displayName());
        String updated = JSON.writeValueAsString(merged);
        if (!updated.equals(participant.attributes())) {
            try {
                api.updateParticipant(conversationSid, participantSid, new ParticipantRequest().attributes(updated));
            } catch (TwilioApiException e) {
                logError("Update participant: " + e);
            }
        }
    }

    /** {@code key: existing.key || fromCrm}: an undefined result drops the key, as JSON.stringify does. */
    private static void mergeKey(ObjectNode merged, String key, String fromCrm) {
        JsonNode existing = merged.get(key);
        if (truthy(existing)) {
            return;
        }
        if (fromCrm == null) {
            merged.remove(key);
        } else {
            merged.put(key, fromCrm);
        }
    }

    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0 && !Double.isNaN(value.asDouble());
        }
        return true;
    }

    private static boolean truthy(String value) {
        return value != null && !value.isEmpty();
    }

    private synchronized Customer customerByNumber(String number) {
        for (Customer c : customers) {
            if (c.channels().contains(number)) {
                return c;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ POST /callbacks/outgoing-conversation

    /** The outgoing-conversation callback: {@code GetProxyAddress} answers the number for the channel type. */
    public WebhookEndpoint outgoingConversation() {
        return request -> {
            if (!"GetProxyAddress".equals(request.param("Location"))) {
                return WebhookResponse.of(422, "text/plain; charset=utf-8", "Unprocessable Entity");
            }
            String number = "whatsapp".equals(request.param("ChannelType")) ? whatsappNumber : smsNumber;
            if (number == null || number.isEmpty()) {
                return WebhookResponse.of(403, "text/plain; charset=utf-8", "Forbidden");
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("proxy_address", number);
            return WebhookResponse.json(JSON.writeValueAsString(answer));
        };
    }

    private static WebhookResponse ok() {
        return WebhookResponse.of(200, "text/plain; charset=utf-8", "OK");
    }

    private synchronized void logError(String text) {
        log.add("error: " + text);
    }
}
