package dev.convsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convsim.ConversationsSimulator;
import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ApiRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ConversationWebhookRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationService;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Message;
import dev.convsim.model.Participant;
import dev.convsim.webhook.ConversationWebhook;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps {@code METHOD /v1/path + form parameters} onto a simulator's {@link dev.convsim.api.ConversationsApi}, and
 * renders the answer as Twilio's JSON ({@link TwilioJson}): 201 on create, 204 with an empty body on delete, 200
 * otherwise, and errors as {@code {code, message, more_info, status}}. It never throws: an unknown path is 20404
 * (404), a method the path does not take is 20004 (405), an {@link IllegalArgumentException} is 20001 (400), and
 * anything unexpected is 20500 (500).
 *
 * <pre>{@code
 * RestResponse r = new RestDispatcher(sim).handle("POST", "/v1/Conversations",
 *         Map.of("FriendlyName", List.of("Support")), Map.of());
 * // r.status() == 201, r.body() == {"account_sid":"AC…","chat_service_sid":"IS…01",…}
 * }</pre>
 *
 * <p>Routes: {@code /v1/Conversations[/{Sid}[/Participants|Messages|Webhooks[/{Sid}]]]}, the same under
 * {@code /v1/Services/{ChatServiceSid}/Conversations}, {@code /v1/Configuration}, {@code /v1/Configuration/Webhooks},
 * {@code /v1/Configuration/Addresses[/{Sid}]}, {@code /v1/Services[/{Sid}]},
 * {@code /v1/Services/{ChatServiceSid}/Configuration/Webhooks} and {@code /v1/ParticipantConversations} (also
 * under {@code /v1/Services/{ChatServiceSid}}). List pages take {@code PageSize} (default 50,
 * or the resource's maximum when lower; maximum 100, 50 or 5 as in Twilio's API) and {@code Page} (from 0).
 *
 * <p>As in Twilio, the shortened paths without {@code /Services/{ChatServiceSid}} reach the default conversation
 * service only ({@code DefaultChatServiceSid} of {@code /v1/Configuration}): another service's conversation is
 * 20404 there, and is left out of their lists.
 */
public final class RestDispatcher {

    /** The header that makes a REST call fire webhooks when it is {@code true}. */
    public static final String WEBHOOK_ENABLED_HEADER = "X-Twilio-Webhook-Enabled";

    private static final List<String> ADDRESS_TYPES =
            List.of("sms", "whatsapp", "messenger", "gbm", "email", "rcs", "apple", "chat");

    private final ConversationsSimulator simulator;
    private final ConversationsApi api;

    /** A dispatcher over one simulator. */
    public RestDispatcher(ConversationsSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.api = simulator.api();
    }

    /**
     * Handles one request.
     *
     * @param method GET, POST or DELETE
     * @param path e.g. {@code /v1/Conversations/CH…/Participants}, optionally with a query string; a full
     *     {@code https://conversations.twilio.com/v1/…} URL (such as a page's {@code next_page_url}) works too
     * @param params form parameters (for GET, query parameters may be given here or in the path)
     * @param headers e.g. {@code X-Twilio-Webhook-Enabled: true}; names are case-insensitive
     */
    public RestResponse handle(String method, String path, Map<String, List<String>> params, Map<String, String> headers) {
        try {
            return route(Call.parse(method, path, params, headers));
        } catch (TwilioApiException e) {
            return error(e);
        } catch (IllegalArgumentException e) {
            return error(new TwilioApiException(20001, 400, String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            return error(new TwilioApiException(20500, 500, "Internal Server Error: convsim failed on " + method
                    + " " + path + ": " + e));
        }
    }

    @Override
    public String toString() {
        return "RestDispatcher[" + simulator + "]";
    }

    // ------------------------------------------------------------------ routing

    private RestResponse route(Call call) {
        List<String> s = call.segments;
        if (s.size() < 2 || !s.get(0).equals("v1")) {
            throw notFound(call);
        }
        List<String> rest = s.subList(1, s.size());
        switch (rest.get(0)) {
            case "Conversations":
                return conversations(call, null, rest.subList(1, rest.size()));
            case "Configuration":
                return configuration(call, rest.subList(1, rest.size()));
            case "Services":
                return services(call, rest.subList(1, rest.size()));
            case "ParticipantConversations":
                if (rest.size() == 1) {
                    call.allow("GET");
                    return participantConversations(call, null);
                }
                throw notFound(call);
            default:
                throw notFound(call);
        }
    }

    private RestResponse conversations(Call call, String scope, List<String> rest) {
        if (rest.isEmpty()) {
            call.allow("GET", "POST");
            if (call.is("GET")) {
                return listConversations(call, scope);
            }
            ConversationRequest request = call.form(new ConversationRequest());
            Conversation created = scope == null
                    ? api.createConversation(request)
                    : api.createConversation(scope, request);
            return created(conversationJson(created, scope));
        }
        String id = rest.get(0);
        if (rest.size() == 1) {
            call.allow("GET", "POST", "DELETE");
            Conversation c = conversationIn(scope, id);
            return switch (call.method) {
                case "GET" -> ok(conversationJson(c, scope));
                case "POST" -> ok(conversationJson(
                        api.updateConversation(c.sid(), call.form(new ConversationRequest())), scope));
                default -> {
                    api.deleteConversation(c.sid(), call.webhookEnabled);
                    yield noContent();
                }
            };
        }
        if (rest.size() > 3) {
            throw notFound(call);
        }
        String child = rest.size() == 3 ? rest.get(2) : null;
        switch (rest.get(1)) {
            case "Participants":
                return child == null ? participants(call, scope, id) : participant(call, scope, id, child);
            case "Messages":
                return child == null ? messages(call, scope, id) : message(call, scope, id, child);
            case "Webhooks":
                return child == null ? webhooks(call, scope, id) : webhook(call, scope, id, child);
            default:
                throw notFound(call);
        }
    }

    private RestResponse listConversations(Call call, String scope) {
        ConversationState state = null;
        String stateValue = call.param("State");
        if (stateValue != null) {
            state = ConversationState.fromWire(stateValue);
            if (state == null) {
                throw TwilioApiException.invalidParameter("State [" + stateValue
                        + "] is not a conversation state: expected active, inactive, closed or initializing");
            }
        }
        Instant start = call.date("StartDate", false);
        Instant end = call.date("EndDate", true);
        // validate the page before reading, so a bad PageSize fails even on an empty list
        PageSpec spec = call.page(100);
        // without /Services/{IS}, Twilio's spec scopes the list to "your account's default service"
        List<Conversation> all = api.listConversations(scope == null ? defaultService() : scope);
        List<ObjectNode> rows = new ArrayList<>();
        for (Conversation c : all) {
            if ((state == null || c.state() == state)
                    && (start == null || !c.dateCreated().isBefore(start))
                    && (end == null || !c.dateCreated().isAfter(end))) {
                rows.add(conversationJson(c, scope));
            }
        }
        if (start != null || end != null) {
            // with a date filter Twilio lists the newest conversations first
            Collections.reverse(rows);
        }
        return page(call, "conversations", rows, spec, "State", "StartDate", "EndDate");
    }

    private RestResponse participants(Call call, String scope, String conversation) {
        call.allow("GET", "POST");
        Conversation c = conversationIn(scope, conversation);
        if (call.is("GET")) {
            PageSpec spec = call.page(100);
            return page(call, "participants", map(api.listParticipants(c.sid()), p -> participantJson(p, scope)), spec);
        }
        return created(participantJson(api.createParticipant(c.sid(), call.form(new ParticipantRequest())), scope));
    }

    private RestResponse participant(Call call, String scope, String conversation, String id) {
        call.allow("GET", "POST", "DELETE");
        Conversation c = conversationIn(scope, conversation);
        return switch (call.method) {
            case "GET" -> ok(participantJson(api.fetchParticipant(c.sid(), id), scope));
            case "POST" -> ok(participantJson(
                    api.updateParticipant(c.sid(), id, call.form(new ParticipantRequest())), scope));
            default -> {
                api.deleteParticipant(c.sid(), id, call.webhookEnabled);
                yield noContent();
            }
        };
    }

    private RestResponse messages(Call call, String scope, String conversation) {
        call.allow("GET", "POST");
        Conversation c = conversationIn(scope, conversation);
        if (call.is("GET")) {
            String order = call.param("Order");
            if (order != null && !order.equals("asc") && !order.equals("desc")) {
                throw TwilioApiException.invalidParameter("Order [" + order
                        + "] is not a sort order: expected asc or desc");
            }
            PageSpec spec = call.page(100);
            List<ObjectNode> rows = map(api.listMessages(c.sid()), m -> messageJson(m, scope));
            if ("desc".equals(order)) {
                Collections.reverse(rows);
            }
            return page(call, "messages", rows, spec, "Order");
        }
        return created(messageJson(api.createMessage(c.sid(), call.form(new MessageRequest())), scope));
    }

    private RestResponse message(Call call, String scope, String conversation, String id) {
        call.allow("GET", "POST", "DELETE");
        Conversation c = conversationIn(scope, conversation);
        return switch (call.method) {
            case "GET" -> ok(messageJson(api.fetchMessage(c.sid(), id), scope));
            case "POST" -> ok(messageJson(api.updateMessage(c.sid(), id, call.form(new MessageRequest())), scope));
            default -> {
                api.deleteMessage(c.sid(), id, call.webhookEnabled);
                yield noContent();
            }
        };
    }

    private RestResponse webhooks(Call call, String scope, String conversation) {
        call.allow("GET", "POST");
        Conversation c = conversationIn(scope, conversation);
        if (call.is("GET")) {
            PageSpec spec = call.page(5);
            return page(call, "webhooks", map(api.listConversationWebhooks(c.sid()), w -> webhookJson(w, scope)), spec);
        }
        return created(webhookJson(
                api.createConversationWebhook(c.sid(), call.form(new ConversationWebhookRequest())), scope));
    }

    private RestResponse webhook(Call call, String scope, String conversation, String id) {
        call.allow("GET", "POST", "DELETE");
        Conversation c = conversationIn(scope, conversation);
        return switch (call.method) {
            case "GET" -> ok(webhookJson(api.fetchConversationWebhook(c.sid(), id), scope));
            case "POST" -> ok(webhookJson(
                    api.updateConversationWebhook(c.sid(), id, call.form(new ConversationWebhookRequest())), scope));
            default -> {
                api.deleteConversationWebhook(c.sid(), id);
                yield noContent();
            }
        };
    }

    private RestResponse configuration(Call call, List<String> rest) {
        if (rest.isEmpty()) {
            call.allow("GET", "POST");
            return ok(TwilioJson.configuration(call.is("GET")
                    ? api.fetchConfiguration()
                    : api.updateConfiguration(call.form(new ConfigurationRequest()))));
        }
        switch (rest.get(0)) {
            case "Webhooks":
                if (rest.size() != 1) {
                    throw notFound(call);
                }
                call.allow("GET", "POST");
                return ok(TwilioJson.globalWebhooks(call.is("GET")
                        ? api.fetchGlobalWebhooks()
                        : api.updateGlobalWebhooks(call.form(new WebhookConfigurationRequest())),
                        simulator.accountSid()));
            case "Addresses":
                if (rest.size() == 1) {
                    call.allow("GET", "POST");
                    return call.is("GET")
                            ? listAddressConfigurations(call)
                            : created(TwilioJson.addressConfiguration(
                                    api.createAddressConfiguration(call.form(new AddressConfigurationRequest()))));
                }
                if (rest.size() == 2) {
                    call.allow("GET", "POST", "DELETE");
                    String id = rest.get(1);
                    return switch (call.method) {
                        case "GET" -> ok(TwilioJson.addressConfiguration(api.fetchAddressConfiguration(id)));
                        case "POST" -> ok(TwilioJson.addressConfiguration(api.updateAddressConfiguration(id,
                                call.form(new AddressConfigurationRequest()))));
                        default -> {
                            api.deleteAddressConfiguration(id);
                            yield noContent();
                        }
                    };
                }
                throw notFound(call);
            default:
                throw notFound(call);
        }
    }

    private RestResponse listAddressConfigurations(Call call) {
        String type = call.param("Type");
        if (type != null && !ADDRESS_TYPES.contains(type)) {
            throw TwilioApiException.invalidParameter("Type [" + type
                    + "] is not an address type: expected one of " + String.join(", ", ADDRESS_TYPES));
        }
        PageSpec spec = call.page(50);
        List<ObjectNode> rows = new ArrayList<>();
        for (AddressConfiguration a : api.listAddressConfigurations()) {
            if (type == null || a.type().wire().equals(type)) {
                rows.add(TwilioJson.addressConfiguration(a));
            }
        }
        return page(call, "address_configurations", rows, spec, "Type");
    }

    private RestResponse services(Call call, List<String> rest) {
        if (rest.isEmpty()) {
            call.allow("GET", "POST");
            if (call.is("GET")) {
                PageSpec spec = call.page(100);
                return page(call, "services", map(api.listServices(), TwilioJson::service), spec);
            }
            return created(TwilioJson.service(api.createService(call.param("FriendlyName"))));
        }
        String sid = rest.get(0);
        if (rest.size() == 1) {
            call.allow("GET", "DELETE");
            if (call.is("GET")) {
                return ok(TwilioJson.service(api.fetchService(sid)));
            }
            api.deleteService(sid);
            return noContent();
        }
        switch (rest.get(1)) {
            case "Conversations":
                ConversationService service = api.fetchService(sid);
                return conversations(call, service.sid(), rest.subList(2, rest.size()));
            case "ParticipantConversations":
                if (rest.size() != 2) {
                    throw notFound(call);
                }
                call.allow("GET");
                return participantConversations(call, api.fetchService(sid).sid());
            case "Configuration":
                if (rest.size() == 3 && rest.get(2).equals("Webhooks")) {
                    call.allow("GET", "POST");
                    return ok(TwilioJson.serviceWebhooks(call.is("GET")
                            ? api.fetchServiceWebhooks(sid)
                            : api.updateServiceWebhooks(sid, call.form(new WebhookConfigurationRequest())),
                            simulator.accountSid()));
                }
                throw notFound(call);
            default:
                throw notFound(call);
        }
    }

    private RestResponse participantConversations(Call call, String scope) {
        String address = call.param("Address");
        String identity = call.param("Identity");
        if (address == null && identity == null) {
            throw TwilioApiException.invalidParameter(
                    "ParticipantConversations needs Identity or Address: send the participant's identity or messaging address");
        }
        PageSpec spec = call.page(50);
        List<Participant> found;
        if (address != null && identity != null) {
            Set<String> withIdentity = new LinkedHashSet<>();
            api.findParticipantsByIdentity(identity).forEach(p -> withIdentity.add(p.sid()));
            found = api.findParticipantsByAddress(address).stream().filter(p -> withIdentity.contains(p.sid())).toList();
        } else {
            found = address != null ? api.findParticipantsByAddress(address) : api.findParticipantsByIdentity(identity);
        }
        List<ObjectNode> rows = new ArrayList<>();
        String defaultService = scope == null ? defaultService() : null;
        for (Participant p : found) {
            Conversation c;
            try {
                c = api.fetchConversation(p.conversationSid());
            } catch (TwilioApiException gone) {
                // removed between the two reads: it is no longer the participant's conversation
                continue;
            }
            if (scope == null) {
                if (c.chatServiceSid().equals(defaultService)) {
                    rows.add(TwilioJson.participantConversation(p, c));
                }
            } else if (scope.equals(c.chatServiceSid())) {
                rows.add(TwilioJson.serviceParticipantConversation(p, c));
            }
        }
        return page(call, "conversations", rows, spec, "Identity", "Address");
    }

    // ------------------------------------------------------------------ scope-aware rendering

    private Conversation conversationIn(String scope, String idOrName) {
        Conversation c;
        try {
            c = api.fetchConversation(idOrName);
        } catch (TwilioApiException e) {
            if (scope != null && e.code() == 20404) {
                throw TwilioApiException.notFound("/Services/" + scope + "/Conversations/" + idOrName);
            }
            throw e;
        }
        if (scope != null && !scope.equals(c.chatServiceSid())) {
            throw TwilioApiException.notFound("/Services/" + scope + "/Conversations/" + idOrName);
        }
        if (scope == null && !c.chatServiceSid().equals(defaultService())) {
            // the unscoped paths reach "your account's default service" only (Twilio's spec)
            throw TwilioApiException.notFound("/Conversations/" + idOrName + " (it is in conversation service "
                    + c.chatServiceSid() + ": use /v1/Services/" + c.chatServiceSid() + "/Conversations)");
        }
        return c;
    }

    private String defaultService() {
        return api.fetchConfiguration().defaultChatServiceSid();
    }

    private static ObjectNode conversationJson(Conversation c, String scope) {
        return scope == null ? TwilioJson.conversation(c) : TwilioJson.serviceConversation(c);
    }

    private static ObjectNode participantJson(Participant p, String scope) {
        return scope == null ? TwilioJson.participant(p) : TwilioJson.serviceParticipant(p, scope);
    }

    private static ObjectNode messageJson(Message m, String scope) {
        return scope == null ? TwilioJson.message(m) : TwilioJson.serviceMessage(m, scope);
    }

    private static ObjectNode webhookJson(ConversationWebhook w, String scope) {
        return scope == null ? TwilioJson.conversationWebhook(w) : TwilioJson.serviceConversationWebhook(w, scope);
    }

    private static <T> List<ObjectNode> map(List<T> items, Function<T, ObjectNode> render) {
        List<ObjectNode> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(render.apply(item));
        }
        return out;
    }

    // ------------------------------------------------------------------ responses

    private static RestResponse ok(ObjectNode body) {
        return new RestResponse(200, TwilioJson.write(body));
    }

    private static RestResponse created(ObjectNode body) {
        return new RestResponse(201, TwilioJson.write(body));
    }

    private static RestResponse noContent() {
        return new RestResponse(204, "");
    }

    private static RestResponse error(TwilioApiException e) {
        return new RestResponse(e.status(), TwilioJson.write(TwilioJson.error(e)));
    }

    private static TwilioApiException notFound(Call call) {
        return TwilioApiException.notFound(call.displayPath());
    }

    /** The page requested: its index from 0 and its size. */
    private record PageSpec(int page, int pageSize) {
    }

    /** One list page: the rows of the requested page under {@code key}, then the complete {@code meta}. */
    private static RestResponse page(Call call, String key, List<ObjectNode> rows, PageSpec spec, String... filters) {
        StringBuilder query = new StringBuilder();
        for (String name : filters) {
            for (String value : call.params.getOrDefault(name, List.of())) {
                query.append(PathCodec.formEncode(name)).append('=').append(PathCodec.formEncode(value)).append('&');
            }
        }
        String base = TwilioJson.ORIGIN + call.canonicalPath() + "?" + query + "PageSize=" + spec.pageSize() + "&Page=";
        long from = (long) spec.page() * spec.pageSize();
        int start = (int) Math.min(from, rows.size());
        int end = (int) Math.min(from + spec.pageSize(), rows.size());
        boolean hasNext = end < rows.size();

        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.putArray(key).addAll(rows.subList(start, end));
        ObjectNode meta = out.putObject("meta");
        meta.put("page", spec.page());
        meta.put("page_size", spec.pageSize());
        meta.put("first_page_url", base + 0);
        meta.put("previous_page_url", spec.page() > 0 ? base + (spec.page() - 1) : null);
        meta.put("url", base + spec.page());
        meta.put("next_page_url", hasNext ? base + (spec.page() + 1) : null);
        meta.put("key", key);
        return new RestResponse(200, TwilioJson.write(out));
    }

    // ------------------------------------------------------------------ the parsed request

    /** A request taken apart: upper-case method, decoded path segments, merged parameters, the webhook header. */
    private static final class Call {
        final String method;
        final String rawPath;
        final List<String> segments;
        final Map<String, List<String>> params;
        final boolean webhookEnabled;

        private Call(String method, String rawPath, List<String> segments, Map<String, List<String>> params,
                boolean webhookEnabled) {
            this.method = method;
            this.rawPath = rawPath;
            this.segments = segments;
            this.params = params;
            this.webhookEnabled = webhookEnabled;
        }

        static Call parse(String method, String path, Map<String, List<String>> params, Map<String, String> headers) {
            String m = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
            String p = path == null ? "" : path.trim();
            int scheme = p.indexOf("://");
            if (scheme >= 0) {
                int slash = p.indexOf('/', scheme + 3);
                p = slash < 0 ? "/" : p.substring(slash);
            }
            int hash = p.indexOf('#');
            if (hash >= 0) {
                p = p.substring(0, hash);
            }
            Map<String, List<String>> merged = new LinkedHashMap<>();
            int q = p.indexOf('?');
            if (q >= 0) {
                PathCodec.parseQuery(p.substring(q + 1), merged);
                p = p.substring(0, q);
            }
            if (params != null) {
                params.forEach((name, values) -> {
                    if (name != null && values != null) {
                        List<String> list = merged.computeIfAbsent(name, k -> new ArrayList<>());
                        for (String v : values) {
                            list.add(v == null ? "" : v);
                        }
                    }
                });
            }
            List<String> segments = new ArrayList<>();
            for (String part : p.split("/")) {
                if (!part.isEmpty()) {
                    segments.add(PathCodec.decodeSegment(part));
                }
            }
            boolean webhooks = false;
            if (headers != null) {
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    if (h.getKey() != null && h.getKey().trim().equalsIgnoreCase(WEBHOOK_ENABLED_HEADER)) {
                        webhooks = h.getValue() != null && h.getValue().trim().equalsIgnoreCase("true");
                    }
                }
            }
            return new Call(m, p, List.copyOf(segments), merged, webhooks);
        }

        boolean is(String m) {
            return method.equals(m);
        }

        void allow(String... methods) {
            for (String allowed : methods) {
                if (allowed.equals(method)) {
                    return;
                }
            }
            throw new TwilioApiException(20004, 405, "Method not allowed: " + (method.isEmpty() ? "[]" : method)
                    + " " + displayPath() + " takes " + String.join(", ", methods));
        }

        String param(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Copies every parameter into a typed request, by its Twilio name, and the webhook header. */
        <R extends ApiRequest<R>> R form(R request) {
            params.forEach(request::params);
            return request.webhookEnabled(webhookEnabled);
        }

        PageSpec page(int max) {
            int pageSize = Math.min(50, max);
            String size = param("PageSize");
            if (size != null) {
                pageSize = integer("PageSize", size, 1, max);
            }
            String page = param("Page");
            int index = page == null ? 0 : integer("Page", page, 0, Integer.MAX_VALUE);
            return new PageSpec(index, pageSize);
        }

        private static int integer(String name, String value, int min, int max) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw TwilioApiException.invalidParameter(name + " [" + value + "] is not an integer: expected "
                        + (max == Integer.MAX_VALUE ? "a whole number from " + min : "a whole number from " + min + " to " + max));
            }
            if (n < min || n > max) {
                throw TwilioApiException.invalidParameter(name + " [" + value + "] is out of range: expected "
                        + (max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max));
            }
            return n;
        }

        /** A date filter: an ISO-8601 instant, or a day (its start, or its end when {@code endOfDay}). */
        Instant date(String name, boolean endOfDay) {
            String value = param(name);
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeException notInstant) {
                try {
                    LocalDate day = LocalDate.parse(value);
                    return endOfDay
                            ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1)
                            : day.atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeException notDay) {
                    // not a date, or a day whose end Java cannot represent (+999999999-12-31)
                    throw TwilioApiException.invalidParameter(name + " [" + value
                            + "] is not an ISO-8601 date: expected like 2026-01-01T00:00:00Z or 2026-01-01");
                }
            }
        }

        /** The path as given, without the query string, for messages. */
        String displayPath() {
            return rawPath.isEmpty() ? "/" : rawPath;
        }

        /** The path re-encoded from its decoded segments, for page URLs. */
        String canonicalPath() {
            StringBuilder out = new StringBuilder();
            for (String segment : segments) {
                out.append('/').append(PathCodec.encodeSegment(segment));
            }
            return out.toString();
        }
    }
}
