package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.FuzzProperties.Param;
import dev.convsim.FuzzProperties.Role;
import dev.convsim.FuzzProperties.World;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.rest.RestDispatcher;
import dev.convsim.rest.RestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile REST requests against a {@link RestDispatcher} over a simulator that already holds conversations,
 * participants, a message, a conversation webhook, address configurations and global webhooks: garbage methods,
 * paths (real routes with junk SIDs, percent-encoding, query strings, long and Unicode values, random segments),
 * form parameters and headers. Every answer is a documented success or Twilio's error JSON with a 4xx status; the
 * dispatcher never throws and never answers 20500 (its catch-all for an unexpected exception); an error, and any GET,
 * changes nothing; and valid-shaped requests that succeed keep the invariants.
 */
class RestFuzzProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER = "+15005550001";
    private static final String MORE_INFO = "https://www.twilio.com/docs/errors/";

    private final FuzzProperties base = new FuzzProperties();

    // ------------------------------------------------------------------ generators

    /** A route of Twilio's Conversations v1 API (and a few it has but convsim does not serve), with slots. */
    private static final List<String> ROUTES = List.of("/v1/Conversations", "/v1/Conversations/{C}",
            "/v1/Conversations/{C}/Participants", "/v1/Conversations/{C}/Participants/{P}",
            "/v1/Conversations/{C}/Messages", "/v1/Conversations/{C}/Messages/{M}", "/v1/Conversations/{C}/Webhooks",
            "/v1/Conversations/{C}/Webhooks/{W}", "/v1/Services", "/v1/Services/{S}",
            "/v1/Services/{S}/Conversations", "/v1/Services/{S}/Conversations/{C}",
            "/v1/Services/{S}/Conversations/{C}/Participants", "/v1/Services/{S}/Conversations/{C}/Participants/{P}",
            "/v1/Services/{S}/Conversations/{C}/Messages/{M}", "/v1/Services/{S}/Conversations/{C}/Webhooks/{W}",
            "/v1/Services/{S}/ParticipantConversations", "/v1/Services/{S}/Configuration/Webhooks",
            "/v1/Configuration", "/v1/Configuration/Webhooks", "/v1/Configuration/Addresses",
            "/v1/Configuration/Addresses/{A}", "/v1/ParticipantConversations",
            "/v1/Conversations/{C}/Messages/{M}/Receipts", "/v1/Services/{S}/Configuration",
            "/v1/Services/{S}/Users", "/v1/Roles", "/v1/Credentials", "/v2/Conversations", "/v1", "/", "");

    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "get", "Post", " DELETE ", "PUT",
            "PATCH", "HEAD", "OPTIONS", "CONNECT", "", "G E T", "POST\n", "GËT");

    /** Query and list parameters the dispatcher reads itself, besides the form names of the API. */
    private static final List<String> QUERY_NAMES = List.of("PageSize", "Page", "State", "StartDate", "EndDate",
            "Order", "Type", "Identity", "Address", "FriendlyName", "PageToken");

    /** Values that probe numbers, dates and encodings. */
    private static final List<String> SHARP_VALUES = List.of("0", "-0", "1", "-1", "5", "50", "51", "100", "101",
            " 5 ", "5.0", "1e3", "0x10", "+5", "١٢", "2147483647", "2147483648", "-2147483649",
            "99999999999999999999", "2026-01-01", "2026-13-01", "2026-02-30", "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00+01:00", "+999999999-12-31", "-999999999-01-01", "+1000000000-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z", "asc", "desc", "ASC", "sms", "whatsapp", "chat", "active", "closed",
            "%", "%zz", "%E2%82", "%00", "%2F", "a&b=c", "=", "&&", "#", "?", "/", "..", "\\", "%25", "+");

    @Provide
    Arbitrary<String> values() {
        // garbage's long strings are slow to generate: many values per request take the cheaper mix
        return Arbitraries.frequencyOf(Tuple.of(1, base.garbage()), Tuple.of(3, Arbitraries.of(SHARP_VALUES)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
    }

    /** A method: mostly Twilio's, sometimes odd spellings, garbage or null. */
    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("GET", "POST", "DELETE")),
                Tuple.of(2, Arbitraries.of(METHODS)), Tuple.of(1, base.garbage()));
    }

    /** How a slot of a route is filled. */
    enum Fill { OWN, OWN_PERCENT_ENCODED, OWN_LOWER_CASE, OTHER_ROLE, GARBAGE, GARBAGE_RAW_PERCENT }

    /** What is done to the path after the slots are filled. */
    enum Twist {
        NONE, TRAILING_SLASH, DOUBLE_SLASHES, QUERY, QUERY_RAW, FULL_URL, OTHER_HOST, FRAGMENT, UPPER_CASE,
        LOWER_CASE, EXTRA_SEGMENT, DROP_LAST_SEGMENT, DOT_SEGMENTS, BACKSLASHES, NUL, LONG, SURROUNDING_SPACES
    }

    /** One hostile request, built against the world of the try. */
    record Hostile(String method, int route, List<Fill> fills, List<Integer> picks, List<String> junk, Twist twist,
            List<Param> query, List<Param> form, Map<String, String> headers, boolean nullForm) {

        String path(Map<Role, List<String>> ids) {
            String template = ROUTES.get(route);
            StringBuilder out = new StringBuilder();
            int slot = 0;
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '{') {
                    Role role = switch (template.charAt(i + 1)) {
                        case 'C' -> Role.CONVERSATION;
                        case 'P' -> Role.PARTICIPANT;
                        case 'M' -> Role.MESSAGE;
                        case 'W' -> Role.WEBHOOK;
                        case 'S' -> Role.SERVICE;
                        default -> Role.ADDRESS_CONFIGURATION;
                    };
                    out.append(fill(ids, role, slot++));
                    i += 2;
                } else {
                    out.append(c);
                }
            }
            return twist(out.toString());
        }

        private String fill(Map<Role, List<String>> ids, Role role, int slot) {
            Fill how = fills.get(slot % fills.size());
            int pick = picks.get(slot % picks.size());
            String junkValue = junk.get(slot % junk.size());
            String junkText = junkValue == null ? "null" : junkValue;
            List<String> own = ids.get(role);
            String id = own.get(pick % own.size());
            return switch (how) {
                case OWN -> id;
                case OWN_PERCENT_ENCODED -> percentEncodeAll(id);
                case OWN_LOWER_CASE -> id.toLowerCase(Locale.ROOT);
                case OTHER_ROLE -> {
                    List<String> all = new ArrayList<>();
                    ids.values().forEach(all::addAll);
                    yield all.get(pick % all.size());
                }
                case GARBAGE -> URLEncoder.encode(junkText, StandardCharsets.UTF_8);
                case GARBAGE_RAW_PERCENT -> junkText;
            };
        }

        private String twist(String path) {
            String junkText = String.valueOf(junk.get(0));
            return switch (twist) {
                case NONE -> path;
                case TRAILING_SLASH -> path + "/";
                case DOUBLE_SLASHES -> path.replace("/", "//");
                case QUERY -> path + "?" + queryString(true);
                case QUERY_RAW -> path + "?" + queryString(false);
                case FULL_URL -> "https://conversations.twilio.com" + path + "?" + queryString(true);
                case OTHER_HOST -> "http://127.0.0.1:1" + path;
                case FRAGMENT -> path + "#" + junkText;
                case UPPER_CASE -> path.toUpperCase(Locale.ROOT);
                case LOWER_CASE -> path.toLowerCase(Locale.ROOT);
                case EXTRA_SEGMENT -> path + "/" + URLEncoder.encode(junkText, StandardCharsets.UTF_8);
                case DROP_LAST_SEGMENT -> path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : path;
                case DOT_SEGMENTS -> path.replace("/v1/", "/v1/./x/../");
                case BACKSLASHES -> path.replace('/', '\\');
                case NUL -> path + "\u0000";
                case LONG -> path + "/" + "x".repeat(5000);
                case SURROUNDING_SPACES -> "  " + path + " \t";
            };
        }

        private String queryString(boolean encoded) {
            StringBuilder out = new StringBuilder();
            for (Param p : query) {
                for (String v : p.values()) {
                    String name = String.valueOf(p.name());
                    String value = String.valueOf(v);
                    if (encoded) {
                        name = URLEncoder.encode(name, StandardCharsets.UTF_8);
                        value = URLEncoder.encode(value, StandardCharsets.UTF_8);
                    }
                    out.append(name).append('=').append(value).append('&');
                }
            }
            return out.toString();
        }

        Map<String, List<String>> params() {
            if (nullForm) {
                return null;
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Param p : form) {
                // a null name, and null values inside a list, are what a careless caller could hand over
                out.computeIfAbsent(p.name(), k -> new ArrayList<>()).addAll(p.values());
            }
            return out;
        }
    }

    private static String percentEncodeAll(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<Param>> queries() {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(QUERY_NAMES)),
                Tuple.of(1, base.garbage()));
        return Combinators.combine(name, values().list().ofMinSize(1).ofMaxSize(2)).as(Param::new).list()
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Param>> forms() {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(formNames())),
                Tuple.of(2, Arbitraries.of(QUERY_NAMES)), Tuple.of(1, base.garbage()));
        return Combinators.combine(name, values().list().ofMinSize(1).ofMaxSize(3)).as(Param::new).list()
                .ofMaxSize(6);
    }

    private static List<String> formNames() {
        return List.of("FriendlyName", "UniqueName", "Attributes", "State", "Timers.Inactive", "Timers.Closed",
                "MessagingServiceSid", "DateCreated", "DateUpdated", "Identity", "MessagingBinding.Address",
                "MessagingBinding.ProxyAddress", "MessagingBinding.ProjectedAddress", "RoleSid", "Author", "Body",
                "MediaSid", "Type", "Address", "AutoCreation.Enabled", "AutoCreation.Type",
                "AutoCreation.ConversationServiceSid", "AutoCreation.WebhookUrl", "AutoCreation.WebhookMethod",
                "AutoCreation.WebhookFilters", "AutoCreation.StudioFlowSid", "AutoCreation.StudioRetryCount",
                "DefaultChatServiceSid", "DefaultMessagingServiceSid", "DefaultInactiveTimer", "DefaultClosedTimer",
                "PreWebhookUrl", "PostWebhookUrl", "Method", "Filters", "Target", "Configuration.Url",
                "Configuration.Method", "Configuration.Filters", "Configuration.Triggers", "Configuration.FlowSid",
                "Configuration.ReplayAfter", "LastReadMessageIndex", "LastReadTimestamp");
    }

    @Provide
    Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(RestDispatcher.WEBHOOK_ENABLED_HEADER, "x-twilio-webhook-enabled",
                        " X-Twilio-Webhook-Enabled ", "Content-Type", "Accept", "I-Twilio-Idempotency-Token")),
                Tuple.of(1, base.garbage()));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("true", "TRUE", " true ", "false", "1", "yes", "", "application/json")),
                Tuple.of(1, base.garbage()));
        return Arbitraries.maps(name, value).ofMaxSize(3).injectNull(0.05);
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        Arbitrary<List<Fill>> fills = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Fill.OWN)),
                Tuple.of(3, Arbitraries.of(Fill.class))).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<String>> junk = values().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Twist> twist = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Twist.NONE)),
                Tuple.of(6, Arbitraries.of(Twist.class)));
        Arbitrary<Integer> route = Arbitraries.integers().between(0, ROUTES.size() - 1);
        Arbitrary<Tuple.Tuple4<List<Param>, List<Param>, Map<String, String>, Boolean>> request = Combinators.combine(
                queries(), forms(), headers(), Arbitraries.of(false, false, false, true)).as(Tuple::of);
        return Combinators.combine(methods(), route, fills, picks, junk, twist, request).as((m, r, f, p, j, t, q) ->
                new Hostile(m, r, f, p, j, t, q.get1(), q.get2(), q.get3(), q.get4()));
    }

    /** Paths that follow no route: random segments, random text, Unicode, huge. */
    @Provide
    Arbitrary<String> randomPaths() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("v1", "Conversations", "Participants",
                        "Messages", "Webhooks", "Services", "Configuration", "Addresses", "ParticipantConversations",
                        "CH00000000000000000000000000000001", "MB00000000000000000000000000000001", "%", "%2F", ".",
                        "..", "😀", "\uD800", "?", "?Page=-1", "#"),
                Arbitraries.strings().ofMaxLength(12));
        return Arbitraries.oneOf(segment.list().ofMaxSize(8).map(s -> "/" + String.join("/", s)),
                base.garbage(), Arbitraries.strings().ofMinLength(1).ofMaxLength(3000));
    }

    // ------------------------------------------------------------------ the world and the checks

    /** The world of {@link FuzzProperties}, plus global webhooks, so webhook-enabled calls deliver and journal. */
    static World restWorld() {
        World w = FuzzProperties.world();
        w.sim().api().updateGlobalWebhooks(new WebhookConfigurationRequest()
                .preWebhookUrl("https://svc.example.com/pre").postWebhookUrl("https://svc.example.com/post")
                .method("POST").filters("onConversationAdd", "onConversationAdded", "onParticipantAdded",
                        "onMessageAdd", "onMessageAdded", "onConversationRemoved", "onParticipantRemoved",
                        "onMessageUpdated", "onConversationUpdated"));
        return w;
    }

    /**
     * Sends one request and checks its answer: a documented success, or Twilio's error JSON with a 4xx status and a
     * code other than 20500 that changed nothing. A GET changes nothing either way. Returns the answer.
     */
    static RestResponse answersAsDocumented(ConversationsSimulator sim, RestDispatcher dispatcher, String method,
            String path, Map<String, List<String>> params, Map<String, String> headers) {
        String journalBefore = sim.journalText();
        String stateBefore = FuzzProperties.state(sim);
        RestResponse r = dispatcher.handle(method, path, params, headers);
        String request = method + " " + path + " " + params + " " + headers;
        assertThat(r).as(request).isNotNull();
        int status = r.status();
        String canonical = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
        if (status == 204) {
            assertThat(canonical).as(request).isEqualTo("DELETE");
            assertThat(r.body()).as(request).isEmpty();
        } else if (status == 200 || status == 201) {
            assertThat(canonical).as(request).isIn(status == 201 ? List.of("POST") : List.of("GET", "POST"));
            assertThat(json(r.body()).isObject()).as(request).isTrue();
        } else {
            assertThat(status).as("status of %s: %s", request, r.body()).isBetween(400, 499);
            JsonNode error = json(r.body());
            assertThat(error.isObject()).as(request).isTrue();
            List<String> fields = new ArrayList<>();
            error.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(request).containsExactly("code", "message", "more_info", "status");
            assertThat(error.get("code").isInt()).as(request).isTrue();
            int code = error.get("code").asInt();
            assertThat(code).as("code of %s: %s", request, r.body()).isPositive().isNotEqualTo(20500);
            assertThat(error.get("status").asInt()).as(request).isEqualTo(status);
            assertThat(error.get("more_info").asText()).as(request).isEqualTo(MORE_INFO + code);
            assertThat(error.get("message").isTextual()).as(request).isTrue();
            assertThat(error.get("message").asText()).as(request).isNotBlank();
        }
        if (status >= 400 || canonical.equals("GET")) {
            assertThat(sim.journalText()).as("journal after %s answered %s", request, status).isEqualTo(journalBefore);
            assertThat(FuzzProperties.state(sim)).as("state after %s answered %s", request, status)
                    .isEqualTo(stateBefore);
        }
        sim.verifyInvariants();
        return r;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static void label(RestResponse r) {
        Statistics.label("status").collect(r.status() >= 400 ? "error" : "success");
    }

    // ------------------------------------------------------------------ properties

    @Provide
    Arbitrary<List<Hostile>> hostileSequences() {
        return hostile().list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void hostileRequestsGetADocumentedAnswerAndAnErrorChangesNothing(
            @ForAll("hostileSequences") List<Hostile> requests) {
        World w = restWorld();
        RestDispatcher dispatcher = new RestDispatcher(w.sim());
        for (Hostile h : requests) {
            label(answersAsDocumented(w.sim(), dispatcher, h.method(), h.path(w.ids()), h.params(), h.headers()));
        }
    }

    @Property(tries = 200)
    void pathsThatFollowNoRouteGetADocumentedAnswer(@ForAll("methods") String method,
            @ForAll("randomPaths") String path, @ForAll("forms") List<Param> form,
            @ForAll("headers") Map<String, String> headers) {
        World w = restWorld();
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach(p -> params.computeIfAbsent(p.name(), k -> new ArrayList<>()).addAll(p.values()));
        label(answersAsDocumented(w.sim(), new RestDispatcher(w.sim()), method, path, params, headers));
    }

    // ------------------------------------------------------------------ real names, junk values of their type

    /** What a parameter holds, so its junk can sit just beside the valid values. */
    enum Kind { INT, DATE, DURATION, ENUM, SID, ADDRESS, URL, METHOD, EVENT, BOOL, JSON, TEXT }

    private static final Map<Kind, List<String>> JUNK = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.INT, List.of("0", "-1", "1", "3", "4", "5", "50", "51", "100", "101", " 5 ", "5.0", "1e3",
                    "+5", "١٢", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "")),
            Map.entry(Kind.DATE, List.of("2026-01-01", "2026-01-01T00:00:00Z", "2026-13-01", "2026-02-30",
                    "2026-01-01T00:00:00+01:00", "+999999999-12-31", "-999999999-01-01",
                    "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "0000-01-01",
                    "9999-12-31T23:59:59.999999999Z", "")),
            Map.entry(Kind.DURATION, List.of("PT1M", "PT59S", "PT10M", "PT0S", "P1D", "-PT1M", "PT-1M", "P365D",
                    "P36500D", "P99999999999D", "PT2562047788015215H", "PT9223372036854775807S", "P106751991167300D",
                    "PT1M0.000000001S", "P1DT1S", "")),
            Map.entry(Kind.ENUM, List.of("active", "ACTIVE", "inactive", "closed", "initializing", "asc", "desc",
                    "sms", "whatsapp", "chat", "webhook", "studio", "trigger", "default", "")),
            Map.entry(Kind.SID, List.of("IS00000000000000000000000000000001", "IS00000000000000000000000000000002",
                    "IS00000000000000000000000000000009", "MG00000000000000000000000000000001",
                    "FW00000000000000000000000000000001", "RL00000000000000000000000000000001",
                    "ME00000000000000000000000000000001", "CH00000000000000000000000000000001",
                    "IS0000000000000000000000000000000A", "is00000000000000000000000000000001", "IS1", "")),
            Map.entry(Kind.ADDRESS, List.of("+15551230001", "+15551230002", "+15551239999", NUMBER,
                    "whatsapp:+15551230001", "whatsapp:" + NUMBER, "+1", "+0123", "+1555123000123456789",
                    "messenger:123", "null", "")),
            Map.entry(Kind.URL, List.of("https://svc.example.com/hook", "http://svc.example.com/x", "ftp://x",
                    "https://", "https://svc.example.com/" + "p".repeat(3000), "javascript:alert(1)",
                    "https://exa mple.com", "")),
            Map.entry(Kind.METHOD, List.of("GET", "POST", "get", "PUT", "")),
            Map.entry(Kind.EVENT, List.of("onMessageAdded", "onmessageadded", "onMessageAdd", "onConversationAdd",
                    "onMessageAdded,onConversationAdded", ",", "onUserAdded", "")),
            Map.entry(Kind.BOOL, List.of("true", "false", "TRUE", "1", "yes", "")),
            Map.entry(Kind.JSON, List.of("{}", "[]", "null", "{\"a\":", "\"x\"", "1",
                    "[".repeat(3000) + "]".repeat(3000), "{\"n\":1e999999}")),
            Map.entry(Kind.TEXT, List.of("alice@example.com", "known", "order-1", "", " ", "x".repeat(300)))));

    private static final Map<String, Kind> LIST_PARAMS = Map.of("PageSize", Kind.INT, "Page", Kind.INT);
    private static final Map<String, Kind> CONVERSATION_PARAMS = Map.of("FriendlyName", Kind.TEXT, "UniqueName",
            Kind.TEXT, "Attributes", Kind.JSON, "State", Kind.ENUM, "Timers.Inactive", Kind.DURATION, "Timers.Closed",
            Kind.DURATION, "MessagingServiceSid", Kind.SID, "DateCreated", Kind.DATE, "DateUpdated", Kind.DATE);
    private static final Map<String, Kind> WEBHOOK_PARAMS = Map.of("Target", Kind.ENUM, "Configuration.Url",
            Kind.URL, "Configuration.Method", Kind.METHOD, "Configuration.Filters", Kind.EVENT,
            "Configuration.Triggers", Kind.TEXT, "Configuration.FlowSid", Kind.SID, "Configuration.ReplayAfter",
            Kind.INT);
    private static final Map<String, Kind> SCOPE_WEBHOOK_PARAMS = Map.of("PreWebhookUrl", Kind.URL,
            "PostWebhookUrl", Kind.URL, "Method", Kind.METHOD, "Filters", Kind.EVENT, "Target", Kind.ENUM);
    private static final Map<String, Kind> ADDRESS_PARAMS = Map.ofEntries(Map.entry("Type", Kind.ENUM),
            Map.entry("Address", Kind.ADDRESS), Map.entry("FriendlyName", Kind.TEXT),
            Map.entry("AutoCreation.Enabled", Kind.BOOL), Map.entry("AutoCreation.Type", Kind.ENUM),
            Map.entry("AutoCreation.ConversationServiceSid", Kind.SID), Map.entry("AutoCreation.WebhookUrl", Kind.URL),
            Map.entry("AutoCreation.WebhookMethod", Kind.METHOD), Map.entry("AutoCreation.WebhookFilters", Kind.EVENT),
            Map.entry("AutoCreation.StudioFlowSid", Kind.SID), Map.entry("AutoCreation.StudioRetryCount", Kind.INT));

    /** A route and the parameters Twilio's API reads on it, with their kinds. */
    record Endpoint(String method, String route, Map<String, Kind> params) {
    }

    private static Map<String, Kind> merge(Map<String, Kind> a, Map<String, Kind> b) {
        Map<String, Kind> out = new LinkedHashMap<>(a);
        out.putAll(b);
        return out;
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/v1/Conversations", merge(LIST_PARAMS, Map.of("State", Kind.ENUM, "StartDate",
                    Kind.DATE, "EndDate", Kind.DATE))),
            new Endpoint("GET", "/v1/Services/{S}/Conversations", merge(LIST_PARAMS, Map.of("State", Kind.ENUM,
                    "StartDate", Kind.DATE, "EndDate", Kind.DATE))),
            new Endpoint("POST", "/v1/Conversations", CONVERSATION_PARAMS),
            new Endpoint("POST", "/v1/Conversations/{C}", CONVERSATION_PARAMS),
            new Endpoint("POST", "/v1/Services/{S}/Conversations", CONVERSATION_PARAMS),
            new Endpoint("GET", "/v1/Conversations/{C}/Participants", LIST_PARAMS),
            new Endpoint("POST", "/v1/Conversations/{C}/Participants", Map.of("Identity", Kind.TEXT,
                    "MessagingBinding.Address", Kind.ADDRESS, "MessagingBinding.ProxyAddress", Kind.ADDRESS,
                    "MessagingBinding.ProjectedAddress", Kind.ADDRESS, "Attributes", Kind.JSON, "RoleSid", Kind.SID,
                    "DateCreated", Kind.DATE, "DateUpdated", Kind.DATE)),
            new Endpoint("POST", "/v1/Conversations/{C}/Participants/{P}", Map.of("Identity", Kind.TEXT,
                    "Attributes", Kind.JSON, "RoleSid", Kind.SID, "LastReadMessageIndex", Kind.INT,
                    "LastReadTimestamp", Kind.DATE, "MessagingBinding.ProxyAddress", Kind.ADDRESS, "DateUpdated",
                    Kind.DATE)),
            new Endpoint("GET", "/v1/Conversations/{C}/Messages", merge(LIST_PARAMS, Map.of("Order", Kind.ENUM))),
            new Endpoint("POST", "/v1/Conversations/{C}/Messages", Map.of("Author", Kind.TEXT, "Body", Kind.TEXT,
                    "Attributes", Kind.JSON, "MediaSid", Kind.SID, "DateCreated", Kind.DATE, "DateUpdated",
                    Kind.DATE)),
            new Endpoint("POST", "/v1/Conversations/{C}/Messages/{M}", Map.of("Author", Kind.TEXT, "Body", Kind.TEXT,
                    "Attributes", Kind.JSON, "DateCreated", Kind.DATE, "DateUpdated", Kind.DATE)),
            new Endpoint("GET", "/v1/Conversations/{C}/Webhooks", LIST_PARAMS),
            new Endpoint("POST", "/v1/Conversations/{C}/Webhooks", WEBHOOK_PARAMS),
            new Endpoint("POST", "/v1/Conversations/{C}/Webhooks/{W}", WEBHOOK_PARAMS),
            new Endpoint("POST", "/v1/Configuration", Map.of("DefaultChatServiceSid", Kind.SID,
                    "DefaultMessagingServiceSid", Kind.SID, "DefaultInactiveTimer", Kind.DURATION,
                    "DefaultClosedTimer", Kind.DURATION)),
            new Endpoint("POST", "/v1/Configuration/Webhooks", SCOPE_WEBHOOK_PARAMS),
            new Endpoint("POST", "/v1/Services/{S}/Configuration/Webhooks", SCOPE_WEBHOOK_PARAMS),
            new Endpoint("GET", "/v1/Configuration/Addresses", merge(LIST_PARAMS, Map.of("Type", Kind.ENUM))),
            new Endpoint("POST", "/v1/Configuration/Addresses", ADDRESS_PARAMS),
            new Endpoint("POST", "/v1/Configuration/Addresses/{A}", ADDRESS_PARAMS),
            new Endpoint("GET", "/v1/ParticipantConversations", merge(LIST_PARAMS, Map.of("Identity", Kind.TEXT,
                    "Address", Kind.ADDRESS))),
            new Endpoint("GET", "/v1/Services/{S}/ParticipantConversations", merge(LIST_PARAMS,
                    Map.of("Identity", Kind.TEXT, "Address", Kind.ADDRESS))),
            new Endpoint("GET", "/v1/Services", LIST_PARAMS),
            new Endpoint("POST", "/v1/Services", Map.of("FriendlyName", Kind.TEXT)));

    /** One parameter choice: which of the route's names, and which junk of its kind (or garbage when negative). */
    record Pick(int name, int value, String garbage) {
    }

    @Provide
    Arbitrary<List<Pick>> picks() {
        Arbitrary<Pick> one = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(-4, 99), base.garbage()).as(Pick::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Routes with their own SIDs; the slot letter names the role. */
    private static String route(String template, Map<Role, List<String>> ids, int which) {
        return template.replace("{C}", own(ids, Role.CONVERSATION, which))
                .replace("{P}", own(ids, Role.PARTICIPANT, which)).replace("{M}", own(ids, Role.MESSAGE, which))
                .replace("{W}", own(ids, Role.WEBHOOK, which)).replace("{S}", own(ids, Role.SERVICE, which))
                .replace("{A}", own(ids, Role.ADDRESS_CONFIGURATION, which));
    }

    private static String own(Map<Role, List<String>> ids, Role role, int which) {
        List<String> list = ids.get(role);
        return list.get(which % list.size());
    }

    /**
     * Twilio's parameter names with junk of their own kind (numbers beside the limits, dates and durations at the
     * edge of what Java can hold, near-miss enums and SIDs…), as form or query parameters. An accepted value must not
     * break what follows: an inbound message, a new conversation and the clock running on all answer as documented.
     */
    @Property(tries = 300)
    void realParameterNamesWithJunkOfTheirKindGetADocumentedAnswer(@ForAll("endpoints") Endpoint endpoint,
            @ForAll("picks") List<Pick> picks, @ForAll boolean inQuery, @ForAll("ids") int which,
            @ForAll boolean webhooks) {
        World w = restWorld();
        ConversationsSimulator sim = w.sim();
        RestDispatcher dispatcher = new RestDispatcher(sim);
        List<String> names = new ArrayList<>(endpoint.params().keySet());
        names.sort(null);
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Pick p : picks) {
            String name = names.get(p.name() % names.size());
            List<String> junk = JUNK.get(endpoint.params().get(name));
            String value = p.value() < 0 ? p.garbage() : junk.get(p.value() % junk.size());
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        String path = route(endpoint.route(), w.ids(), which);
        if (inQuery) {
            StringBuilder query = new StringBuilder();
            params.forEach((name, values) -> values.forEach(v -> query.append(URLEncoder.encode(name,
                    StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(String.valueOf(v),
                    StandardCharsets.UTF_8)).append('&')));
            path = path + "?" + query;
            params = Map.of();
        }
        RestResponse r = answersAsDocumented(sim, dispatcher, endpoint.method(), path, params,
                webhooks ? Map.of(RestDispatcher.WEBHOOK_ENABLED_HEADER, "true") : Map.of());
        label(r);
        if (r.status() < 300 && endpoint.method().equals("POST")) {
            // what was accepted is now stored: the engine must keep working with it
            FuzzProperties.worksOrFailsCleanly(sim, () -> sim.receive("+15551239998", NUMBER, "after"));
            answersAsDocumented(sim, dispatcher, "POST", "/v1/Conversations", Map.of("State", List.of("active")),
                    Map.of());
            FuzzProperties.worksOrFailsCleanly(sim, () -> sim.receive("+15551230001", NUMBER, "again"));
            sim.advance(Duration.ofDays(1));
            sim.verifyInvariants();
            sim.advance(Duration.ofDays(400));
            sim.verifyInvariants();
        }
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<Integer> ids() {
        return Arbitraries.integers().between(0, 9);
    }

    // ------------------------------------------------------------------ valid-shaped requests

    /** Requests a client of Twilio's API would plausibly send; some still fail (conflicts, deleted SIDs). */
    enum Op {
        CREATE_CONVERSATION, UPDATE_CONVERSATION, DELETE_CONVERSATION, FETCH_CONVERSATION, LIST_CONVERSATIONS,
        CREATE_PARTICIPANT, UPDATE_PARTICIPANT, DELETE_PARTICIPANT, LIST_PARTICIPANTS, CREATE_MESSAGE, UPDATE_MESSAGE,
        DELETE_MESSAGE, LIST_MESSAGES, CREATE_WEBHOOK, UPDATE_WEBHOOK, DELETE_WEBHOOK, LIST_WEBHOOKS, CREATE_SERVICE,
        DELETE_SERVICE, CREATE_SERVICE_CONVERSATION, LIST_SERVICE_CONVERSATIONS, CREATE_ADDRESS_CONFIGURATION,
        UPDATE_ADDRESS_CONFIGURATION, DELETE_ADDRESS_CONFIGURATION, LIST_ADDRESS_CONFIGURATIONS, UPDATE_CONFIGURATION,
        UPDATE_GLOBAL_WEBHOOKS, UPDATE_SERVICE_WEBHOOKS, PARTICIPANT_CONVERSATIONS, RECEIVE, ADVANCE
    }

    /** One valid-shaped step: an operation, choices for its SIDs and values, and the webhook header. */
    record Valid(Op op, List<Integer> choices, boolean webhooks) {

        private int choice(int i) {
            return choices.get(i % choices.size());
        }

        private String of(int i, List<String> options) {
            return options.get(choice(i) % options.size());
        }
    }

    @Provide
    Arbitrary<List<Valid>> validSequences() {
        Arbitrary<Valid> one = Combinators.combine(Arbitraries.of(Op.class),
                Arbitraries.integers().between(0, 99).list().ofSize(8), Arbitraries.of(true, false)).as(Valid::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    private static final List<String> CUSTOMERS = List.of("+15551230001", "+15551230002", "+15551230003",
            "+15551230004", "whatsapp:+15551230005", "+447700900123");
    private static final List<String> PROXIES = List.of(NUMBER, "+15005550002", "whatsapp:" + NUMBER);
    private static final List<String> IDENTITIES = List.of("alice@example.com", "bob@example.com", "worker-7");
    private static final List<String> NAMES = List.of("Support", "", "Ünïcödé 😀", "order-1", "x".repeat(256));
    private static final List<String> ATTRIBUTES = List.of("{}", "{\"topic\":\"billing\"}", "[]", "not json");
    private static final List<String> STATES = List.of("active", "inactive", "closed");
    private static final List<String> TIMERS = List.of("PT1M", "PT10M", "PT1H", "P1D", "PT0S");
    private static final List<String> EVENTS = List.of("onMessageAdded", "onConversationAdded",
            "onParticipantAdded", "onConversationRemoved", "onMessageUpdated", "onConversationStateUpdated");
    private static final List<String> URLS = List.of("https://svc.example.com/hook", "https://svc.example.com/pre",
            "https://other.example.com/x?y=1");

    private static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
            }
        }
        return out;
    }

    /** The value or null (left out), by a choice. */
    private static String maybe(int choice, String value) {
        return choice % 3 == 0 ? null : value;
    }

    @Property(tries = 200)
    void validShapedRequestsThatSucceedKeepTheInvariants(@ForAll("validSequences") List<Valid> steps) {
        World w = restWorld();
        ConversationsSimulator sim = w.sim();
        RestDispatcher dispatcher = new RestDispatcher(sim);
        Map<Role, List<String>> ids = new EnumMap<>(Role.class);
        w.ids().forEach((role, list) -> ids.put(role, new ArrayList<>(list)));
        for (Valid v : steps) {
            if (v.op() == Op.RECEIVE) {
                FuzzProperties.worksOrFailsCleanly(sim, () -> sim.receive(v.of(0, CUSTOMERS), v.of(1, PROXIES), "hi"));
                continue;
            }
            if (v.op() == Op.ADVANCE) {
                sim.advance(Duration.parse(v.of(0, TIMERS)));
                sim.verifyInvariants();
                continue;
            }
            String c = v.of(0, ids.get(Role.CONVERSATION));
            String p = v.of(1, ids.get(Role.PARTICIPANT));
            String m = v.of(2, ids.get(Role.MESSAGE));
            String wh = v.of(3, ids.get(Role.WEBHOOK));
            String s = v.of(4, ids.get(Role.SERVICE));
            String ac = v.of(5, ids.get(Role.ADDRESS_CONFIGURATION));
            int k = v.choice(6);
            int k2 = v.choice(7);
            String method;
            String path;
            Map<String, List<String>> params;
            switch (v.op()) {
                case CREATE_CONVERSATION, UPDATE_CONVERSATION, CREATE_SERVICE_CONVERSATION -> {
                    method = "POST";
                    path = switch (v.op()) {
                        case CREATE_CONVERSATION -> "/v1/Conversations";
                        case UPDATE_CONVERSATION -> "/v1/Conversations/" + c;
                        default -> "/v1/Services/" + s + "/Conversations";
                    };
                    params = form("FriendlyName", maybe(k, v.of(k2, NAMES)), "UniqueName",
                            maybe(k2, "order-" + k % 4), "Attributes", maybe(k + 1, v.of(k, ATTRIBUTES)), "State",
                            maybe(k + 2, v.of(k2, STATES)), "Timers.Inactive", maybe(k2 + 1, v.of(k, TIMERS)),
                            "Timers.Closed", maybe(k2 + 2, v.of(k2, TIMERS)));
                }
                case DELETE_CONVERSATION -> {
                    method = "DELETE";
                    path = "/v1/Conversations/" + c;
                    params = Map.of();
                }
                case FETCH_CONVERSATION -> {
                    method = "GET";
                    path = "/v1/Conversations/" + c;
                    params = Map.of();
                }
                case LIST_CONVERSATIONS, LIST_SERVICE_CONVERSATIONS -> {
                    method = "GET";
                    path = v.op() == Op.LIST_CONVERSATIONS ? "/v1/Conversations"
                            : "/v1/Services/" + s + "/Conversations";
                    params = form("State", maybe(k, v.of(k2, STATES)), "PageSize",
                            maybe(k2, String.valueOf(1 + k % 60)), "Page", maybe(k + 1, String.valueOf(k2 % 3)),
                            "StartDate", maybe(k + 2, "2026-01-01"),
                            "EndDate", maybe(k2 + 1, "2026-01-02T00:00:00Z"));
                }
                case CREATE_PARTICIPANT -> {
                    method = "POST";
                    path = "/v1/Conversations/" + c + "/Participants";
                    params = switch (k % 3) {
                        case 0 -> form("Identity", v.of(k2, IDENTITIES), "Attributes", maybe(k2, v.of(k, ATTRIBUTES)));
                        case 1 -> form("MessagingBinding.Address", v.of(k2, CUSTOMERS),
                                "MessagingBinding.ProxyAddress", maybe(k2 + 1, v.of(k, PROXIES)));
                        default -> form("Identity", v.of(k2, IDENTITIES), "MessagingBinding.ProjectedAddress",
                                v.of(k, PROXIES));
                    };
                }
                case UPDATE_PARTICIPANT -> {
                    method = "POST";
                    path = "/v1/Conversations/" + c + "/Participants/" + p;
                    params = form("Attributes", maybe(k, v.of(k2, ATTRIBUTES)), "LastReadMessageIndex",
                            maybe(k2, String.valueOf(k % 3)), "Identity", maybe(k + 1, v.of(k2, IDENTITIES)));
                }
                case DELETE_PARTICIPANT -> {
                    method = "DELETE";
                    path = "/v1/Conversations/" + c + "/Participants/" + p;
                    params = Map.of();
                }
                case LIST_PARTICIPANTS, LIST_MESSAGES, LIST_WEBHOOKS -> {
                    method = "GET";
                    String child = v.op() == Op.LIST_PARTICIPANTS ? "Participants"
                            : v.op() == Op.LIST_MESSAGES ? "Messages" : "Webhooks";
                    path = "/v1/Conversations/" + c + "/" + child;
                    params = form("PageSize", maybe(k, String.valueOf(1 + k2 % 5)), "Order",
                            v.op() == Op.LIST_MESSAGES ? maybe(k2, k % 2 == 0 ? "asc" : "desc") : null);
                }
                case CREATE_MESSAGE, UPDATE_MESSAGE -> {
                    method = "POST";
                    path = "/v1/Conversations/" + c + "/Messages" + (v.op() == Op.UPDATE_MESSAGE ? "/" + m : "");
                    params = form("Author", maybe(k, v.of(k2, IDENTITIES)), "Body", maybe(k2, v.of(k, NAMES)),
                            "Attributes", maybe(k + 1, v.of(k2, ATTRIBUTES)));
                }
                case DELETE_MESSAGE -> {
                    method = "DELETE";
                    path = "/v1/Conversations/" + c + "/Messages/" + m;
                    params = Map.of();
                }
                case CREATE_WEBHOOK, UPDATE_WEBHOOK -> {
                    method = "POST";
                    path = "/v1/Conversations/" + c + "/Webhooks" + (v.op() == Op.UPDATE_WEBHOOK ? "/" + wh : "");
                    params = switch (k % 3) {
                        case 0 -> form("Target", v.op() == Op.CREATE_WEBHOOK ? "webhook" : null, "Configuration.Url",
                                v.of(k2, URLS), "Configuration.Method", maybe(k2, k2 % 2 == 0 ? "GET" : "POST"),
                                "Configuration.Filters", v.of(k, EVENTS));
                        case 1 -> form("Target", v.op() == Op.CREATE_WEBHOOK ? "trigger" : null, "Configuration.Url",
                                v.of(k2, URLS), "Configuration.Triggers", "help");
                        default -> form("Target", v.op() == Op.CREATE_WEBHOOK ? "studio" : null,
                                "Configuration.FlowSid", "FW0000000000000000000000000000000" + (k2 % 10));
                    };
                }
                case DELETE_WEBHOOK -> {
                    method = "DELETE";
                    path = "/v1/Conversations/" + c + "/Webhooks/" + wh;
                    params = Map.of();
                }
                case CREATE_SERVICE -> {
                    method = "POST";
                    path = "/v1/Services";
                    params = form("FriendlyName", v.of(k, NAMES));
                }
                case DELETE_SERVICE -> {
                    method = "DELETE";
                    path = "/v1/Services/" + s;
                    params = Map.of();
                }
                case CREATE_ADDRESS_CONFIGURATION, UPDATE_ADDRESS_CONFIGURATION -> {
                    method = "POST";
                    boolean create = v.op() == Op.CREATE_ADDRESS_CONFIGURATION;
                    path = "/v1/Configuration/Addresses" + (create ? "" : "/" + ac);
                    String address = v.of(k, PROXIES);
                    params = form("Type", create ? (address.startsWith("whatsapp:") ? "whatsapp" : "sms") : null,
                            "Address", create ? address : null, "FriendlyName", maybe(k2, v.of(k2, NAMES)),
                            "AutoCreation.Enabled", maybe(k + 1, k2 % 2 == 0 ? "true" : "false"),
                            "AutoCreation.Type", maybe(k2 + 1, k % 2 == 0 ? "default" : "webhook"),
                            "AutoCreation.WebhookUrl", maybe(k2 + 2, v.of(k, URLS)),
                            "AutoCreation.ConversationServiceSid", maybe(k + 2, s));
                }
                case DELETE_ADDRESS_CONFIGURATION -> {
                    method = "DELETE";
                    path = "/v1/Configuration/Addresses/" + ac;
                    params = Map.of();
                }
                case LIST_ADDRESS_CONFIGURATIONS -> {
                    method = "GET";
                    path = "/v1/Configuration/Addresses";
                    params = form("Type", maybe(k, k2 % 2 == 0 ? "sms" : "whatsapp"));
                }
                case UPDATE_CONFIGURATION -> {
                    method = "POST";
                    path = "/v1/Configuration";
                    params = form("DefaultInactiveTimer", maybe(k, v.of(k2, TIMERS)), "DefaultClosedTimer",
                            maybe(k2, v.of(k, TIMERS)), "DefaultChatServiceSid", maybe(k + 1, s));
                }
                case UPDATE_GLOBAL_WEBHOOKS, UPDATE_SERVICE_WEBHOOKS -> {
                    method = "POST";
                    path = v.op() == Op.UPDATE_GLOBAL_WEBHOOKS ? "/v1/Configuration/Webhooks"
                            : "/v1/Services/" + s + "/Configuration/Webhooks";
                    params = form("PreWebhookUrl", maybe(k, v.of(k2, URLS)), "PostWebhookUrl",
                            maybe(k2, v.of(k, URLS)), "Method", maybe(k + 1, k2 % 2 == 0 ? "GET" : "POST"), "Filters",
                            maybe(k2 + 1, v.of(k, EVENTS)));
                }
                default -> {
                    method = "GET";
                    path = k2 % 2 == 0 ? "/v1/ParticipantConversations"
                            : "/v1/Services/" + s + "/ParticipantConversations";
                    params = k % 2 == 0 ? form("Identity", v.of(k2, IDENTITIES)) : form("Address", v.of(k2, CUSTOMERS));
                }
            }
            RestResponse r = answersAsDocumented(sim, dispatcher, method, path, params,
                    v.webhooks() ? Map.of(RestDispatcher.WEBHOOK_ENABLED_HEADER, "true") : Map.of());
            Statistics.label("outcome").collect(r.status() >= 400 ? "error" : "success");
            if (r.status() == 201) {
                remember(ids, json(r.body()).path("sid").asText());
            }
        }
        // most valid-shaped requests must succeed, or this property would test only errors
        Statistics.label("outcome").coverage(check -> check.check("success").percentage(p -> p >= 40));
    }

    /** A created resource's SID joins the SIDs later steps pick from. */
    private static void remember(Map<Role, List<String>> ids, String sid) {
        Role role = switch (sid.length() < 2 ? "" : sid.substring(0, 2)) {
            case "CH" -> Role.CONVERSATION;
            case "MB" -> Role.PARTICIPANT;
            case "IM" -> Role.MESSAGE;
            case "WH" -> Role.WEBHOOK;
            case "IS" -> Role.SERVICE;
            case "IG" -> Role.ADDRESS_CONFIGURATION;
            default -> null;
        };
        if (role != null) {
            ids.get(role).add(sid);
        }
    }
}
