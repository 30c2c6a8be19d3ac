package dev.convsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.convsim.ConversationsSimulator;
import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreation;
import dev.convsim.model.MessagingService;
import dev.convsim.model.PhoneNumber;
import dev.convsim.rest.RestDispatcher;
import dev.convsim.rest.RestResponse;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one {@link Spec.Document}: builds the simulator from {@code setup}, runs the steps, writes the trace and checks
 * the expectations. One instance per run.
 */
final class ScenarioRunner {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Spec.Document doc;
    private final Consumer<String> sink;
    private final List<ObjectNode> trace = new ArrayList<>();
    private final List<ExpectationFailure> failures = new ArrayList<>();
    private final List<PendingChange> pending = new ArrayList<>();
    private long seq;
    private long journalSeen;
    private ConversationsSimulator sim;
    private RestDispatcher dispatcher;

    /** A configure step waiting for the propagation delay. */
    private record PendingChange(Instant due, Spec.Configure change) {
    }

    /** What a step's action produced, for the expectations. */
    private record Produced(InboundOutcome outcome, RestResponse response, JsonNode responseBody) {
        static final Produced NOTHING = new Produced(null, null, null);
    }

    ScenarioRunner(Spec.Document doc, Consumer<String> sink) {
        this.doc = doc;
        this.sink = sink;
    }

    ScenarioResult run() {
        sim = build();
        List<JournalEntry> setupEntries = sim.journal();
        journalSeen = setupEntries.isEmpty() ? 0 : setupEntries.get(setupEntries.size() - 1).sequence();
        for (Spec.Step step : doc.steps()) {
            if (!runStep(step)) {
                break;
            }
        }
        return new ScenarioResult(doc.name(), trace, failures, sim);
    }

    // ------------------------------------------------------------------ setup

    private ConversationsSimulator build() {
        Spec.Setup setup = doc.setup();
        ConversationsSimulator.Builder b = ConversationsSimulator.builder().start(doc.start()).options(setup.options());
        if (setup.accountSid() != null || setup.authToken() != null) {
            b.account(setup.accountSid() != null ? setup.accountSid() : ConversationsSimulator.DEFAULT_ACCOUNT_SID,
                    setup.authToken() != null ? setup.authToken() : ConversationsSimulator.DEFAULT_AUTH_TOKEN);
        }
        List<Spec.Service> services = setup.services();
        for (Spec.Service s : services) {
            b.service(s.sid(), s.friendlyName());
        }
        for (int i = 0; i < services.size(); i++) {
            Spec.Service s = services.get(i);
            int position = i;
            if (s.webhooks() != null) {
                b.setup(api -> atPath(s.webhooks().path(), () -> api.updateServiceWebhooks(
                        s.sid() != null ? s.sid() : api.listServices().get(position).sid(),
                        webhooksRequest(s.webhooks()))));
            }
        }
        if (setup.defaultInactiveTimer() != null) {
            b.setup(api -> atPath("setup.defaults.inactiveTimer", () -> api.updateConfiguration(
                    new ConfigurationRequest().defaultInactiveTimer(setup.defaultInactiveTimer()))));
        }
        if (setup.defaultClosedTimer() != null) {
            b.setup(api -> atPath("setup.defaults.closedTimer", () -> api.updateConfiguration(
                    new ConfigurationRequest().defaultClosedTimer(setup.defaultClosedTimer()))));
        }
        if (setup.globalWebhooks() != null) {
            b.setup(api -> atPath(setup.globalWebhooks().path(),
                    () -> api.updateGlobalWebhooks(webhooksRequest(setup.globalWebhooks()))));
        }
        for (MessagingService ms : setup.messagingServices()) {
            b.messagingService(ms);
        }
        for (PhoneNumber pn : setup.phoneNumbers()) {
            b.phoneNumber(pn.number().value(), pn.smsUrl());
        }
        for (Spec.AddressConfig ac : setup.addressConfigurations()) {
            b.setup(api -> atPath(ac.path(), () -> api.createAddressConfiguration(createRequest(ac))));
        }
        doc.endpoints().forEach((url, rules) -> b.endpoint(url, new RuleEndpoint(rules, this::dispatcher)));
        Spec.Routing routing = setup.routing();
        if (routing != null) {
            switch (routing.mode()) {
                case "doNotRoute" -> b.router(Routers.doNotRoute());
                case "custom" -> b.router(Routers.custom(routing.callbackUrl()));
                default -> {
                    b.router(Routers.pool(setup.options().poolSelection()));
                    for (Spec.Worker w : routing.workers()) {
                        b.worker(w.identity(), w.available());
                    }
                }
            }
        }
        try {
            return b.build();
        } catch (ScenarioException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScenarioException("setup", "could not be applied: " + describe(e));
        }
    }

    private static void atPath(String path, Runnable action) {
        try {
            action.run();
        } catch (ScenarioException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScenarioException(path, describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof TwilioApiException t) {
            return t.getMessage() + " (Twilio error " + t.code() + ", HTTP " + t.status() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    private static WebhookConfigurationRequest webhooksRequest(Spec.Webhooks w) {
        WebhookConfigurationRequest r = new WebhookConfigurationRequest().method(w.method())
                .filters(w.filters().toArray(String[]::new));
        if (w.preWebhookUrl() != null) {
            r.preWebhookUrl(w.preWebhookUrl());
        }
        if (w.postWebhookUrl() != null) {
            r.postWebhookUrl(w.postWebhookUrl());
        }
        return r;
    }

    private static AddressConfigurationRequest createRequest(Spec.AddressConfig ac) {
        AddressConfigurationRequest r = new AddressConfigurationRequest().type(ac.type())
                .address(ac.address().value());
        if (ac.friendlyName() != null) {
            r.friendlyName(ac.friendlyName());
        }
        autoCreation(r, ac);
        return r;
    }

    private static void autoCreation(AddressConfigurationRequest r, Spec.AddressConfig ac) {
        r.autoCreationEnabled(ac.enabled()).autoCreationType(ac.autoCreationType());
        if (ac.conversationServiceSid() != null) {
            r.conversationServiceSid(ac.conversationServiceSid());
        }
        if (ac.webhookUrl() != null) {
            r.webhookUrl(ac.webhookUrl());
        }
        if (ac.webhookMethod() != null) {
            r.webhookMethod(ac.webhookMethod());
        }
        if (!ac.webhookFilters().isEmpty()) {
            r.webhookFilters(ac.webhookFilters().toArray(String[]::new));
        }
        if (ac.studioFlowSid() != null) {
            r.studioFlowSid(ac.studioFlowSid());
        }
        if (ac.studioRetryCount() != null) {
            r.studioRetryCount(ac.studioRetryCount());
        }
    }

    /**
     * An update that makes the existing configuration equal the entry: the entry's fields, and the optional fields
     * it leaves out cleared (or, for the method and the retry count, reset) where the old configuration set them.
     */
    private static AddressConfigurationRequest replaceRequest(Spec.AddressConfig ac, AddressConfiguration old) {
        AddressConfigurationRequest r = new AddressConfigurationRequest();
        if (ac.friendlyName() != null) {
            r.friendlyName(ac.friendlyName());
        } else if (old.friendlyName() != null) {
            r.friendlyName("");
        }
        autoCreation(r, ac);
        AutoCreation was = old.autoCreation();
        if (ac.conversationServiceSid() == null && was.conversationServiceSid() != null) {
            r.param("AutoCreation.ConversationServiceSid", "");
        }
        if (ac.webhookMethod() == null && was.webhookMethod() != null && !was.webhookMethod().equals("POST")) {
            r.webhookMethod("POST");
        }
        if (ac.webhookFilters().isEmpty() && !was.webhookFilters().isEmpty()) {
            r.param("AutoCreation.WebhookFilters", "");
        }
        if (ac.studioFlowSid() == null && was.studioFlowSid() != null) {
            r.param("AutoCreation.StudioFlowSid", "");
        }
        if (ac.studioRetryCount() == null && was.studioRetryCount() != null && was.studioRetryCount() != 0) {
            r.studioRetryCount(0);
        }
        return r;
    }

    private RestDispatcher dispatcher() {
        if (dispatcher == null) {
            dispatcher = new RestDispatcher(sim);
        }
        return dispatcher;
    }

    // ------------------------------------------------------------------ steps

    private boolean runStep(Spec.Step step) {
        long before = journalSeen;
        ObjectNode stepLine = line("step");
        stepLine.put("index", step.index()).put("kind", step.kind()).put("at", sim.now().toString());
        stepLine.set(step.kind(), step.input().deepCopy());
        if (step.note() != null) {
            stepLine.put("note", step.note());
        }
        emit(stepLine);

        ObjectNode result = line("result");
        result.put("index", step.index());
        Produced produced = Produced.NOTHING;
        RuntimeException error = null;
        try {
            produced = act(step.action(), result);
        } catch (RuntimeException e) {
            error = e;
        }
        List<JournalEntry> caused = sim.journalSince(before);
        if (!caused.isEmpty()) {
            journalSeen = caused.get(caused.size() - 1).sequence();
        }
        long missing = caused.isEmpty() ? 0 : caused.get(0).sequence() - before - 1;
        if (missing > 0) {
            ObjectNode event = line("event");
            event.put("at", caused.get(0).at().toString()).put("entry", "dropped").put("conversationSid", (String) null)
                    .put("text", "the journal's bound (journalLimit " + sim.options().journalLimit() + ") dropped the first "
                            + missing + " events of this step");
            emit(event);
        }
        for (JournalEntry e : caused) {
            emit(journalLine(e));
        }
        if (error != null) {
            ObjectNode err = result.putObject("error");
            err.put("message", describe(error));
            // TwilioApiException or IllegalArgumentException are documented failures; anything else is a convsim bug
            err.put("exception", error.getClass().getSimpleName());
            if (error instanceof TwilioApiException t) {
                err.put("code", t.code()).put("status", t.status());
            }
            emit(result);
            fail(step.index(), "error", NullNode.instance, TextNode.valueOf(describe(error)));
            return false;
        }
        emit(result);
        for (Map.Entry<String, JsonNode> expected : step.expect().entrySet()) {
            check(step.index(), expected.getKey(), expected.getValue(), produced, caused);
        }
        return true;
    }

    private Produced act(Spec.Action action, ObjectNode result) {
        if (action instanceof Spec.Receive receive) {
            InboundOutcome outcome = sim.receive(receive.message());
            result.put("outcome", outcome.kind()).put("conversationSid", outcome.conversationSid())
                    .put("messageSid", outcome.messageSid()).put("explanation", outcome.explanation());
            return new Produced(outcome, null, null);
        }
        if (action instanceof Spec.Advance advance) {
            advance(advance.duration());
            result.put("now", sim.now().toString());
            return Produced.NOTHING;
        }
        if (action instanceof Spec.RestCall call) {
            Spec.Rest r = call.request();
            RestResponse response = dispatcher().handle(r.method(), r.path(), r.params(), r.headers());
            JsonNode body = parseBody(response.body());
            result.put("status", response.status());
            result.set("body", body);
            return new Produced(null, response, body);
        }
        if (action instanceof Spec.WorkerChange change) {
            List<String> assigned = sim.setWorkerAvailability(change.worker().identity(), change.worker().available());
            ArrayNode list = result.putArray("assigned");
            assigned.forEach(list::add);
            return Produced.NOTHING;
        }
        Spec.Configure configure = (Spec.Configure) action;
        Duration delay = sim.options().autocreationPropagationDelay();
        // The engine delays messaging-service and phone-number changes itself; address configurations are API
        // resources there, so the runner defers those to honour the contract for the whole configure step.
        for (MessagingService ms : configure.messagingServices()) {
            sim.putMessagingService(ms);
        }
        for (PhoneNumber pn : configure.phoneNumbers()) {
            sim.putPhoneNumber(pn);
        }
        if (delay.isZero()) {
            applyAddressConfigurations(configure);
            result.put("applied", true).put("appliesAt", sim.now().toString());
        } else {
            Instant due = sim.now().plus(delay);
            pending.add(new PendingChange(due, configure));
            result.put("applied", false).put("appliesAt", due.toString());
        }
        return Produced.NOTHING;
    }

    /** Advances in segments so that a pending configure change applies at its own instant. */
    private void advance(Duration duration) {
        Instant target = sim.now().plus(duration);
        while (!pending.isEmpty() && !pending.get(0).due().isAfter(target)) {
            PendingChange next = pending.remove(0);
            if (next.due().isAfter(sim.now())) {
                sim.advance(Duration.between(sim.now(), next.due()));
            }
            applyAddressConfigurations(next.change());
        }
        sim.advance(Duration.between(sim.now(), target));
    }

    private void applyAddressConfigurations(Spec.Configure change) {
        ConversationsApi api = sim.api();
        for (Spec.AddressConfig ac : change.addressConfigurations()) {
            atPath(ac.path(), () -> {
                AddressConfiguration existing = null;
                for (AddressConfiguration each : api.listAddressConfigurations()) {
                    if (each.address().equals(ac.address())) {
                        existing = each;
                    }
                }
                if (existing == null) {
                    api.createAddressConfiguration(createRequest(ac));
                } else {
                    api.updateAddressConfiguration(existing.sid(), replaceRequest(ac, existing));
                }
            });
        }
    }

    private static JsonNode parseBody(String body) {
        if (body == null || body.isEmpty()) {
            return NullNode.instance;
        }
        try {
            return ScenarioReader.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }

    // ------------------------------------------------------------------ expectations

    private void check(int index, String key, JsonNode expected, Produced produced, List<JournalEntry> caused) {
        switch (key) {
            case "outcome" -> compare(index, key, expected, TextNode.valueOf(produced.outcome().kind()));
            case "conversationSid" -> compare(index, key, expected, text(produced.outcome().conversationSid()));
            case "status" -> compare(index, key, expected, NODES.numberNode(produced.response().status()));
            case "errorCode" -> {
                JsonNode body = produced.responseBody();
                JsonNode code = body != null && body.isObject() && body.get("code") != null ? body.get("code")
                        : NullNode.instance;
                compare(index, key, expected, code);
            }
            case "webhooks" -> {
                ArrayNode actual = NODES.arrayNode();
                for (JournalEntry e : caused) {
                    if (e instanceof JournalEntry.Delivered d) {
                        actual.add(d.delivery().eventType());
                    }
                }
                compare(index, key, expected, actual);
            }
            case "state" -> expected.fields().forEachRemaining(entry -> {
                String actual;
                try {
                    actual = sim.api().fetchConversation(entry.getKey()).state().wire();
                } catch (TwilioApiException e) {
                    actual = null;
                }
                if (!entry.getValue().asText().equals(actual)) {
                    ObjectNode want = NODES.objectNode();
                    want.set(entry.getKey(), entry.getValue());
                    ObjectNode got = NODES.objectNode();
                    got.put(entry.getKey(), actual);
                    fail(index, key, want, got);
                }
            });
            default -> throw new IllegalStateException("unchecked expectation " + key);
        }
    }

    private void compare(int index, String key, JsonNode expected, JsonNode actual) {
        if (!expected.equals(actual)) {
            fail(index, key, expected, actual);
        }
    }

    private void fail(int index, String key, JsonNode expected, JsonNode actual) {
        ObjectNode line = line("expectation");
        line.put("index", index).put("key", key);
        line.set("expected", expected.deepCopy());
        line.set("actual", actual.deepCopy());
        emit(line);
        failures.add(new ExpectationFailure(index, key, expected.deepCopy(), actual.deepCopy()));
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.instance : TextNode.valueOf(value);
    }

    // ------------------------------------------------------------------ journal → trace

    private ObjectNode journalLine(JournalEntry e) {
        ObjectNode line;
        if (e instanceof JournalEntry.Delivered d) {
            RecordedDelivery r = d.delivery();
            line = line("webhook");
            line.put("at", r.at().toString()).put("phase", r.phase().wire()).put("scope", r.scope().wire())
                    .put("url", r.url()).put("method", r.method()).put("eventType", r.eventType());
            ObjectNode params = line.putObject("params");
            r.params().forEach(params::put);
            line.put("status", r.status());
            if (r.responseBody() != null && !r.responseBody().isEmpty()) {
                line.put("response", r.responseBody());
            }
            if (r.attempt() > 0) {
                line.put("attempt", r.attempt());
            }
            if (r.error() != null) {
                line.put("error", r.error());
            }
        } else if (e instanceof JournalEntry.StateChanged s) {
            line = line("stateChanged");
            line.put("at", s.at().toString()).put("conversationSid", s.conversationSid())
                    .put("from", s.from().wire()).put("to", s.to().wire()).put("reason", s.reason());
        } else if (e instanceof JournalEntry.Routed r) {
            line = line("routed");
            line.put("at", r.at().toString()).put("conversationSid", r.conversationSid()).put("mode", r.mode())
                    .put("worker", r.worker()).put("queued", r.queued());
        } else {
            line = line("event");
            line.put("at", e.at().toString());
            if (e instanceof JournalEntry.Inbound in) {
                line.put("entry", "inbound").put("outcome", in.outcome().kind());
            } else if (e instanceof JournalEntry.ResourceChanged rc) {
                line.put("entry", "resourceChanged").put("resource", rc.resource().words())
                        .put("action", rc.action().words()).put("sid", rc.sid());
            } else if (e instanceof JournalEntry.Note n) {
                line.put("entry", "note").put("code", n.code());
            }
            line.put("conversationSid", e.conversationSid());
            String text = e.toString();
            String prefix = "#" + e.sequence() + " " + e.at() + " ";
            line.put("text", text.startsWith(prefix) ? text.substring(prefix.length()) : text);
        }
        line.put("journal", e.sequence());
        return line;
    }

    // ------------------------------------------------------------------ output

    private static ObjectNode line(String type) {
        ObjectNode line = NODES.objectNode();
        line.put("seq", 0L);
        line.put("type", type);
        return line;
    }

    private void emit(ObjectNode line) {
        line.put("seq", ++seq);
        trace.add(line);
        if (sink != null) {
            sink.accept(line.toString());
        }
    }
}
