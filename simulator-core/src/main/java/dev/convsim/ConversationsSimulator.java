package dev.convsim;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.journal.JournalEntry.Action;
import dev.convsim.journal.JournalEntry.Resource;
import dev.convsim.model.Address;
import dev.convsim.model.ConversationState;
import dev.convsim.model.MessagingService;
import dev.convsim.model.PhoneNumber;
import dev.convsim.model.Sids;
import dev.convsim.routing.Router;
import dev.convsim.webhook.Phase;
import dev.convsim.webhook.RecordedDeliveries;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory, deterministic Twilio Conversations: the front door. Build one per test; it holds no static state
 * and starts no threads.
 *
 * <pre>{@code
 * ConversationsSimulator sim = ConversationsSimulator.builder()
 *         .addressConfiguration(new AddressConfigurationRequest().type("sms").address("+15005550001")
 *                 .autoCreationEnabled(true).autoCreationType("default"))
 *         .build();
 * InboundOutcome first = sim.receive(InboundMessage.of("+15551230001", "+15005550001", "hello"));
 * InboundOutcome second = sim.receive(InboundMessage.of("+15551230001", "+15005550001", "again"));
 * // first is Autocreated, second is Captured by the same conversation
 * }</pre>
 *
 * <p>Commands are atomic under one lock and no lock is held while an endpoint or router runs, so handlers may call
 * back in from any thread.
 */
public final class ConversationsSimulator {

    /** The instant the clock starts at unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
    /**
     * The last instant the clock reaches: {@code start} and {@code advance} stay at or before it, so every timer
     * (at most {@link #MAX_DELAY}) stays a date Java can compute and Twilio's JSON can show.
     */
    public static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59Z");
    /** The longest timer or delay convsim takes (100 years; Twilio's own maximum is unconfirmed). */
    public static final Duration MAX_DELAY = Duration.ofDays(36_500);
    /** The account SID the simulator plays unless told otherwise. */
    public static final String DEFAULT_ACCOUNT_SID = Sids.format(Sids.ACCOUNT, 1);
    /** The auth token that signs webhooks unless told otherwise (a test value, never a real secret). */
    public static final String DEFAULT_AUTH_TOKEN = "convsim-test-auth-token";

    private final EngineApi engine;
    private final RecordedDeliveries deliveries;

    private ConversationsSimulator(EngineApi engine) {
        this.engine = engine;
        this.deliveries = new RecordedDeliveries(() -> engine.locked(engine.journal::deliveries),
                () -> engine.locked(engine.journal::droppedDeliveries));
    }

    /** Starts a simulator configuration. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ driving

    /** Handles one inbound message exactly as Twilio's inbound rules do, and says what happened. */
    public InboundOutcome receive(InboundMessage message) {
        Objects.requireNonNull(message, "message");
        return engine.receive(message);
    }

    /** Handles a 1:1 inbound text; see {@link InboundMessage#of(String, String, String)}. */
    public InboundOutcome receive(String from, String to, String body) {
        return receive(InboundMessage.of(from, to, body));
    }

    /**
     * Moves the clock forward, firing every due timer at its own instant in (due instant, sequence) order.
     *
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("[" + duration + "] is negative: the clock only moves forward");
        }
        Duration left = Duration.between(engine.now(), LAST_INSTANT);
        if (duration.compareTo(left) > 0) {
            throw new IllegalArgumentException("[" + duration + "] moves the clock past " + LAST_INSTANT
                    + ", the last instant convsim simulates: advance by at most " + left);
        }
        return engine.advanceTo(engine.now().plus(duration));
    }

    /** The Conversations v1 resources as typed calls. */
    public ConversationsApi api() {
        return engine;
    }

    /** The simulated clock. */
    public InstantSource clock() {
        return engine.clock;
    }

    /** The simulated clock's instant. */
    public Instant now() {
        return engine.now();
    }

    /** The account SID this simulator plays. */
    public String accountSid() {
        return engine.accountSid;
    }

    /** The fidelity options in force. */
    public FidelityOptions options() {
        return engine.options;
    }

    // ------------------------------------------------------------------ observing

    /** Every webhook delivery made, with a FIFO cursor for tests. Always the same view. */
    public RecordedDeliveries deliveries() {
        return deliveries;
    }

    /** The journal: every event, in order (the last {@code journalLimit} of them). */
    public List<JournalEntry> journal() {
        return engine.locked(engine.journal::entries);
    }

    /**
     * The journal entries after a sequence number, in order: what happened since an earlier look, without copying
     * the whole journal.
     */
    public List<JournalEntry> journalSince(long sequence) {
        return engine.locked(() -> engine.journal.since(sequence));
    }

    /** How many journal entries the bound has dropped (0 until the journal exceeds {@code journalLimit}). */
    public long journalDropped() {
        return engine.locked(engine.journal::droppedEntries);
    }

    /** The journal as text, one line per event, after a line saying how many older events were dropped, if any. */
    public String journalText() {
        StringBuilder out = new StringBuilder();
        long dropped = journalDropped();
        if (dropped > 0) {
            out.append("(").append(dropped).append(" older events dropped: journalLimit is ")
                    .append(engine.options.journalLimit()).append(")\n");
        }
        for (JournalEntry e : journal()) {
            out.append(e).append('\n');
        }
        return out.toString();
    }

    /**
     * Checks the binding index against the conversations: every bound pair is held by exactly one participant of a
     * non-closed conversation, every such participant is indexed, and closed or deleted conversations hold nothing.
     *
     * @throws AssertionError naming the broken pair or group
     */
    public void verifyInvariants() {
        engine.locked(() -> {
            Map<PairKey, String> seen = new HashMap<>();
            for (ConvEntity c : engine.conversations.values()) {
                for (PartEntity p : c.participants.values()) {
                    if (!p.isPair() || c.state == ConversationState.CLOSED) {
                        continue;
                    }
                    PairKey key = new PairKey(p.address, p.proxyAddress);
                    String other = seen.put(key, c.sid);
                    if (other != null) {
                        throw new AssertionError("the pair " + key + " is bound in two non-closed conversations: "
                                + other + " and " + c.sid);
                    }
                    if (engine.pairIndex.get(p.address, p.proxyAddress) != p) {
                        throw new AssertionError("the pair " + key + " held by " + p.sid + " in " + c.sid
                                + " is missing from the binding index");
                    }
                    if (p.conversation != c) {
                        throw new AssertionError("participant " + p.sid + " is in " + c.sid + " but points at "
                                + p.conversation.sid);
                    }
                }
            }
            engine.pairIndex.forEach(p -> {
                ConvEntity c = engine.conversations.get(p.conversationSid());
                if (c != p.conversation || c.participants.get(p.sid) != p || c.state == ConversationState.CLOSED
                        || !p.isPair() || engine.pairIndex.get(p.address, p.proxyAddress) != p) {
                    throw new AssertionError("the binding index holds " + p.sid + " in " + p.conversationSid()
                            + " under a pair it no longer binds (now " + p.address + " → " + p.proxyAddress + ")");
                }
            });
            if (engine.pairIndex.size() != seen.size()) {
                throw new AssertionError("the binding index holds " + engine.pairIndex.size() + " pairs but "
                        + seen.size() + " are bound in non-closed conversations");
            }
            for (ConvEntity c : engine.conversations.values()) {
                if (c.state == ConversationState.CLOSED || !c.isGroup()) {
                    continue;
                }
                List<Address> group = c.numberGroup();
                ConvEntity holder = engine.groupIndex.get(group);
                if (holder != c) {
                    throw new AssertionError("the number group " + group + " of " + c.sid + " is "
                            + (holder == null ? "missing from the group index" : "indexed to " + holder.sid
                                    + ": two non-closed conversations have it"));
                }
            }
            for (Map.Entry<List<Address>, ConvEntity> e : engine.groupIndex.entrySet()) {
                ConvEntity c = e.getValue();
                if (engine.conversations.get(c.sid) != c || c.state == ConversationState.CLOSED
                        || !c.numberGroup().equals(e.getKey())) {
                    throw new AssertionError("the group index holds " + e.getKey() + " for " + c.sid
                            + ", which no longer has that number group");
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ endpoints and routing

    /** Registers (or replaces) the in-process endpoint answering a URL. */
    public void endpoint(String url, WebhookEndpoint endpoint) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(endpoint, "endpoint");
        engine.endpoints.put(url, endpoint);
    }

    /**
     * A Frontline worker changes availability (pool routing). A worker becoming available takes queued
     * conversations, oldest first.
     *
     * @return the conversations assigned from the queue as a result, oldest first
     */
    public List<String> setWorkerAvailability(String identity, boolean available) {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("[" + identity + "] is not a worker identity: expected like alice@example.com");
        }
        long[] mark = new long[1];
        return engine.command(() -> {
            List<String> queuedBefore = engine.locked(() -> {
                mark[0] = engine.journal.lastSequence();
                Boolean was = engine.workers.put(identity, available);
                engine.record(Resource.WORKER, was == null ? Action.ADDED : Action.UPDATED, identity, null,
                        available ? "available" : "unavailable");
                return List.copyOf(engine.workerQueue);
            });
            Router router = engine.router;
            if (available && router != null && !queuedBefore.isEmpty()) {
                try {
                    router.workerAvailable(identity, engine.routingContext());
                } catch (Exception e) {
                    engine.locked(() -> engine.note(null, null, "the router " + router.mode()
                            + " failed when " + identity + " became available: " + e));
                }
            }
            return engine.locked(() -> {
                List<String> assigned = new ArrayList<>();
                for (JournalEntry e : engine.journal.entries()) {
                    if (e.sequence() > mark[0] && e instanceof JournalEntry.Routed r && r.fromQueue()) {
                        assigned.add(r.conversationSid());
                    }
                }
                return assigned;
            });
        });
    }

    /**
     * Delivers one app callback (a form-encoded POST) to the URL's endpoint, synchronously, and records it in the
     * journal with this scope: how Frontline's app calls an integration service. What the endpoint changes through
     * the API commits at once; its webhooks are delivered before this returns.
     *
     * <pre>{@code
     * WebhookResponse answer = sim.callback(WebhookScope.FRONTLINE, "https://svc.example.com/callbacks/outgoing",
     *         "GetProxyAddress", Map.of("Location", "GetProxyAddress", "Worker", "alice@example.com"));
     * }</pre>
     *
     * @param scope {@code FRONTLINE} (the app's callbacks) or {@code ROUTING}
     * @param eventType what the delivery is recorded as, e.g. {@code GetProxyAddress}
     * @param params the form parameters, in order
     * @return the endpoint's answer (a handler that throws counts as a 500)
     * @throws IllegalArgumentException for another scope or a blank URL
     */
    public WebhookResponse callback(WebhookScope scope, String url, String eventType, Map<String, String> params) {
        if (scope != WebhookScope.FRONTLINE && scope != WebhookScope.ROUTING) {
            throw new IllegalArgumentException("[" + (scope == null ? null : scope.wire())
                    + "] is not an app callback scope: expected frontline or routing");
        }
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(params, "params");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("[" + url
                    + "] is not a callback URL: expected like https://svc.example.com/callbacks/outgoing-conversation");
        }
        Map<String, String> copy = new java.util.LinkedHashMap<>(params);
        return engine.command(() -> engine.deliver(new Engine.Pending(engine.now(), Phase.POST, scope, url, "POST",
                eventType, copy, 0), 0));
    }

    /**
     * The URL a Studio flow's deliveries go to ({@code https://webhooks.twilio.com/v1/Accounts/AC…/Flows/FW…}):
     * register an endpoint there to play the flow of an address configuration of type {@code studio}.
     *
     * @throws IllegalArgumentException when the SID is not shaped like {@code FW} + 32 hex digits
     */
    public String studioFlowUrl(String flowSid) {
        if (!Sids.is(Sids.FLOW, flowSid)) {
            throw new IllegalArgumentException("[" + flowSid
                    + "] is not a Studio flow SID: expected FW followed by 32 hex digits");
        }
        return engine.studioUrl(flowSid);
    }

    /** Conversations waiting for a worker (pool routing), oldest first. */
    public List<String> routingQueue() {
        return engine.locked(() -> List.copyOf(engine.workerQueue));
    }

    // ------------------------------------------------------------------ account configuration (console)

    /**
     * Adds or replaces a messaging service (matched by SID): its sender pool, its integration and its inbound
     * request URL. A number moves out of any other service's pool. Choosing "Autocreate a Conversation" needs the
     * "Handle Inbound Messages with Conversations" lock to be unlocked.
     *
     * @throws IllegalArgumentException naming the bad value; nothing changes
     */
    public MessagingService putMessagingService(MessagingService service) {
        return engine.command(() -> engine.locked(() -> engine.putMessagingService(service)));
    }

    /**
     * Adds a number to a messaging service's sender pool (moving it out of any other service's pool).
     *
     * @throws IllegalArgumentException for an unknown service or number; nothing changes
     */
    public MessagingService addSender(String messagingServiceSid, String number) {
        Address address = Address.parse(number);
        return engine.command(() -> engine.locked(() -> {
            MessagingService ms = engine.messagingService(messagingServiceSid);
            if (ms.senders().contains(address)) {
                throw new IllegalArgumentException("[" + number + "] is already in the sender pool of "
                        + messagingServiceSid);
            }
            List<Address> senders = new ArrayList<>(ms.senders());
            senders.add(address);
            return engine.putMessagingService(new MessagingService(ms.sid(), ms.friendlyName(), senders,
                    ms.autocreateConversations(), ms.conversationsUnlocked(), ms.inboundRequestUrl(), ms.inboundMethod()));
        }));
    }

    /**
     * Removes a number from a messaging service's sender pool.
     *
     * @throws IllegalArgumentException when the service is unknown or the number is not in its pool
     */
    public MessagingService removeSender(String messagingServiceSid, String number) {
        Address address = Address.parse(number);
        return engine.command(() -> engine.locked(() -> {
            MessagingService ms = engine.messagingService(messagingServiceSid);
            if (!ms.senders().contains(address)) {
                throw new IllegalArgumentException("[" + number + "] is not in the sender pool of " + messagingServiceSid
                        + ": its senders are " + ms.senders());
            }
            List<Address> senders = new ArrayList<>(ms.senders());
            senders.remove(address);
            return engine.putMessagingService(new MessagingService(ms.sid(), ms.friendlyName(), senders,
                    ms.autocreateConversations(), ms.conversationsUnlocked(), ms.inboundRequestUrl(), ms.inboundMethod()));
        }));
    }

    /**
     * Sets a messaging service's integration: autocreate a conversation, or send a webhook to its inbound request
     * URL. Autocreation can only be chosen when "Handle Inbound Messages with Conversations" is unlocked.
     */
    public MessagingService setIntegration(String messagingServiceSid, boolean autocreateConversations,
            boolean conversationsUnlocked, String inboundRequestUrl) {
        return engine.command(() -> engine.locked(() -> {
            MessagingService ms = engine.messagingService(messagingServiceSid);
            return engine.putMessagingService(new MessagingService(ms.sid(), ms.friendlyName(), ms.senders(),
                    autocreateConversations, conversationsUnlocked, inboundRequestUrl, ms.inboundMethod()));
        }));
    }

    /** Removes a messaging service; its numbers keep their own SMS URLs. */
    public void removeMessagingService(String sid) {
        engine.command(() -> engine.locked(() -> {
            engine.removeMessagingService(sid);
            return null;
        }));
    }

    /** The messaging services, in the order they were added. */
    public List<MessagingService> messagingServices() {
        return engine.locked(() -> List.copyOf(engine.messagingServices.values()));
    }

    /** Adds or replaces an account phone number and its "A message comes in" URL. */
    public PhoneNumber putPhoneNumber(PhoneNumber number) {
        return engine.command(() -> engine.locked(() -> engine.putPhoneNumber(number)));
    }

    /** The account's phone numbers, in the order they were added. */
    public List<PhoneNumber> phoneNumbers() {
        return engine.locked(() -> List.copyOf(engine.phoneNumbers.values()));
    }

    @Override
    public String toString() {
        return engine.locked(() -> "ConversationsSimulator[account " + engine.accountSid + ", at " + engine.now()
                + ", " + engine.conversations.size() + " conversations, " + engine.journal.lastSequence()
                + " journal events]");
    }

    // ------------------------------------------------------------------ builder

    /**
     * Configures a simulator. Setup steps run in the order given, so SIDs follow that order (the first address
     * configuration is {@code IG…01}). Errors name the knob and the fix.
     */
    public static final class Builder {
        private Instant start = DEFAULT_START;
        private FidelityOptions options = FidelityOptions.defaults();
        private String accountSid = DEFAULT_ACCOUNT_SID;
        private String authToken = DEFAULT_AUTH_TOKEN;
        private Router router;
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private final List<Consumer<EngineApi>> steps = new ArrayList<>();
        private final Map<String, WebhookEndpoint> endpoints = new HashMap<>();
        private boolean serviceListed;

        private Builder() {
        }

        /** The clock's first instant (default {@link #DEFAULT_START}), at most {@link #LAST_INSTANT}. */
        public Builder start(Instant start) {
            Objects.requireNonNull(start, "start");
            if (start.isAfter(LAST_INSTANT)) {
                throw new IllegalArgumentException("start [" + start + "] is after " + LAST_INSTANT
                        + ", the last instant convsim simulates: start earlier, e.g. " + DEFAULT_START);
            }
            this.start = start;
            return this;
        }

        /** The fidelity options (default {@link FidelityOptions#defaults()}). */
        public Builder options(FidelityOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The account the simulator plays: its SID and the auth token that signs webhooks (default
         * {@link #DEFAULT_ACCOUNT_SID} and {@link #DEFAULT_AUTH_TOKEN}). The token never appears in any output.
         */
        public Builder account(String accountSid, String authToken) {
            if (!Sids.is(Sids.ACCOUNT, accountSid)) {
                throw new IllegalArgumentException("[" + accountSid
                        + "] is not an account SID: expected AC followed by 32 hex digits");
            }
            if (authToken == null || authToken.isEmpty()) {
                throw new IllegalArgumentException("the auth token is empty: give the token that signs webhooks");
            }
            this.accountSid = accountSid;
            this.authToken = authToken;
            return this;
        }

        /** Adds a conversation service; the first one added is the default (else one is created). */
        public Builder service(String friendlyName) {
            return service(null, friendlyName);
        }

        /** Adds a conversation service with a given SID. */
        public Builder service(String sid, String friendlyName) {
            if (sid != null && !Sids.is(Sids.CONVERSATION_SERVICE, sid)) {
                throw new IllegalArgumentException("[" + sid
                        + "] is not a conversation service SID: expected IS followed by 32 hex digits");
            }
            serviceListed = true;
            steps.add(e -> e.addService(sid, friendlyName));
            return this;
        }

        /** Adds an address configuration, as {@code POST /v1/Configuration/Addresses} would. */
        public Builder addressConfiguration(AddressConfigurationRequest request) {
            Objects.requireNonNull(request, "request");
            steps.add(e -> e.createAddressConfiguration(request));
            return this;
        }

        /** Shorthand: an SMS address configuration for the number with autocreation of type {@code default}. */
        public Builder autocreate(String number) {
            return addressConfiguration(new AddressConfigurationRequest().type(
                    number.startsWith("whatsapp:") ? "whatsapp" : "sms").address(number)
                    .autoCreationEnabled(true).autoCreationType("default"));
        }

        /** Adds a messaging service. */
        public Builder messagingService(MessagingService service) {
            Objects.requireNonNull(service, "service");
            steps.add(e -> e.putMessagingService(service));
            return this;
        }

        /** Adds an account phone number with its "A message comes in" URL (null for none). */
        public Builder phoneNumber(String number, String smsUrl) {
            Address address = Address.parse(number);
            steps.add(e -> e.putPhoneNumber(new PhoneNumber(address, smsUrl, "POST")));
            return this;
        }

        /** Sets the global webhooks, as {@code POST /v1/Configuration/Webhooks} would. */
        public Builder globalWebhooks(WebhookConfigurationRequest request) {
            Objects.requireNonNull(request, "request");
            steps.add(e -> e.updateGlobalWebhooks(request));
            return this;
        }

        /** Sets the account configuration (default timers, default services). */
        public Builder configuration(ConfigurationRequest request) {
            Objects.requireNonNull(request, "request");
            steps.add(e -> e.updateConfiguration(request));
            return this;
        }

        /** Runs any API call as part of setup, in order with the other steps. */
        public Builder setup(Consumer<ConversationsApi> step) {
            Objects.requireNonNull(step, "step");
            steps.add(step::accept);
            return this;
        }

        /** Registers an in-process endpoint for a URL. */
        public Builder endpoint(String url, WebhookEndpoint endpoint) {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoints.containsKey(url)) {
                throw new IllegalStateException("an endpoint for [" + url + "] was already set: register each URL once");
            }
            endpoints.put(url, endpoint);
            return this;
        }

        /** The router for autocreated conversations (one per simulator). */
        public Builder router(Router router) {
            Objects.requireNonNull(router, "router");
            if (this.router != null) {
                throw new IllegalStateException("router was already set to " + this.router + ": one router per simulator");
            }
            this.router = router;
            return this;
        }

        /** A Frontline worker for pool routing, with its availability. */
        public Builder worker(String identity, boolean available) {
            if (identity == null || identity.isBlank()) {
                throw new IllegalArgumentException("[" + identity + "] is not a worker identity: expected like alice@example.com");
            }
            steps.add(e -> {
                e.workers.put(identity, available);
                e.record(Resource.WORKER, Action.ADDED, identity, null, available ? "available" : "unavailable");
            });
            return this;
        }

        /**
         * Allows real HTTP delivery ({@code http://} or {@code https://}, signed) to a non-loopback host, named
         * exactly (default: only {@code http://} on {@code 127.0.0.1}, {@code localhost} and {@code [::1]}).
         */
        public Builder allowHost(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("[" + host + "] is not a host name: expected like svc.example.com");
            }
            allowedHosts.add(host.toLowerCase(java.util.Locale.ROOT));
            return this;
        }

        /**
         * Builds the simulator, running the setup steps in order.
         *
         * @throws TwilioApiException or IllegalArgumentException from a setup step, naming the bad value
         */
        public ConversationsSimulator build() {
            HttpDelivery http = new HttpDelivery(authToken, options, allowedHosts);
            EngineApi engine = new EngineApi(start, options, accountSid, authToken, http);
            engine.endpoints.putAll(endpoints);
            engine.router = router;
            engine.locked(() -> {
                if (!serviceListed) {
                    engine.addService(null, "Default Conversations Service");
                }
            });
            // no lock around the steps: a step's webhooks are delivered with no lock held, as after build
            for (Consumer<EngineApi> step : steps) {
                step.accept(engine);
            }
            engine.built = true;
            return new ConversationsSimulator(engine);
        }
    }
}
