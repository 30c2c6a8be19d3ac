package dev.convsim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.api.TwilioApiException;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.inbound.InboundTrail;
import dev.convsim.journal.JournalEntry;
import dev.convsim.journal.JournalEntry.Action;
import dev.convsim.journal.JournalEntry.Resource;
import dev.convsim.model.Address;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreationType;
import dev.convsim.model.ConversationService;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Media;
import dev.convsim.model.Message;
import dev.convsim.model.MessagingService;
import dev.convsim.model.PhoneNumber;
import dev.convsim.model.Sids;
import dev.convsim.routing.NewConversation;
import dev.convsim.routing.Router;
import dev.convsim.webhook.ConversationWebhook;
import dev.convsim.webhook.Phase;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookConfiguration;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookEvent;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine: all state under one lock, and the command lifecycle of DESIGN.md (validate, pre-action hooks with no
 * lock held, atomic commit with journal entries and queued post-action deliveries, outbox drained by the outermost
 * call on the calling thread). The resource operations live in {@link EngineApi}, which extends this class.
 */
abstract class Engine {

    final ReentrantLock lock = new ReentrantLock();
    final SimulatedClock clock;
    final FidelityOptions options;
    final String accountSid;
    final String authToken;
    final Journal journal;

    private final Sids.Minter sids = new Sids.Minter();
    final Map<String, ConvEntity> conversations = new LinkedHashMap<>();
    final Map<String, ConvEntity> byUniqueName = new HashMap<>();
    final PairIndex pairIndex = new PairIndex();
    final Map<List<Address>, ConvEntity> groupIndex = new HashMap<>();
    final Map<String, AddressConfiguration> addressConfigurations = new LinkedHashMap<>();
    final Map<Address, AddressConfiguration> addressConfigurationByAddress = new HashMap<>();
    final Map<String, MessagingService> messagingServices = new LinkedHashMap<>();
    final Map<Address, MessagingService> messagingServiceBySender = new HashMap<>();
    /** Why a number is (or is no longer) in a messaging service, for explanations: set by changes after build. */
    final Map<Address, String> senderNotes = new HashMap<>();
    /** When a messaging service's integration changed after build, for explanations. */
    final Map<String, String> integrationNotes = new HashMap<>();
    /** True once the builder's setup steps have run: later changes are noted in explanations. */
    boolean built;
    final Map<Address, PhoneNumber> phoneNumbers = new LinkedHashMap<>();
    final Map<String, ConversationService> services = new LinkedHashMap<>();
    final Map<String, WebhookConfiguration> serviceWebhooks = new HashMap<>();
    WebhookConfiguration globalWebhooks = WebhookConfiguration.none(null);
    /** Cache of {@link #scopeEvents()}; null after a change to the global or a service's webhooks. */
    private Set<WebhookEvent> scopeEvents;
    String defaultChatServiceSid;
    String defaultMessagingServiceSid;
    Duration defaultInactiveTimer;
    Duration defaultClosedTimer;

    final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    final HttpDelivery http;
    Router router;

    final Map<String, Boolean> workers = new LinkedHashMap<>();
    final ArrayDeque<String> workerQueue = new ArrayDeque<>();
    final Map<String, Integer> workerAssignments = new HashMap<>();
    String lastAssignedWorker;

    private final PriorityQueue<TimerEntry> timers = new PriorityQueue<>();
    /** The last autocreation's journal detail and the SID it names (see viaDetail). */
    private String lastViaSid;
    private String lastViaDetail;
    private long timerSequence;
    private final ThreadLocal<Outbox> outboxes = ThreadLocal.withInitial(Outbox::new);
    /** The thread that built the simulator (a test's own thread, usually the only one) keeps its outbox here. */
    private final Thread builderThread = Thread.currentThread();
    private final Outbox builderOutbox = new Outbox();

    Engine(Instant start, FidelityOptions options, String accountSid, String authToken, HttpDelivery http) {
        this.clock = new SimulatedClock(start);
        this.options = options;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.journal = new Journal(options.journalLimit());
        this.http = http;
    }

    // ------------------------------------------------------------------ infrastructure

    String mint(String prefix) {
        // before build() returns only the building thread can reach the engine
        assert lock.isHeldByCurrentThread() || !built : "SIDs are minted under the lock";
        return sids.next(prefix);
    }

    Instant now() {
        return clock.instant();
    }

    void record(Resource resource, Action action, String sid, String conversationSid, String detail) {
        journal.append(new JournalEntry.ResourceChanged(journal.nextSequence(), now(), resource, action, sid,
                conversationSid, detail));
    }

    void note(String conversationSid, Integer code, String text) {
        journal.append(new JournalEntry.Note(journal.nextSequence(), now(), conversationSid, code, text));
    }

    <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable body) {
        lock.lock();
        try {
            body.run();
        } finally {
            lock.unlock();
        }
    }

    /** Per-thread queue of work to do after the current command commits. */
    static final class Outbox {
        int depth;
        /** Created on first use: most commands queue nothing. */
        private ArrayDeque<Object> queue;

        void add(Object item) {
            if (queue == null) {
                queue = new ArrayDeque<>();
            }
            queue.addLast(item);
        }

        Object poll() {
            return queue == null ? null : queue.pollFirst();
        }

        boolean isEmpty() {
            return queue == null || queue.isEmpty();
        }
    }

    /** A post-action (or messaging, or routing) delivery waiting in the outbox. */
    record Pending(Instant at, Phase phase, WebhookScope scope, String url, String method, String eventType,
            Map<String, String> params, int retries) {
    }

    Outbox enter() {
        Outbox outbox = outbox();
        outbox.depth++;
        return outbox;
    }

    /** The calling thread's outbox: a field read for the thread that built the simulator, else a thread-local. */
    private Outbox outbox() {
        return Thread.currentThread() == builderThread ? builderOutbox : outboxes.get();
    }

    void exit(Outbox outbox) {
        try {
            if (outbox.depth == 1) {
                drain(outbox);
            }
        } finally {
            outbox.depth--;
            if (outbox.depth == 0 && outbox != builderOutbox && outbox.isEmpty()) {
                // leave nothing in another thread's map: a thread that calls simulator after simulator (a pool
                // running tests) would otherwise fill it with the outboxes of dead simulators until a GC
                outboxes.remove();
            }
        }
    }

    <T> T command(Supplier<T> body) {
        Outbox outbox = enter();
        try {
            return body.get();
        } finally {
            exit(outbox);
        }
    }

    void enqueue(Pending pending) {
        outbox().add(pending);
    }

    void enqueue(Runnable task) {
        outbox().add(task);
    }

    private void drain(Outbox outbox) {
        Object item;
        while ((item = outbox.poll()) != null) {
            if (item instanceof Pending pending) {
                deliverWithRetries(pending);
            } else {
                try {
                    ((Runnable) item).run();
                } catch (RuntimeException e) {
                    locked(() -> note(null, null, "a task after the command failed: " + e));
                }
            }
        }
    }

    /** Delivers, and sends again up to {@code retries} times while the answer calls for it; returns the last. */
    private WebhookResponse deliverWithRetries(Pending pending) {
        WebhookResponse response = deliver(pending, 0);
        for (int attempt = 1; attempt <= pending.retries() && retriable(pending.scope(), response); attempt++) {
            response = deliver(retry(pending, attempt), attempt);
        }
        return response;
    }

    /**
     * Whether an answer is retried: a studio flow's webhook after any failure (its retry count), a global or
     * service webhook after a timeout, 429, 503 or 504 ({@link FidelityOptions#webhookRetries()}).
     */
    private static boolean retriable(WebhookScope scope, WebhookResponse response) {
        if (scope == WebhookScope.CONVERSATION) {
            return !response.isSuccess();
        }
        return response.timedOut() || response.status() == 429 || response.status() == 503
                || response.status() == 504;
    }

    /** The same delivery with {@code RetryCount} counting the retries, as Twilio's payloads carry it. */
    private static Pending retry(Pending pending, int attempt) {
        if (!pending.params().containsKey("RetryCount")) {
            return pending;
        }
        Map<String, String> params = new LinkedHashMap<>(pending.params());
        params.put("RetryCount", Integer.toString(attempt));
        return new Pending(pending.at(), pending.phase(), pending.scope(), pending.url(), pending.method(),
                pending.eventType(), params, pending.retries());
    }

    /** Makes one delivery with no lock held and records it. */
    WebhookResponse deliver(Pending pending, int attempt) {
        long sequence = locked(journal::nextDeliverySequence);
        WebhookRequest request = new WebhookRequest(pending.at(), pending.phase(), pending.scope(), pending.url(),
                pending.method(), pending.eventType(), pending.params(), attempt);
        WebhookResponse response;
        String error = null;
        WebhookEndpoint endpoint = endpoints.get(pending.url());
        try {
            if (endpoint != null) {
                response = endpoint.handle(request);
                if (response == null) {
                    response = WebhookResponse.status(500);
                    error = "the endpoint returned null";
                }
            } else if (http.handles(pending.url())) {
                HttpDelivery.Result result = http.deliver(request);
                response = result.response();
                error = result.error();
            } else {
                response = WebhookResponse.ok();
            }
        } catch (TwilioApiException e) {
            response = WebhookResponse.status(500);
            error = "the endpoint threw " + e;
        } catch (Exception e) {
            response = WebhookResponse.status(500);
            error = "the endpoint threw " + e;
        }
        WebhookResponse answer = response;
        String why = error;
        locked(() -> {
            RecordedDelivery delivery = new RecordedDelivery(sequence, pending.at(),
                    pending.phase(), pending.scope(), pending.url(), pending.method(), pending.eventType(),
                    request.params(), attempt, answer.timedOut() ? null : answer.status(), answer.body(), why);
            journal.append(new JournalEntry.Delivered(journal.nextSequence(), pending.at(), delivery));
        });
        return answer;
    }

    // ------------------------------------------------------------------ webhook targets and pre-action verdicts

    /** One place an event goes. */
    record Target(WebhookScope scope, String url, String method, int retries) {
    }

    /** Call after the global or any service's webhooks change. */
    void webhooksChanged() {
        scopeEvents = null;
    }

    /**
     * The events the global scope or some service scope sends somewhere: every inbound message asks about two
     * events, and most simulators listen to neither.
     */
    private Set<WebhookEvent> scopeEvents() {
        Set<WebhookEvent> events = scopeEvents;
        if (events == null) {
            events = EnumSet.noneOf(WebhookEvent.class);
            for (WebhookEvent event : WebhookEvent.values()) {
                if (globalWebhooks.urlFor(event) != null) {
                    events.add(event);
                }
                for (WebhookConfiguration service : serviceWebhooks.values()) {
                    if (service.urlFor(event) != null) {
                        events.add(event);
                    }
                }
            }
            scopeEvents = events;
        }
        return events;
    }

    /** The global and service targets for an event of a conversation in this service. */
    List<Target> scopeTargets(WebhookEvent event, String chatServiceSid, boolean carrierMessage) {
        if (!scopeEvents().contains(event)) {
            return List.of();
        }
        List<Target> targets = null;
        WebhookConfiguration service = chatServiceSid == null ? null : serviceWebhooks.get(chatServiceSid);
        String serviceUrl = service == null ? null : service.urlFor(event);
        if (serviceUrl != null && carrierMessage && event == WebhookEvent.ON_MESSAGE_ADDED
                && options.serviceSkipsCarrierMessageAdded()) {
            serviceUrl = null;
        }
        String globalUrl = globalWebhooks.urlFor(event);
        if (globalUrl != null && (options.globalAndServiceBothReceive() || serviceUrl == null)) {
            targets = new ArrayList<>(2);
            targets.add(new Target(WebhookScope.GLOBAL, globalUrl, globalWebhooks.method(),
                    options.webhookRetries()));
        }
        if (serviceUrl != null) {
            if (targets == null) {
                targets = new ArrayList<>(1);
            }
            targets.add(new Target(WebhookScope.SERVICE, serviceUrl, service.method(), options.webhookRetries()));
        }
        return targets == null ? List.of() : targets;
    }

    /** Queues a post-action event to the global, service and conversation scopes that list it. */
    void post(WebhookEvent event, ConvEntity c, Map<String, String> params, boolean carrierMessage) {
        post(event, c, () -> params, carrierMessage);
    }

    /**
     * As {@link #post(WebhookEvent, ConvEntity, Map, boolean)}, building the parameters only when some scope
     * listens: the hot inbound paths fire events nobody may have configured.
     */
    void post(WebhookEvent event, ConvEntity c, Supplier<Map<String, String>> lazyParams, boolean carrierMessage) {
        List<Target> targets = scopeTargets(event, c.chatServiceSid, carrierMessage);
        if (targets.isEmpty() && !c.hasWebhooks()) {
            return;
        }
        Map<String, String> params = lazyParams.get();
        Instant at = now();
        for (Target t : targets) {
            enqueue(new Pending(at, Phase.POST, t.scope(), t.url(), t.method(), event.wire(), params, t.retries()));
        }
        if (c.hasWebhooks()) {
            for (ConversationWebhook wh : c.webhooks.values()) {
                if (scopedWebhookWants(wh, event, params)) {
                    enqueue(new Pending(at, Phase.POST, WebhookScope.CONVERSATION, scopedUrl(wh), wh.method(),
                            event.wire(), params, wh.retryCount()));
                }
            }
        }
    }

    String scopedUrl(ConversationWebhook wh) {
        return wh.target().equals("studio") ? studioUrl(wh.flowSid()) : wh.url();
    }

    String studioUrl(String flowSid) {
        return "https://webhooks.twilio.com/v1/Accounts/" + accountSid + "/Flows/" + flowSid;
    }

    private static boolean scopedWebhookWants(ConversationWebhook wh, WebhookEvent event, Map<String, String> params) {
        if (wh.target().equals("trigger")) {
            if (event != WebhookEvent.ON_MESSAGE_ADDED) {
                return false;
            }
            String body = params.get("Body");
            if (body == null) {
                return false;
            }
            String lower = body.toLowerCase(java.util.Locale.ROOT);
            for (String word : wh.triggers()) {
                if (lower.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        if (wh.target().equals("studio") && wh.filters().isEmpty()) {
            return event == WebhookEvent.ON_MESSAGE_ADDED;
        }
        return wh.filters().contains(event.wire());
    }

    /** A pre-action verdict: accepted (with the fields the answer changed), or rejected by one URL's status. */
    record Verdict(boolean rejected, String url, int status, Map<String, String> changes) {
        static final Verdict ACCEPT = new Verdict(false, null, 0, Map.of());
    }

    /** Calls each pre-action target in order, with no lock held; the first non-2xx answer rejects. */
    Verdict preAction(WebhookEvent event, List<Target> targets, Map<String, String> params) {
        if (targets.isEmpty()) {
            return Verdict.ACCEPT;
        }
        Instant at = now();
        Map<String, String> changes = null;
        for (Target t : targets) {
            WebhookResponse response = deliverWithRetries(
                    new Pending(at, Phase.PRE, t.scope(), t.url(), t.method(), event.wire(), params, t.retries()));
            if (response.timedOut()) {
                continue;
            }
            if (!response.isSuccess()) {
                return new Verdict(true, t.url(), response.status(), Map.of());
            }
            Map<String, String> fromAnswer = modifications(event, t.url(), response);
            if (!fromAnswer.isEmpty()) {
                if (changes == null) {
                    changes = new LinkedHashMap<>();
                }
                changes.putAll(fromAnswer);
            }
        }
        return changes == null ? Verdict.ACCEPT : new Verdict(false, null, 200, changes);
    }

    private Map<String, String> modifications(WebhookEvent event, String url, WebhookResponse response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        String contentType = response.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            locked(() -> note(null, null, "the " + event.wire() + " answer from " + url + " is " + contentType
                    + ", not application/json: accepted unchanged"));
            return Map.of();
        }
        JsonNode json;
        try {
            json = FormReader.JSON.readTree(body);
        } catch (Exception e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            locked(() -> note(null, null, "the " + event.wire() + " answer from " + url
                    + " is not a JSON object: accepted unchanged"));
            return Map.of();
        }
        List<String> fields;
        switch (event) {
            case ON_CONVERSATION_ADD, ON_CONVERSATION_UPDATE -> fields = options.uniqueNameFromPreAction()
                    ? List.of("friendly_name", "attributes", "unique_name")
                    : List.of("friendly_name", "attributes");
            case ON_MESSAGE_ADD, ON_MESSAGE_UPDATE -> fields = List.of("body", "author", "attributes");
            default -> fields = List.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull()) {
                out.put(field, value.isTextual() ? value.asText() : value.toString());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ bindings

    void bind(PartEntity p) {
        if (p.isPair()) {
            pairIndex.put(p);
        }
    }

    void unbind(PartEntity p) {
        if (p.isPair()) {
            pairIndex.remove(p);
        }
    }

    /** Re-registers a conversation's number group after its members changed. */
    void reindexGroup(ConvEntity c) {
        if (c.groupKey != null && groupIndex.get(c.groupKey) == c) {
            groupIndex.remove(c.groupKey);
        }
        c.groupKey = null;
        if (c.state == ConversationState.CLOSED) {
            return;
        }
        List<Address> key = c.numberGroup();
        if (!key.isEmpty()) {
            c.groupKey = List.copyOf(key);
            groupIndex.putIfAbsent(c.groupKey, c);
        }
    }

    /** Releases every binding the conversation holds (closing or deleting it). */
    void releaseBindings(ConvEntity c) {
        for (PartEntity p : c.participants.values()) {
            unbind(p);
        }
        if (c.groupKey != null && groupIndex.get(c.groupKey) == c) {
            groupIndex.remove(c.groupKey);
        }
        c.groupKey = null;
    }

    // ------------------------------------------------------------------ states and timers

    /** A conversation timer, or (with {@code change} set) a configuration change waiting out its propagation delay. */
    private record TimerEntry(Instant due, long sequence, ConvEntity conversation, boolean closes, long generation,
            Runnable change) implements Comparable<TimerEntry> {
        @Override
        public int compareTo(TimerEntry o) {
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(sequence, o.sequence);
        }
    }

    /** Restarts a conversation's timers from now (activity, or new timer settings). */
    void armTimers(ConvEntity c) {
        c.timerAnchor = now();
        c.timerGeneration++;
        Instant inactiveAt = c.dateInactive();
        if (inactiveAt != null) {
            timers.add(new TimerEntry(inactiveAt, ++timerSequence, c, false, c.timerGeneration, null));
        }
        Instant closedAt = c.dateClosed();
        if (closedAt != null) {
            timers.add(new TimerEntry(closedAt, ++timerSequence, c, true, c.timerGeneration, null));
        }
    }

    /** Runs a change under the lock when the clock reaches {@code due}, in (due, sequence) order with the timers. */
    void schedule(Instant due, Runnable change) {
        timers.add(new TimerEntry(due, ++timerSequence, null, false, 0, change));
    }

    /** Drops stale entries and returns the next live timer due at or before the limit, or null. */
    private TimerEntry nextDue(Instant limit) {
        TimerEntry head;
        while ((head = timers.peek()) != null) {
            if (head.change() != null) {
                return head.due().isAfter(limit) ? null : head;
            }
            ConvEntity c = head.conversation();
            boolean live = head.generation() == c.timerGeneration && conversations.get(c.sid) == c
                    && (head.closes() ? c.state != ConversationState.CLOSED : c.state == ConversationState.ACTIVE);
            if (!live) {
                timers.poll();
                continue;
            }
            return head.due().isAfter(limit) ? null : head;
        }
        return null;
    }

    /** Moves the clock to {@code target}, firing every due timer at its own instant, in (due, sequence) order. */
    Instant advanceTo(Instant target) {
        Outbox outbox = enter();
        try {
            while (true) {
                boolean fired = locked(() -> {
                    TimerEntry due = nextDue(target);
                    if (due == null) {
                        return false;
                    }
                    timers.poll();
                    if (due.due().isAfter(now())) {
                        clock.set(due.due());
                    }
                    if (due.change() != null) {
                        due.change().run();
                        return true;
                    }
                    ConvEntity c = due.conversation();
                    changeState(c, due.closes() ? ConversationState.CLOSED : ConversationState.INACTIVE, "TIMER",
                            true, "SYSTEM");
                    return true;
                });
                if (!fired) {
                    break;
                }
                if (outbox.depth == 1) {
                    drain(outbox);
                }
            }
            locked(() -> {
                if (target.isAfter(now())) {
                    clock.set(target);
                }
            });
            return now();
        } finally {
            exit(outbox);
        }
    }

    /**
     * Changes state under the lock: journal, bindings, timers, and {@code onConversationStateUpdated} when
     * {@code fireWebhooks}.
     */
    void changeState(ConvEntity c, ConversationState to, String reason, boolean fireWebhooks, String source) {
        ConversationState from = c.state;
        if (from == to) {
            return;
        }
        c.state = to;
        c.dateUpdated = now();
        journal.append(new JournalEntry.StateChanged(journal.nextSequence(), now(), c.sid, from, to, reason));
        if (to == ConversationState.CLOSED) {
            releaseBindings(c);
            c.timerGeneration++;
            // a closed conversation can take no worker: it leaves the pool queue, as a deleted one does
            workerQueue.remove(c.sid);
        } else if (to == ConversationState.ACTIVE && from == ConversationState.INACTIVE) {
            armTimers(c);
        } else if (from == ConversationState.INITIALIZING) {
            armTimers(c);
        }
        if (fireWebhooks) {
            WebhookParams params = WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_STATE_UPDATED,
                    "SYSTEM".equals(source) ? null : source);
            params.put("ChatServiceSid", c.chatServiceSid)
                    .put("StateUpdated", now())
                    .put("StateFrom", from.wire())
                    .put("StateTo", to.wire())
                    .put("ConversationSid", c.sid)
                    .put("Reason", reason)
                    .put("MessagingServiceSid", c.messagingServiceSid);
            post(WebhookEvent.ON_CONVERSATION_STATE_UPDATED, c, params.build(), false);
        }
    }

    /** Activity (a new message or participant): an inactive conversation becomes active; timers restart. */
    void activity(ConvEntity c, boolean fireWebhooks, String source) {
        if (c.state == ConversationState.INACTIVE) {
            changeState(c, ConversationState.ACTIVE, options.reactivationReason(), fireWebhooks, source);
        } else {
            armTimers(c);
        }
    }

    // ------------------------------------------------------------------ inbound

    /** What the inbound decision found, under the lock. */
    private sealed interface Plan {
    }

    /** {@code preTargets}: where {@code onMessageAdd} goes, found under the same lock as the rest of the plan. */
    private record CapturePlan(ConvEntity conversation, PartEntity sender, PhoneNumber numberHook,
            List<Target> preTargets) implements Plan {
    }

    private record AutocreatePlan(InboundTrail trail, InboundOutcome.Via via, String viaSid, String chatServiceSid,
            String messagingServiceSid, AddressConfiguration addressConfiguration, List<Address> group,
            PhoneNumber numberHook) implements Plan {
    }

    private record WebhookPlan(InboundTrail trail, String url, String method, boolean fromService,
            PhoneNumber numberHook) implements Plan {
    }

    private record UnhandledPlan(InboundTrail trail, PhoneNumber numberHook) implements Plan {
    }

    InboundOutcome receive(InboundMessage message) {
        Outbox outbox = enter();
        try {
            InboundOutcome captured;
            lock.lock();
            try {
                captured = captureAtOnce(message);
            } finally {
                lock.unlock();
            }
            // the common case stays a small method the compiler inlines whole; the rest is decide()
            return captured != null ? captured : decide(message);
        } finally {
            exit(outbox);
        }
    }

    /** Everything but the common capture: plan, ask pre-action hooks with no lock held, commit or decide again. */
    private InboundOutcome decide(InboundMessage message) {
        while (true) {
            Plan plan;
            InboundOutcome committed = null;
            lock.lock();
            try {
                plan = plan(message);
                if (plan instanceof CapturePlan capture && capture.preTargets().isEmpty()) {
                    // no pre-action hook to wait for: decide and commit in one lock hold
                    committed = commitCapture(message, capture.conversation(), capture.sender(),
                            capture.numberHook(), Map.of());
                }
            } finally {
                lock.unlock();
            }
            if (committed != null) {
                return committed;
            }
            InboundOutcome outcome;
            if (plan instanceof CapturePlan capture) {
                outcome = capture(message, capture);
            } else if (plan instanceof AutocreatePlan auto) {
                outcome = autocreate(message, auto);
            } else if (plan instanceof WebhookPlan webhook) {
                outcome = locked(() -> {
                    InboundOutcome o = new InboundOutcome.SentToMessagingWebhook(message, webhook.trail(),
                            webhook.url(), webhook.fromService());
                    journal.append(new JournalEntry.Inbound(journal.nextSequence(), now(), o));
                    if (webhook.numberHook() != null && !webhook.numberHook().smsUrl().equals(webhook.url())) {
                        notifyNumber(message, webhook.numberHook(), null);
                    }
                    enqueue(messagingDelivery(message, webhook.url(), webhook.method(),
                            webhook.fromService() ? webhook.trail().messagingServiceSid() : null));
                    return o;
                });
            } else {
                UnhandledPlan unhandled = (UnhandledPlan) plan;
                outcome = locked(() -> {
                    InboundOutcome o = new InboundOutcome.Unhandled(message, unhandled.trail());
                    journal.append(new JournalEntry.Inbound(journal.nextSequence(), now(), o));
                    return o;
                });
            }
            if (outcome != null) {
                return outcome;
            }
            // the state changed while a pre-action hook ran: decide again
        }
    }

    /**
     * The common case, under the lock: a 1:1 message whose pair is bound, with no pre-action hook listening, is
     * decided and committed at once, without a plan. Null when the message needs {@link #plan}.
     */
    private InboundOutcome captureAtOnce(InboundMessage message) {
        if (message.isGroup() && options.groupMmsEnabled()) {
            return null;
        }
        PartEntity p = pairIndex.get(message.from(), message.to());
        if (p == null || !scopeTargets(WebhookEvent.ON_MESSAGE_ADD, p.conversation.chatServiceSid, true).isEmpty()) {
            return null;
        }
        PhoneNumber number = phoneNumbers.isEmpty() ? null : phoneNumbers.get(message.to());
        return commitCapture(message, p.conversation, p, numberHook(number), Map.of());
    }

    /** The number whose own SMS URL is told of a message Conversations handles, or null. */
    private PhoneNumber numberHook(PhoneNumber number) {
        return number != null && number.smsUrl() != null && options.numberWebhookFiresAlongside() ? number : null;
    }

    private Plan plan(InboundMessage message) {
        PhoneNumber number = phoneNumbers.get(message.to());
        PhoneNumber numberHook = numberHook(number);
        boolean group = message.isGroup() && options.groupMmsEnabled();
        List<Address> numberGroup = group ? message.numberGroup() : null;
        if (group) {
            ConvEntity c = groupIndex.get(numberGroup);
            if (c != null) {
                PartEntity sender = null;
                for (PartEntity p : c.participants.values()) {
                    if (message.from().equals(p.address) && p.proxyAddress == null) {
                        sender = p;
                        break;
                    }
                }
                return new CapturePlan(c, sender, numberHook,
                        scopeTargets(WebhookEvent.ON_MESSAGE_ADD, c.chatServiceSid, true));
            }
        } else {
            PartEntity p = pairIndex.get(message.from(), message.to());
            if (p != null) {
                ConvEntity c = p.conversation;
                return new CapturePlan(c, p, numberHook,
                        scopeTargets(WebhookEvent.ON_MESSAGE_ADD, c.chatServiceSid, true));
            }
        }
        AddressConfiguration ac = addressConfigurationByAddress.get(message.to());
        MessagingService ms = messagingServiceBySender.get(message.to());
        boolean acOn = ac != null && ac.autoCreation().enabled();
        boolean msOn = ms != null && ms.autocreateConversations();
        InboundTrail trail = new InboundTrail(message.from(), message.to(), numberGroup,
                ac == null ? null : ac.sid(), ac == null ? null : acOn, ms == null ? null : ms.sid(),
                ms == null ? null : msOn, messagingServiceNote(message.to(), ms),
                options.addressConfigurationFirst());
        boolean useAc = acOn && (options.addressConfigurationFirst() || !msOn);
        boolean tooBig = group && numberGroup.size() > options.groupParticipantLimit();
        if ((useAc || msOn) && !tooBig) {
            if (useAc) {
                String service = ac.autoCreation().conversationServiceSid() != null
                        ? ac.autoCreation().conversationServiceSid()
                        : defaultChatServiceSid;
                String msSid = ms != null ? ms.sid() : defaultMessagingServiceSid;
                return new AutocreatePlan(trail, InboundOutcome.Via.ADDRESS_CONFIGURATION, ac.sid(), service, msSid,
                        ac, numberGroup, numberHook);
            }
            return new AutocreatePlan(trail, InboundOutcome.Via.MESSAGING_SERVICE, ms.sid(), defaultChatServiceSid,
                    ms.sid(), null, numberGroup, numberHook);
        }
        if (tooBig) {
            note(null, 50436, "the group " + numberGroup + " has " + numberGroup.size()
                    + " addresses, over the group participant limit of " + options.groupParticipantLimit()
                    + ": not autocreated");
        }
        if (ms != null && ms.inboundRequestUrl() != null) {
            return new WebhookPlan(trail, ms.inboundRequestUrl(),
                    ms.inboundMethod() == null ? "POST" : ms.inboundMethod(), true, numberHook);
        }
        if (number != null && number.smsUrl() != null) {
            return new WebhookPlan(trail, number.smsUrl(), number.smsMethod() == null ? "POST" : number.smsMethod(),
                    false, numberHook);
        }
        return new UnhandledPlan(trail, numberHook);
    }

    private String messagingServiceNote(Address to, MessagingService ms) {
        String sender = senderNotes.get(to);
        String integration = ms == null ? null : integrationNotes.get(ms.sid());
        if (sender == null) {
            return integration;
        }
        return integration == null ? sender : sender + "; " + integration;
    }

    private String channelMessageSid(InboundMessage message) {
        return mint(message.media().isEmpty() && !message.isGroup() ? Sids.SMS_MESSAGE : Sids.MMS_MESSAGE);
    }

    Pending messagingDelivery(InboundMessage message, String url, String method, String messagingServiceSid) {
        String sid = channelMessageSid(message);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", Integer.toString(message.media().size()));
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", message.body());
        params.put("To", message.to().value());
        params.put("NumSegments", Integer.toString(Math.max(1, (message.body().length() + 152) / 153)));
        params.put("MessageSid", sid);
        params.put("AccountSid", accountSid);
        if (messagingServiceSid != null) {
            params.put("MessagingServiceSid", messagingServiceSid);
        }
        params.put("From", message.from().value());
        for (int i = 0; i < message.otherRecipients().size(); i++) {
            params.put("OtherRecipients" + i, message.otherRecipients().get(i).value());
        }
        for (int i = 0; i < message.media().size(); i++) {
            params.put("MediaContentType" + i, message.media().get(i).contentType());
            params.put("MediaUrl" + i, "https://api.twilio.com/2010-04-01/Accounts/" + accountSid + "/Messages/"
                    + sid + "/Media/" + Sids.format(Sids.MEDIA, i + 1));
        }
        params.put("ApiVersion", "2010-04-01");
        return new Pending(now(), Phase.POST, WebhookScope.MESSAGING, url, method, "incomingMessage", params, 0);
    }

    private void notifyNumber(InboundMessage message, PhoneNumber number, String messagingServiceSid) {
        enqueue(messagingDelivery(message, number.smsUrl(), number.smsMethod() == null ? "POST" : number.smsMethod(),
                messagingServiceSid));
    }

    private String source(InboundMessage message) {
        return message.from().channel().webhookValue();
    }

    private InboundOutcome capture(InboundMessage message, CapturePlan plan) {
        ConvEntity c = plan.conversation();
        PartEntity sender = plan.sender();
        Map<String, String> changes = Map.of();
        List<Target> targets = plan.preTargets();
        if (!targets.isEmpty()) {
            Map<String, String> params = WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_ADD, source(message))
                    .put("ConversationSid", c.sid)
                    .put("Body", message.body())
                    .put("Author", message.from())
                    .put("ParticipantSid", sender == null ? null : sender.sid)
                    .put("Attributes", "{}")
                    .media(previewMedia(message))
                    .build();
            Verdict verdict = preAction(WebhookEvent.ON_MESSAGE_ADD, targets, params);
            if (verdict.rejected()) {
                return locked(() -> {
                    if (!stillCaptures(message, plan)) {
                        return null;
                    }
                    InboundOutcome o = new InboundOutcome.Dropped(message, null, "onMessageAdd", verdict.url(),
                            verdict.status(), c.sid);
                    journal.append(new JournalEntry.Inbound(journal.nextSequence(), now(), o));
                    if (plan.numberHook() != null) {
                        notifyNumber(message, plan.numberHook(), c.messagingServiceSid);
                    }
                    return o;
                });
            }
            changes = verdict.changes();
        }
        Map<String, String> modified = changes;
        return locked(() -> stillCaptures(message, plan)
                ? commitCapture(message, c, sender, plan.numberHook(), modified)
                : null);
    }

    /**
     * Commits a capture under the lock, with the fields a pre-action answer changed. {@code sender} is null for a
     * group member that is not a participant; {@code numberHook} is the number to notify alongside, or null.
     */
    private InboundOutcome commitCapture(InboundMessage message, ConvEntity c, PartEntity sender,
            PhoneNumber numberHook, Map<String, String> modified) {
        if (numberHook != null) {
            notifyNumber(message, numberHook, c.messagingServiceSid);
        }
        boolean wasInactive = c.state == ConversationState.INACTIVE;
        String attributes = modified.getOrDefault("attributes", "{}");
        if (!modified.isEmpty() && !isJson(attributes)) {
            note(c.sid, null, "the onMessageAdd answer's attributes are not JSON: ignored");
            attributes = "{}";
        }
        String body = modified.getOrDefault("body", message.body());
        if (body.length() > InboundMessage.MAX_BODY_LENGTH) {
            note(c.sid, null, "the onMessageAdd answer's body is over 1600 characters: ignored");
            body = message.body();
        }
        Message m = appendMessage(c, sender == null ? null : sender.sid,
                modified.getOrDefault("author", message.from().value()), body, attributes, message);
        InboundOutcome.Captured o = new InboundOutcome.Captured(message, c.sid, sender == null ? null : sender.sid,
                m.sid(), wasInactive);
        journal.appendCapture(o, m);
        activity(c, true, source(message));
        if (c.hasWebhooks() || !scopeTargets(WebhookEvent.ON_MESSAGE_ADDED, c.chatServiceSid, true).isEmpty()) {
            post(WebhookEvent.ON_MESSAGE_ADDED, c,
                    () -> WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_ADDED, source(message))
                            .message(m, c.messagingServiceSid).build(),
                    true);
        }
        return o;
    }

    private boolean stillCaptures(InboundMessage message, CapturePlan plan) {
        ConvEntity c = plan.conversation();
        if (conversations.get(c.sid) != c || c.state == ConversationState.CLOSED) {
            return false;
        }
        if (message.isGroup() && options.groupMmsEnabled()) {
            return groupIndex.get(message.numberGroup()) == c;
        }
        return pairIndex.get(message.from(), message.to()) == plan.sender();
    }

    private List<Media> previewMedia(InboundMessage message) {
        if (message.media().isEmpty()) {
            return List.of();
        }
        List<Media> media = new ArrayList<>();
        for (var item : message.media()) {
            media.add(new Media(null, item.contentType(), item.filename(), 0));
        }
        return media;
    }

    Message appendMessage(ConvEntity c, String participantSid, String author, String body, String attributes,
            InboundMessage inbound) {
        List<Media> media = List.of();
        if (inbound != null && !inbound.media().isEmpty()) {
            media = new ArrayList<>();
            for (var item : inbound.media()) {
                media.add(new Media(mint(Sids.MEDIA), item.contentType(), item.filename(), 0));
            }
        }
        Message m = new Message(accountSid, c.sid, mint(Sids.MESSAGE), c.nextMessageIndex++, author, body, media,
                attributes, participantSid, now(), null);
        c.messages.add(m);
        return m;
    }

    private InboundOutcome autocreate(InboundMessage message, AutocreatePlan plan) {
        Map<String, String> changes = Map.of();
        List<Target> targets = locked(() -> scopeTargets(WebhookEvent.ON_CONVERSATION_ADD, plan.chatServiceSid(),
                true));
        if (!targets.isEmpty()) {
            Map<String, String> params = WebhookParams
                    .start(accountSid, WebhookEvent.ON_CONVERSATION_ADD, source(message))
                    .put("Attributes", "{}")
                    .put("ChatServiceSid", plan.chatServiceSid())
                    .put("MessagingServiceSid", plan.messagingServiceSid())
                    .inboundBinding(message.from(), message.to(), plan.group())
                    .put("MessageBody", message.body())
                    .media(previewMedia(message))
                    .put("State", plan.group() == null ? "active" : "initializing")
                    .put("DateCreated", now())
                    .build();
            Verdict verdict = preAction(WebhookEvent.ON_CONVERSATION_ADD, targets, params);
            if (verdict.rejected()) {
                return locked(() -> {
                    if (!(plan(message) instanceof AutocreatePlan)) {
                        return null;
                    }
                    InboundOutcome o = new InboundOutcome.Dropped(message, plan.trail(), "onConversationAdd",
                            verdict.url(), verdict.status(), null);
                    journal.append(new JournalEntry.Inbound(journal.nextSequence(), now(), o));
                    if (plan.numberHook() != null) {
                        notifyNumber(message, plan.numberHook(), plan.messagingServiceSid());
                    }
                    return o;
                });
            }
            changes = verdict.changes();
        }
        Map<String, String> modified = changes;
        InboundOutcome.Autocreated[] result = new InboundOutcome.Autocreated[1];
        NewConversation created = locked(() -> {
            Plan again = plan(message);
            if (!(again instanceof AutocreatePlan same) || !same.viaSid().equals(plan.viaSid())) {
                return null;
            }
            return commitAutocreation(message, plan, modified, result);
        });
        if (result[0] == null) {
            return null; // the plan no longer holds: decide again
        }
        Router r = router;
        if (plan.group() != null) {
            // A group stays initializing while its own post-action webhooks are delivered; then it becomes
            // active (onConversationStateUpdated last, as observed live) and only then is routed.
            String sid = created.sid();
            String source = source(message);
            enqueue(() -> {
                NewConversation active = locked(() -> {
                    ConvEntity c = conversations.get(sid);
                    if (c == null || c.state != ConversationState.INITIALIZING) {
                        return null;
                    }
                    changeState(c, ConversationState.ACTIVE, "EVENT", true, source);
                    return new NewConversation(c.snapshot(accountSid), created.participants(), message);
                });
                if (active != null && r != null) {
                    enqueue(() -> runRouter(r, active));
                }
            });
        } else if (r != null) {
            enqueue(() -> runRouter(r, created));
        }
        return result[0];
    }

    /**
     * Commits an autocreation under the lock and puts its outcome in {@code result[0]}. Returns what the router
     * gets (for a group, the participants to route once it is active), or null for a 1:1 conversation when no
     * router is set.
     */
    private NewConversation commitAutocreation(InboundMessage message, AutocreatePlan plan,
            Map<String, String> changes, InboundOutcome.Autocreated[] result) {
        ConvEntity c = new ConvEntity(mint(Sids.CONVERSATION), plan.chatServiceSid(), now());
        c.messagingServiceSid = plan.messagingServiceSid();
        c.friendlyName = changes.get("friendly_name");
        String attributes = changes.get("attributes");
        if (attributes != null) {
            if (isJson(attributes)) {
                c.attributes = attributes;
            } else {
                note(c.sid, null, "the onConversationAdd answer's attributes are not JSON: ignored");
            }
        }
        String uniqueName = changes.get("unique_name");
        if (uniqueName != null) {
            if (Sids.isAny(uniqueName) || byUniqueName.containsKey(uniqueName)) {
                note(c.sid, null, "the onConversationAdd answer's unique_name [" + uniqueName
                        + "] is taken or shaped like a SID: ignored");
            } else {
                c.uniqueName = uniqueName;
                byUniqueName.put(uniqueName, c);
            }
        }
        c.inactiveTimer = nonZero(defaultInactiveTimer);
        c.closedTimer = nonZero(defaultClosedTimer);
        boolean group = plan.group() != null;
        c.state = group ? ConversationState.INITIALIZING : ConversationState.ACTIVE;
        conversations.put(c.sid, c);

        List<PartEntity> added = new ArrayList<>();
        PartEntity sender = null;
        if (group) {
            for (Address a : plan.group()) {
                if (a.equals(message.to())) {
                    continue;
                }
                PartEntity p = new PartEntity(mint(Sids.PARTICIPANT), c, null, a, null, null, now());
                c.participants.put(p.sid, p);
                added.add(p);
                if (a.equals(message.from())) {
                    sender = p;
                }
            }
            PartEntity projected = new PartEntity(mint(Sids.PARTICIPANT), c, null, null, null, message.to(), now());
            c.participants.put(projected.sid, projected);
            added.add(projected);
            reindexGroup(c);
        } else {
            // the configuration's own instance of the Twilio number (equal to To): one copy for every conversation
            Address proxy = plan.addressConfiguration() != null ? plan.addressConfiguration().address() : message.to();
            sender = new PartEntity(mint(Sids.PARTICIPANT), c, null, message.from(), proxy, null, now());
            c.participants.put(sender.sid, sender);
            added.add(sender);
            bind(sender);
        }
        ConversationWebhook scoped = null;
        AddressConfiguration ac = plan.addressConfiguration();
        if (ac != null && ac.autoCreation().type() != AutoCreationType.DEFAULT) {
            boolean studio = ac.autoCreation().type() == AutoCreationType.STUDIO;
            scoped = new ConversationWebhook(mint(Sids.WEBHOOK), accountSid, c.sid, studio ? "studio" : "webhook",
                    studio ? null : ac.autoCreation().webhookUrl(),
                    ac.autoCreation().webhookMethod() == null ? "POST" : ac.autoCreation().webhookMethod(),
                    ac.autoCreation().webhookFilters(), List.of(), studio ? ac.autoCreation().studioFlowSid() : null,
                    null, studio && ac.autoCreation().studioRetryCount() != null
                            ? ac.autoCreation().studioRetryCount()
                            : 0,
                    now(), now());
            if (options.scopedWebhookSeesAutocreation()) {
                c.webhooks().put(scoped.sid(), scoped);
            }
        }
        Message m = appendMessage(c, sender.sid, message.from().value(), message.body(), "{}", message);

        InboundOutcome.Autocreated outcome = new InboundOutcome.Autocreated(message, plan.trail(), plan.via(),
                plan.viaSid(), c.sid, sender.sid, m.sid());
        result[0] = outcome;
        journal.append(new JournalEntry.Inbound(journal.nextSequence(), now(), outcome));
        record(Resource.CONVERSATION, Action.ADDED, c.sid, c.sid, viaDetail(plan));
        for (PartEntity p : added) {
            record(Resource.PARTICIPANT, Action.ADDED, p.sid, c.sid, describe(p));
        }
        if (scoped != null && options.scopedWebhookSeesAutocreation()) {
            record(Resource.CONVERSATION_WEBHOOK, Action.ADDED, scoped.sid(), c.sid, "target " + scoped.target());
        }
        record(Resource.MESSAGE, Action.ADDED, m.sid(), c.sid, "index 0");

        if (plan.numberHook() != null) {
            notifyNumber(message, plan.numberHook(), plan.messagingServiceSid());
        }
        String source = source(message);
        // the conversation's fields as they are now: the parameters are built now or never, not after the lock
        post(WebhookEvent.ON_CONVERSATION_ADDED, c,
                () -> WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_ADDED, source)
                        .conversation(c)
                        .inboundBinding(message.from(), message.to(), plan.group())
                        .put("State", c.state.wire())
                        .build(),
                true);
        for (PartEntity p : added) {
            post(WebhookEvent.ON_PARTICIPANT_ADDED, c,
                    () -> WebhookParams.start(accountSid, WebhookEvent.ON_PARTICIPANT_ADDED, source)
                            .participant(p, true).build(),
                    true);
        }
        post(WebhookEvent.ON_MESSAGE_ADDED, c,
                () -> WebhookParams.start(accountSid, WebhookEvent.ON_MESSAGE_ADDED, source)
                        .message(m, c.messagingServiceSid).build(),
                true);
        if (!group) {
            armTimers(c);
            if (options.stateUpdatedOnOneToOneAutocreation()) {
                post(WebhookEvent.ON_CONVERSATION_STATE_UPDATED, c,
                        () -> WebhookParams.start(accountSid, WebhookEvent.ON_CONVERSATION_STATE_UPDATED, source)
                                .put("ChatServiceSid", c.chatServiceSid).put("StateUpdated", now())
                                .put("StateFrom", ConversationState.INITIALIZING.wire())
                                .put("StateTo", ConversationState.ACTIVE.wire()).put("ConversationSid", c.sid)
                                .put("Reason", "EVENT").put("MessagingServiceSid", c.messagingServiceSid)
                                .build(),
                        false);
            }
        }
        if (scoped != null && !options.scopedWebhookSeesAutocreation()) {
            // attached once the autocreation's own events are on their way: it sees only later ones (for a group,
            // that includes its move from initializing to active, which comes after its webhooks are delivered)
            c.webhooks().put(scoped.sid(), scoped);
            record(Resource.CONVERSATION_WEBHOOK, Action.ADDED, scoped.sid(), c.sid, "target " + scoped.target());
        }
        if (!group && router == null) {
            return null; // nobody routes it: no snapshot to take
        }
        List<dev.convsim.model.Participant> views = new ArrayList<>();
        for (PartEntity p : added) {
            views.add(p.snapshot(accountSid));
        }
        return new NewConversation(c.snapshot(accountSid), views, message);
    }

    /**
     * "autocreated via address configuration IG…01": the same few lines again and again, kept in the journal
     * 100,000 at a time, so one string serves every conversation autocreated the same way in a row.
     */
    private String viaDetail(AutocreatePlan plan) {
        if (!plan.viaSid().equals(lastViaSid)) {
            lastViaDetail = "autocreated via "
                    + (plan.via() == InboundOutcome.Via.ADDRESS_CONFIGURATION ? "address configuration " : "messaging service ")
                    + Sids.abbreviate(plan.viaSid());
            lastViaSid = plan.viaSid();
        }
        return lastViaDetail;
    }

    static boolean isJson(String text) {
        try {
            FormReader.checkJson("attributes", text);
            return true;
        } catch (TwilioApiException e) {
            return false;
        }
    }

    static Duration nonZero(Duration d) {
        return d == null || d.isZero() ? null : d;
    }

    static String describe(PartEntity p) {
        if (p.isPair()) {
            return p.address + " → " + p.proxyAddress;
        }
        if (p.address != null) {
            return "group member " + p.address;
        }
        if (p.projectedAddress != null) {
            return (p.identity == null ? "" : p.identity + " ") + "projected " + p.projectedAddress;
        }
        return "identity " + p.identity;
    }

    // ------------------------------------------------------------------ routing

    abstract RoutingContextImpl routingContext();

    void runRouter(Router r, NewConversation created) {
        try {
            r.route(created, routingContext());
        } catch (Exception e) {
            locked(() -> note(created.sid(), null, "the router " + r.mode() + " failed on " + created.sid() + ": " + e));
        }
    }

    boolean isOwned(Address address) {
        return phoneNumbers.containsKey(address) || addressConfigurationByAddress.containsKey(address)
                || messagingServiceBySender.containsKey(address);
    }
}
