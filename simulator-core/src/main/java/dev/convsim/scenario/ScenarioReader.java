package dev.convsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.inbound.InboundMedia;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import dev.convsim.model.Channel;
import dev.convsim.model.ConversationState;
import dev.convsim.model.MessagingService;
import dev.convsim.model.PhoneNumber;
import dev.convsim.model.Sids;
import dev.convsim.routing.PoolSelection;
import dev.convsim.webhook.HttpFailureTreatment;
import dev.convsim.webhook.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a scenario document (Jackson tree model) into a {@link Spec.Document}, or fails with a
 * {@link ScenarioException} naming the JSON path and what was expected there. Every check that can be made without
 * running anything is made here, so an invalid file runs nothing.
 */
final class ScenarioReader {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final List<String> STEP_KINDS = List.of("receive", "advance", "rest", "worker", "configure");
    static final List<String> OUTCOMES = List.of("captured", "autocreated", "dropped", "messagingWebhook", "unhandled");
    private static final List<String> EXPECT_KEYS = List.of("outcome", "conversationSid", "status", "errorCode",
            "webhooks", "state");
    /** The fidelity options a scenario may set: every component of {@link FidelityOptions}, so none drifts. */
    private static final List<String> OPTION_NAMES = java.util.Arrays.stream(FidelityOptions.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    private ScenarioReader() {
    }

    /** Parses JSON text and reads it. */
    static Spec.Document read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException("document", "is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException("document", "is empty: expected a JSON object with \"steps\"");
        }
        return document(new Node(root, "document"));
    }

    // ------------------------------------------------------------------ document

    private static Spec.Document document(Node doc) {
        doc.object("a JSON object with \"steps\"");
        doc.onlyKeys("name", "start", "setup", "endpoints", "steps");
        String name = doc.optText("name");
        Instant start = ConversationsSimulator.DEFAULT_START;
        Node startNode = doc.get("start");
        if (startNode.present()) {
            String value = startNode.text();
            try {
                start = Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw startNode.error(startNode.shown() + " is not an ISO-8601 instant: expected like 2026-01-01T00:00:00Z");
            }
            if (start.isAfter(ConversationsSimulator.LAST_INSTANT)) {
                throw startNode.error(startNode.shown() + " is after " + ConversationsSimulator.LAST_INSTANT
                        + ", the last instant convsim simulates: expected like 2026-01-01T00:00:00Z");
            }
        }
        Node setupNode = doc.get("setup");
        Spec.Setup setup = setupNode.present() ? setup(setupNode) : emptySetup();
        Map<String, List<Spec.Rule>> endpoints = new LinkedHashMap<>();
        Node endpointsNode = doc.get("endpoints");
        if (endpointsNode.present()) {
            endpointsNode.object("an object of URL → list of rules");
            for (String url : endpointsNode.keys()) {
                Node rules = endpointsNode.get(url);
                url(rules, url, "an endpoint URL");
                endpoints.put(url, rules.list(ScenarioReader::rule));
            }
        }
        Node stepsNode = doc.get("steps");
        stepsNode.required("a list of steps");
        List<Spec.Step> steps = stepsNode.list((n, i) -> step(n, i, setup));
        Instant clock = start;
        for (Spec.Step step : steps) {
            if (step.action() instanceof Spec.Advance advance) {
                Duration left = Duration.between(clock, ConversationsSimulator.LAST_INSTANT);
                if (advance.duration().compareTo(left) > 0) {
                    throw new ScenarioException("steps[" + step.index() + "].advance", step.input()
                            + " moves the clock from " + clock + " past " + ConversationsSimulator.LAST_INSTANT
                            + ", the last instant convsim simulates: advance by at most " + left);
                }
                clock = clock.plus(advance.duration());
            }
        }
        return new Spec.Document(name, start, setup, Collections.unmodifiableMap(endpoints), steps);
    }

    private static Spec.Setup emptySetup() {
        return new Spec.Setup(null, null, FidelityOptions.defaults(), List.of(), null, null, null, List.of(),
                List.of(), List.of(), null);
    }

    // ------------------------------------------------------------------ setup

    private static Spec.Setup setup(Node setup) {
        setup.object("an object");
        setup.onlyKeys("addressConfigurations", "messagingServices", "phoneNumbers", "globalWebhooks", "services",
                "defaults", "routing", "account", "options");
        String accountSid = null;
        String authToken = null;
        Node account = setup.get("account");
        if (account.present()) {
            account.object("an object like {\"accountSid\": \"AC…\", \"authToken\": \"…\"}");
            account.onlyKeys("accountSid", "authToken");
            Node sid = account.get("accountSid");
            if (sid.present()) {
                accountSid = sid(sid, Sids.ACCOUNT, "an account SID");
            }
            Node token = account.get("authToken");
            if (token.present()) {
                authToken = token.text();
                if (authToken.isEmpty()) {
                    throw token.error("is empty: expected the auth token that signs webhooks");
                }
            }
        }
        FidelityOptions options = FidelityOptions.defaults();
        Node optionsNode = setup.get("options");
        if (optionsNode.present()) {
            options = options(optionsNode);
        }
        List<Spec.Service> services = List.of();
        Node servicesNode = setup.get("services");
        if (servicesNode.present()) {
            services = servicesNode.list(ScenarioReader::service);
            Set<String> sids = new HashSet<>();
            for (Spec.Service s : services) {
                if (s.sid() != null && !sids.add(s.sid())) {
                    throw new ScenarioException(s.path() + ".sid", "\"" + s.sid()
                            + "\" is listed twice: give each service its own SID");
                }
            }
        }
        Spec.Webhooks global = null;
        Node globalNode = setup.get("globalWebhooks");
        if (globalNode.present()) {
            global = webhooks(globalNode, WebhookEvent.globalFilterable());
        }
        String inactive = null;
        String closed = null;
        Node defaults = setup.get("defaults");
        if (defaults.present()) {
            defaults.object("an object like {\"inactiveTimer\": \"PT30M\", \"closedTimer\": \"P1D\"}");
            defaults.onlyKeys("inactiveTimer", "closedTimer");
            if (defaults.get("inactiveTimer").present()) {
                inactive = defaults.get("inactiveTimer").text();
                duration(defaults.get("inactiveTimer"));
            }
            if (defaults.get("closedTimer").present()) {
                closed = defaults.get("closedTimer").text();
                duration(defaults.get("closedTimer"));
            }
        }
        List<MessagingService> messagingServices = List.of();
        Node msNode = setup.get("messagingServices");
        if (msNode.present()) {
            messagingServices = messagingServices(msNode);
        }
        List<PhoneNumber> phoneNumbers = List.of();
        Node pnNode = setup.get("phoneNumbers");
        if (pnNode.present()) {
            phoneNumbers = phoneNumbers(pnNode);
        }
        List<Spec.AddressConfig> addressConfigurations = List.of();
        Node acNode = setup.get("addressConfigurations");
        if (acNode.present()) {
            addressConfigurations = addressConfigurations(acNode);
        }
        Spec.Routing routing = null;
        Node routingNode = setup.get("routing");
        if (routingNode.present()) {
            routing = routing(routingNode);
        }
        return new Spec.Setup(accountSid, authToken, options, services, global, inactive, closed,
                messagingServices, phoneNumbers, addressConfigurations, routing);
    }

    private static FidelityOptions options(Node node) {
        node.object("an object of fidelity option name → value");
        FidelityOptions.Builder b = FidelityOptions.defaults().toBuilder();
        for (String name : node.keys()) {
            Node v = node.get(name);
            switch (name) {
                case "numberWebhookFiresAlongside" -> b.numberWebhookFiresAlongside(v.bool());
                case "addressConfigurationFirst" -> b.addressConfigurationFirst(v.bool());
                case "reactivationReason" -> b.reactivationReason(v.text());
                case "globalAndServiceBothReceive" -> b.globalAndServiceBothReceive(v.bool());
                case "serviceSkipsCarrierMessageAdded" -> b.serviceSkipsCarrierMessageAdded(v.bool());
                case "restPreActionHooks" -> b.restPreActionHooks(v.bool());
                case "uniqueNameFromPreAction" -> b.uniqueNameFromPreAction(v.bool());
                case "stateUpdatedOnOneToOneAutocreation" -> b.stateUpdatedOnOneToOneAutocreation(v.bool());
                case "groupMmsEnabled" -> b.groupMmsEnabled(v.bool());
                case "groupParticipantLimit" -> b.groupParticipantLimit(v.integer());
                case "webhookTimeout" -> b.webhookTimeout(duration(v));
                case "autocreationPropagationDelay" -> b.autocreationPropagationDelay(duration(v));
                case "scopedWebhookSeesAutocreation" -> b.scopedWebhookSeesAutocreation(v.bool());
                case "poolSelection" -> b.poolSelection(poolSelection(v));
                case "webhookRetries" -> b.webhookRetries(v.integer());
                case "journalLimit" -> b.journalLimit(v.integer());
                case "refusedConnection" -> b.refusedConnection(httpFailure(v));
                case "brokenResponse" -> b.brokenResponse(httpFailure(v));
                default -> throw v.error("is not a fidelity option: expected one of " + OPTION_NAMES);
            }
            try {
                b.build();
            } catch (IllegalArgumentException e) {
                throw v.error(v.shown() + " is not allowed: " + e.getMessage());
            }
        }
        return b.build();
    }

    private static PoolSelection poolSelection(Node v) {
        String text = v.text();
        for (PoolSelection p : PoolSelection.values()) {
            if (p.name().equals(text) || camel(p.name()).equals(text)) {
                return p;
            }
        }
        throw v.error(v.shown() + " is not a pool selection: expected leastAssigned, roundRobin or firstAvailable");
    }

    private static HttpFailureTreatment httpFailure(Node v) {
        String text = v.text();
        for (HttpFailureTreatment t : HttpFailureTreatment.values()) {
            if (t.name().equals(text) || camel(t.name()).equals(text)) {
                return t;
            }
        }
        throw v.error(v.shown() + " is not an HTTP failure treatment: expected noAnswer or badGateway");
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Spec.Service service(Node node, int index) {
        node.object("an object like {\"friendlyName\": \"Support\"}");
        node.onlyKeys("sid", "friendlyName", "webhooks");
        String sid = node.get("sid").present() ? sid(node.get("sid"), Sids.CONVERSATION_SERVICE,
                "a conversation service SID") : null;
        Node name = node.get("friendlyName");
        name.required("the service's friendly name, e.g. \"Support\"");
        Spec.Webhooks webhooks = node.get("webhooks").present()
                ? webhooks(node.get("webhooks"), WebhookEvent.serviceFilterable())
                : null;
        return new Spec.Service(node.path, sid, name.text(), webhooks);
    }

    private static Spec.Webhooks webhooks(Node node, Set<WebhookEvent> allowed) {
        node.object("an object like {\"preWebhookUrl\": \"https://…\", \"filters\": [\"onConversationAdd\"]}");
        node.onlyKeys("preWebhookUrl", "postWebhookUrl", "method", "filters");
        String pre = node.get("preWebhookUrl").present() ? url(node.get("preWebhookUrl")) : null;
        String post = node.get("postWebhookUrl").present() ? url(node.get("postWebhookUrl")) : null;
        String method = node.get("method").present() ? method(node.get("method")) : "POST";
        Node filters = node.get("filters");
        filters.required("a list of event names, e.g. [\"onConversationAdd\", \"onMessageAdded\"]");
        return new Spec.Webhooks(node.path, pre, post, method, events(filters, allowed));
    }

    private static List<String> events(Node list, Set<WebhookEvent> allowed) {
        List<String> names = list.list((n, i) -> {
            String name = n.text();
            WebhookEvent event = WebhookEvent.fromWire(name);
            if (event == null || !allowed.contains(event)) {
                List<String> expected = new ArrayList<>();
                allowed.forEach(e -> expected.add(e.wire()));
                throw n.error(n.shown() + " is not an event this scope can filter: expected one of " + expected);
            }
            return name;
        });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new ScenarioException(list.path + "[" + i + "]", "\"" + names.get(i) + "\" is listed twice");
            }
        }
        return names;
    }

    private static List<MessagingService> messagingServices(Node list) {
        List<MessagingService> services = list.list(ScenarioReader::messagingService);
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            String sid = services.get(i).sid();
            if (sid != null && !sids.add(sid)) {
                throw new ScenarioException(list.path + "[" + i + "].sid", "\"" + sid
                        + "\" is listed twice: list each messaging service once");
            }
        }
        return services;
    }

    private static MessagingService messagingService(Node node, int index) {
        node.object("an object like {\"senders\": [\"+15005550001\"], \"autocreateConversations\": true}");
        node.onlyKeys("sid", "friendlyName", "senders", "autocreateConversations", "inboundRequestUrl");
        String sid = node.get("sid").present() ? sid(node.get("sid"), Sids.MESSAGING_SERVICE,
                "a messaging service SID") : null;
        String name = node.optText("friendlyName");
        Node sendersNode = node.get("senders");
        sendersNode.required("a list of the service's numbers, e.g. [\"+15005550001\"]");
        List<Address> senders = sendersNode.list((n, i) -> address(n));
        for (int i = 0; i < senders.size(); i++) {
            if (senders.indexOf(senders.get(i)) != i) {
                throw new ScenarioException(sendersNode.path + "[" + i + "]", "\"" + senders.get(i)
                        + "\" is listed twice in the sender pool");
            }
        }
        Node auto = node.get("autocreateConversations");
        auto.required("true or false: whether the integration autocreates conversations");
        boolean autocreate = auto.bool();
        String url = node.get("inboundRequestUrl").present() ? url(node.get("inboundRequestUrl")) : null;
        // choosing "Autocreate a Conversation" implies the console lock was unlocked first
        return new MessagingService(sid, name, senders, autocreate, autocreate, url, url == null ? null : "POST");
    }

    private static List<PhoneNumber> phoneNumbers(Node list) {
        List<PhoneNumber> numbers = list.list((node, index) -> {
            node.object("an object like {\"number\": \"+15005550001\", \"smsUrl\": \"https://…\"}");
            node.onlyKeys("number", "smsUrl");
            Node number = node.get("number");
            number.required("an E.164 number like \"+15005550001\"");
            String smsUrl = node.get("smsUrl").present() ? url(node.get("smsUrl")) : null;
            return new PhoneNumber(address(number), smsUrl, "POST");
        });
        Set<Address> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            if (!seen.add(numbers.get(i).number())) {
                throw new ScenarioException(list.path + "[" + i + "].number", "\"" + numbers.get(i).number()
                        + "\" is listed twice: list each number once");
            }
        }
        return numbers;
    }

    private static List<Spec.AddressConfig> addressConfigurations(Node list) {
        List<Spec.AddressConfig> configs = list.list(ScenarioReader::addressConfiguration);
        Set<Address> seen = new HashSet<>();
        for (int i = 0; i < configs.size(); i++) {
            if (!seen.add(configs.get(i).address())) {
                throw new ScenarioException(list.path + "[" + i + "].address", "\"" + configs.get(i).address()
                        + "\" is listed twice: an address has one configuration");
            }
        }
        return configs;
    }

    private static Spec.AddressConfig addressConfiguration(Node node, int index) {
        node.object("an object like {\"address\": \"+15005550001\", \"type\": \"sms\", \"autoCreation\": {…}}");
        node.onlyKeys("address", "type", "friendlyName", "autoCreation");
        Node typeNode = node.get("type");
        typeNode.required("\"sms\" or \"whatsapp\"");
        String type = typeNode.text();
        if (!type.equals("sms") && !type.equals("whatsapp")) {
            throw typeNode.error(typeNode.shown() + " is not an address type: expected \"sms\" or \"whatsapp\"");
        }
        Node addressNode = node.get("address");
        addressNode.required(type.equals("sms") ? "an E.164 number like \"+15005550001\""
                : "a WhatsApp address like \"whatsapp:+15005550001\"");
        Address address = address(addressNode);
        if (address.channel() != (type.equals("sms") ? Channel.SMS : Channel.WHATSAPP)) {
            throw addressNode.error(addressNode.shown() + " is not a " + type + " address: expected like "
                    + (type.equals("sms") ? "+15005550001" : "whatsapp:+15005550001"));
        }
        String friendlyName = node.optText("friendlyName");
        Node auto = node.get("autoCreation");
        auto.required("an object like {\"enabled\": true, \"type\": \"default\"}");
        auto.object("an object like {\"enabled\": true, \"type\": \"default\"}");
        auto.onlyKeys("enabled", "type", "conversationServiceSid", "webhookUrl", "webhookMethod", "webhookFilters",
                "studioFlowSid", "studioRetryCount");
        Node enabled = auto.get("enabled");
        enabled.required("true or false");
        String autoType = "default";
        Node autoTypeNode = auto.get("type");
        if (autoTypeNode.present()) {
            autoType = autoTypeNode.text();
            if (!List.of("default", "webhook", "studio").contains(autoType)) {
                throw autoTypeNode.error(autoTypeNode.shown()
                        + " is not an autocreation type: expected \"default\", \"webhook\" or \"studio\"");
            }
        }
        String service = auto.get("conversationServiceSid").present()
                ? sid(auto.get("conversationServiceSid"), Sids.CONVERSATION_SERVICE, "a conversation service SID")
                : null;
        String webhookUrl = auto.get("webhookUrl").present() ? url(auto.get("webhookUrl")) : null;
        String webhookMethod = auto.get("webhookMethod").present() ? method(auto.get("webhookMethod")) : null;
        List<String> filters = auto.get("webhookFilters").present()
                ? events(auto.get("webhookFilters"), WebhookEvent.conversationFilterable())
                : List.of();
        String flow = auto.get("studioFlowSid").present()
                ? sid(auto.get("studioFlowSid"), Sids.FLOW, "a Studio flow SID")
                : null;
        Integer retries = null;
        Node retryNode = auto.get("studioRetryCount");
        if (retryNode.present()) {
            retries = retryNode.integer();
            if (retries < 0 || retries > 3) {
                throw retryNode.error(retries + " is out of range: expected 0 to 3");
            }
        }
        if (autoType.equals("webhook") && webhookUrl == null) {
            throw new ScenarioException(auto.path + ".webhookUrl",
                    "missing: autocreation of type \"webhook\" needs the URL of its conversation-scoped webhook");
        }
        if (autoType.equals("studio") && flow == null) {
            throw new ScenarioException(auto.path + ".studioFlowSid",
                    "missing: autocreation of type \"studio\" needs the FW… SID of the flow");
        }
        return new Spec.AddressConfig(node.path, address, type, friendlyName, enabled.bool(), autoType, service,
                webhookUrl, webhookMethod, filters, flow, retries);
    }

    private static Spec.Routing routing(Node node) {
        node.object("an object like {\"mode\": \"pool\", \"workers\": [{\"identity\": \"alice@example.com\", \"available\": true}]}");
        Node mode = node.get("mode");
        mode.required("\"doNotRoute\", \"custom\" or \"pool\"");
        switch (mode.text()) {
            case "doNotRoute" -> {
                node.onlyKeys("mode");
                return new Spec.Routing("doNotRoute", null, List.of());
            }
            case "custom" -> {
                node.onlyKeys("mode", "callbackUrl");
                Node url = node.get("callbackUrl");
                url.required("the custom routing callback URL, e.g. \"https://svc.example.com/callbacks/routing\"");
                return new Spec.Routing("custom", url(url), List.of());
            }
            case "pool" -> {
                node.onlyKeys("mode", "workers");
                Node workers = node.get("workers");
                workers.required("a list like [{\"identity\": \"alice@example.com\", \"available\": true}]");
                List<Spec.Worker> list = workers.list((n, i) -> worker(n));
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    if (!seen.add(list.get(i).identity())) {
                        throw new ScenarioException(workers.path + "[" + i + "].identity", "\""
                                + list.get(i).identity() + "\" is listed twice");
                    }
                }
                return new Spec.Routing("pool", null, list);
            }
            default -> throw mode.error(mode.shown() + " is not a routing mode: expected \"doNotRoute\", \"custom\" or \"pool\"");
        }
    }

    private static Spec.Worker worker(Node node) {
        node.object("an object like {\"identity\": \"alice@example.com\", \"available\": true}");
        node.onlyKeys("identity", "available");
        Node identity = node.get("identity");
        identity.required("the worker's identity, e.g. \"alice@example.com\"");
        String id = identity.text();
        if (id.isBlank()) {
            throw identity.error("is blank: expected the worker's identity, e.g. \"alice@example.com\"");
        }
        Node available = node.get("available");
        available.required("true or false");
        return new Spec.Worker(id, available.bool());
    }

    // ------------------------------------------------------------------ endpoints

    private static Spec.Rule rule(Node node, int index) {
        node.object("an object like {\"status\": 200, \"body\": {\"friendly_name\": \"Alice\"}}");
        node.onlyKeys("match", "status", "body", "timeout", "calls");
        Map<String, String> match = new LinkedHashMap<>();
        Node matchNode = node.get("match");
        if (matchNode.present()) {
            matchNode.object("an object of parameter name → exact value, e.g. {\"EventType\": \"onConversationAdd\"}");
            for (String name : matchNode.keys()) {
                match.put(name, matchNode.get(name).scalar());
            }
        }
        boolean timeout = false;
        if (node.get("timeout").present()) {
            timeout = node.get("timeout").bool();
        }
        int status = 200;
        Node statusNode = node.get("status");
        if (statusNode.present()) {
            status = statusNode.integer();
            if (status < 100 || status > 599) {
                throw statusNode.error(status + " is not an HTTP status: expected 100 to 599");
            }
        } else if (!timeout) {
            statusNode.required("the HTTP status the endpoint answers, e.g. 200");
        }
        JsonNode body = node.get("body").present() ? node.get("body").node : null;
        if (body != null && body.isNull()) {
            body = null;
        }
        List<Spec.Rest> calls = node.get("calls").present() ? node.get("calls").list((n, i) -> rest(n)) : List.of();
        return new Spec.Rule(Collections.unmodifiableMap(match), status, body, timeout, calls);
    }

    // ------------------------------------------------------------------ steps

    private static Spec.Step step(Node node, int index, Spec.Setup setup) {
        node.object("a step object with exactly one of " + STEP_KINDS);
        List<String> kinds = new ArrayList<>();
        for (String key : node.keys()) {
            if (STEP_KINDS.contains(key)) {
                kinds.add(key);
            } else if (!key.equals("expect") && !key.equals("note")) {
                throw node.get(key).error("is not a step key: expected exactly one of " + STEP_KINDS
                        + ", plus optional \"expect\" (and \"note\")");
            }
        }
        if (kinds.isEmpty()) {
            throw node.error("has no step: expected exactly one of " + STEP_KINDS);
        }
        if (kinds.size() > 1) {
            throw node.error("has both \"" + kinds.get(0) + "\" and \"" + kinds.get(1)
                    + "\": a step has exactly one of " + STEP_KINDS + "; split it into two steps");
        }
        String kind = kinds.get(0);
        Node body = node.get(kind);
        Spec.Action action = switch (kind) {
            case "receive" -> new Spec.Receive(receive(body));
            case "advance" -> {
                Duration d = duration(body);
                if (d.isNegative()) {
                    throw body.error(body.shown() + " is negative: the clock only moves forward");
                }
                yield new Spec.Advance(d);
            }
            case "rest" -> new Spec.RestCall(rest(body));
            case "worker" -> new Spec.WorkerChange(worker(body));
            default -> configure(body);
        };
        Map<String, JsonNode> expect = node.get("expect").present() ? expect(node.get("expect"), kind)
                : Map.of();
        String note = node.optText("note");
        return new Spec.Step(index, kind, body.node.deepCopy(), action, expect, note);
    }

    private static InboundMessage receive(Node node) {
        node.object("an object like {\"from\": \"+15551230001\", \"to\": \"+15005550001\", \"body\": \"hello\"}");
        node.onlyKeys("from", "to", "body", "otherRecipients", "media");
        Node from = node.get("from");
        from.required("the sender's number, e.g. \"+15551230001\"");
        Node to = node.get("to");
        to.required("the Twilio number it was sent to, e.g. \"+15005550001\"");
        Address fromAddress = address(from);
        Address toAddress = address(to);
        Node bodyNode = node.get("body");
        String body = bodyNode.present() ? bodyNode.text() : "";
        if (body.length() > InboundMessage.MAX_BODY_LENGTH) {
            throw bodyNode.error("is " + body.length() + " characters long: Twilio accepts at most "
                    + InboundMessage.MAX_BODY_LENGTH + " (error 21617)");
        }
        List<Address> others = node.get("otherRecipients").present()
                ? node.get("otherRecipients").list((n, i) -> address(n))
                : List.of();
        List<InboundMedia> media = node.get("media").present() ? node.get("media").list((n, i) -> {
            n.object("an object like {\"contentType\": \"image/jpeg\", \"filename\": \"photo.jpg\"}");
            n.onlyKeys("contentType", "filename");
            Node type = n.get("contentType");
            type.required("a content type like \"image/jpeg\"");
            String contentType = type.text();
            if (contentType.isBlank()) {
                throw type.error("is blank: expected a content type like \"image/jpeg\"");
            }
            return new InboundMedia(contentType, n.optText("filename"));
        }) : List.of();
        try {
            return new InboundMessage(fromAddress, toAddress, body, others, media);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Spec.Rest rest(Node node) {
        node.object("an object like {\"method\": \"POST\", \"path\": \"/v1/Conversations\", \"params\": {…}}");
        node.onlyKeys("method", "path", "params", "headers");
        Node methodNode = node.get("method");
        methodNode.required("\"GET\", \"POST\" or \"DELETE\"");
        String method = methodNode.text();
        if (!List.of("GET", "POST", "DELETE").contains(method)) {
            throw methodNode.error(methodNode.shown() + " is not a method of Twilio's API: expected \"GET\", \"POST\" or \"DELETE\"");
        }
        Node pathNode = node.get("path");
        pathNode.required("a Conversations v1 path like \"/v1/Conversations\"");
        String path = pathNode.text();
        if (!path.startsWith("/v1/")) {
            throw pathNode.error(pathNode.shown() + " is not a Conversations v1 path: expected like /v1/Conversations");
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        Node paramsNode = node.get("params");
        if (paramsNode.present()) {
            paramsNode.object("an object of form parameter name → value or list of values");
            for (String name : paramsNode.keys()) {
                Node value = paramsNode.get(name);
                if (value.node.isArray()) {
                    params.put(name, value.list((n, i) -> n.scalar()));
                } else {
                    params.put(name, List.of(value.scalar()));
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Node headersNode = node.get("headers");
        if (headersNode.present()) {
            headersNode.object("an object of header name → value, e.g. {\"X-Twilio-Webhook-Enabled\": \"true\"}");
            for (String name : headersNode.keys()) {
                headers.put(name, headersNode.get(name).scalar());
            }
        }
        return new Spec.Rest(method, path, Collections.unmodifiableMap(params), Collections.unmodifiableMap(headers));
    }

    private static Spec.Configure configure(Node node) {
        node.object("an object with addressConfigurations, messagingServices and/or phoneNumbers");
        node.onlyKeys("addressConfigurations", "messagingServices", "phoneNumbers");
        if (node.keys().isEmpty()) {
            throw node.error("is empty: expected at least one of addressConfigurations, messagingServices, phoneNumbers");
        }
        return new Spec.Configure(
                node.get("addressConfigurations").present() ? addressConfigurations(node.get("addressConfigurations")) : List.of(),
                node.get("messagingServices").present() ? messagingServices(node.get("messagingServices")) : List.of(),
                node.get("phoneNumbers").present() ? phoneNumbers(node.get("phoneNumbers")) : List.of());
    }

    private static Map<String, JsonNode> expect(Node node, String kind) {
        node.object("an object of expectations, e.g. {\"outcome\": \"autocreated\"}");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String key : node.keys()) {
            Node v = node.get(key);
            switch (key) {
                case "outcome" -> {
                    onlyFor(v, kind, "receive");
                    String outcome = v.text();
                    if (!OUTCOMES.contains(outcome)) {
                        throw v.error(v.shown() + " is not an outcome: expected one of " + OUTCOMES);
                    }
                }
                case "conversationSid" -> {
                    onlyFor(v, kind, "receive");
                    if (!v.node.isNull()) {
                        sid(v, Sids.CONVERSATION, "a conversation SID (or null)");
                    }
                }
                case "status" -> {
                    onlyFor(v, kind, "rest");
                    v.integer();
                }
                case "errorCode" -> {
                    onlyFor(v, kind, "rest");
                    if (!v.node.isNull()) {
                        v.integer();
                    }
                }
                case "webhooks" -> v.list((n, i) -> n.text());
                case "state" -> {
                    v.object("an object of conversation SID → state, e.g. {\"CH00000000000000000000000000000001\": \"closed\"}");
                    for (String sid : v.keys()) {
                        Node state = v.get(sid);
                        if (!Sids.is(Sids.CONVERSATION, sid)) {
                            throw state.error("\"" + sid + "\" is not a conversation SID: expected CH followed by 32 hex digits");
                        }
                        if (ConversationState.fromWire(state.text()) == null) {
                            throw state.error(state.shown()
                                    + " is not a conversation state: expected initializing, active, inactive or closed");
                        }
                    }
                }
                default -> throw v.error("is not an expectation: expected one of " + EXPECT_KEYS);
            }
            out.put(key, v.node.deepCopy());
        }
        return Collections.unmodifiableMap(out);
    }

    private static void onlyFor(Node v, String kind, String wanted) {
        if (!kind.equals(wanted)) {
            throw v.error("applies to " + wanted + " steps only, and this is " + (kind.equals("advance") ? "an " : "a ")
                    + kind + " step");
        }
    }

    // ------------------------------------------------------------------ values

    private static Address address(Node n) {
        String value = n.text();
        if (!Address.isValid(value)) {
            throw n.error(n.shown() + (value.startsWith("whatsapp:")
                    ? " is not a WhatsApp address: expected like whatsapp:+15551234567"
                    : " is not an E.164 number: expected like +15551234567"));
        }
        return Address.parse(value);
    }

    private static Duration duration(Node n) {
        String value = n.text();
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw n.error(n.shown() + " is not an ISO-8601 duration: expected like PT30M, PT5S or P1D");
        }
    }

    private static String sid(Node n, String prefix, String what) {
        String value = n.text();
        if (!Sids.is(prefix, value)) {
            throw n.error(n.shown() + " is not " + what + ": expected " + prefix + " followed by 32 hex digits");
        }
        return value;
    }

    private static String url(Node n) {
        return url(n, n.text(), "a URL");
    }

    private static String url(Node n, String value, String what) {
        if (!(value.startsWith("https://") || value.startsWith("http://")) || value.length() <= "https://".length()) {
            throw n.error("\"" + value + "\" is not " + what + ": expected like https://svc.example.com/hook");
        }
        return value;
    }

    private static String method(Node n) {
        String value = n.text();
        if (!value.equals("GET") && !value.equals("POST")) {
            throw n.error(n.shown() + " is not a webhook method: expected \"GET\" or \"POST\"");
        }
        return value;
    }

    /** A JSON value and its path, with typed accessors that fail naming the path. */
    static final class Node {
        final JsonNode node;
        final String path;

        Node(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        boolean present() {
            return node != null && !node.isMissingNode();
        }

        Node get(String key) {
            JsonNode child = node == null ? null : node.get(key);
            boolean root = path.equals("document");
            String childPath = key.matches("[A-Za-z_][A-Za-z0-9_]*")
                    ? (root ? key : path + "." + key)
                    : (root ? "" : path) + "[\"" + key + "\"]";
            return new Node(child, childPath);
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        ScenarioException error(String problem) {
            return new ScenarioException(path, problem);
        }

        /** The value as the file wrote it, for messages. */
        String shown() {
            if (!present()) {
                return "nothing";
            }
            String text = node.toString();
            return text.length() > 60 ? text.substring(0, 57) + "…" : text;
        }

        void required(String expected) {
            if (!present()) {
                throw error("missing: expected " + expected);
            }
        }

        void object(String expected) {
            if (!present() || !node.isObject()) {
                throw error(shown() + " is not an object: expected " + expected);
            }
        }

        void onlyKeys(String... allowed) {
            List<String> list = List.of(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!list.contains(key)) {
                    throw get(key).error("is not a known key here: expected one of " + list);
                }
            }
        }

        String text() {
            if (!node.isTextual()) {
                throw error(shown() + " is not a string: expected a JSON string");
            }
            return node.asText();
        }

        String optText(String key) {
            Node child = get(key);
            return child.present() && !child.node.isNull() ? child.text() : null;
        }

        /** A string, number or boolean, as text (Twilio's form values are strings). */
        String scalar() {
            if (!node.isValueNode() || node.isNull()) {
                throw error(shown() + " is not a string, number or boolean: expected a single value");
            }
            return node.asText();
        }

        boolean bool() {
            if (!node.isBoolean()) {
                throw error(shown() + " is not a boolean: expected true or false");
            }
            return node.asBoolean();
        }

        int integer() {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error(shown() + " is not an integer: expected a whole number");
            }
            return node.asInt();
        }

        <T> List<T> list(BiFunction<Node, Integer, T> element) {
            if (!node.isArray()) {
                throw error(shown() + " is not a list: expected a JSON array");
            }
            List<T> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(element.apply(new Node(node.get(i), path + "[" + i + "]"), i));
            }
            return List.copyOf(out);
        }
    }
}
