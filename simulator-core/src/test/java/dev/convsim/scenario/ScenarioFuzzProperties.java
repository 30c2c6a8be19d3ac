package dev.convsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Malformed scenario files: random JSON, a valid scenario with values mutated to wrong types, out-of-range numbers,
 * bad durations, instants, SIDs and addresses, unknown or missing keys, and truncated or corrupted text. Each either
 * loads and runs (exit 0 or 1, every step error a documented one, the invariants holding), or fails with a
 * {@link ScenarioException} whose message starts with the JSON path of the problem, before anything ran.
 */
class ScenarioFuzzProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A JSON path as the reader writes it: {@code document}, {@code steps[3].receive.from}, {@code setup["a b"]}. */
    private static final Pattern JSON_PATH = Pattern.compile(
            "(document|[A-Za-z_][A-Za-z0-9_]*|\\[\".*\"])(\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+]|\\[\".*\"])*",
            Pattern.DOTALL);

    /** The exception types a step may fail with at run time (the runner reports them as an "error" result). */
    private static final List<String> DOCUMENTED_STEP_ERRORS = List.of("TwilioApiException",
            "IllegalArgumentException", "ScenarioException");

    /**
     * A valid scenario that touches every part of the format: every setup key, endpoints with every rule field, every
     * step kind and expectation. Every URL is https, so nothing is sent over the network whatever a mutation does.
     */
    static final String SEED = """
            {
              "name": "fuzz seed",
              "start": "2026-01-01T00:00:00Z",
              "setup": {
                "account": { "accountSid": "AC00000000000000000000000000000002", "authToken": "seed-token" },
                "options": { "webhookTimeout": "PT5S", "groupMmsEnabled": true, "groupParticipantLimit": 10,
                             "journalLimit": 1000, "poolSelection": "leastAssigned", "reactivationReason": "EVENT",
                             "autocreationPropagationDelay": "PT0S", "refusedConnection": "noAnswer" },
                "services": [
                  { "friendlyName": "Main",
                    "webhooks": { "postWebhookUrl": "https://svc.example.com/service", "filters": ["onMessageAdded"] } },
                  { "sid": "IS00000000000000000000000000000042", "friendlyName": "Second" } ],
                "globalWebhooks": { "preWebhookUrl": "https://svc.example.com/pre",
                                    "postWebhookUrl": "https://svc.example.com/post", "method": "POST",
                                    "filters": ["onConversationAdd", "onConversationAdded", "onMessageAdded"] },
                "defaults": { "inactiveTimer": "PT30M", "closedTimer": "P1D" },
                "messagingServices": [
                  { "sid": "MG00000000000000000000000000000001", "friendlyName": "Pool", "senders": ["+15005550002"],
                    "autocreateConversations": true, "inboundRequestUrl": "https://svc.example.com/ms" } ],
                "phoneNumbers": [ { "number": "+15005550003", "smsUrl": "https://legacy.example.com/sms" } ],
                "addressConfigurations": [
                  { "address": "+15005550001", "type": "sms", "friendlyName": "Main line",
                    "autoCreation": { "enabled": true, "type": "webhook",
                                      "conversationServiceSid": "IS00000000000000000000000000000042",
                                      "webhookUrl": "https://svc.example.com/scoped", "webhookMethod": "POST",
                                      "webhookFilters": ["onMessageAdded"] } },
                  { "address": "whatsapp:+15005550001", "type": "whatsapp",
                    "autoCreation": { "enabled": true, "type": "studio",
                                      "studioFlowSid": "FW00000000000000000000000000000001", "studioRetryCount": 1 } } ],
                "routing": { "mode": "pool", "workers": [ { "identity": "alice@example.com", "available": true },
                                                          { "identity": "bob@example.com", "available": false } ] }
              },
              "endpoints": {
                "https://svc.example.com/pre": [
                  { "match": { "EventType": "onConversationAdd" }, "status": 200, "body": { "friendly_name": "Customer" } },
                  { "status": 200 } ],
                "https://svc.example.com/post": [ { "status": 500 } ],
                "https://svc.example.com/scoped": [ { "match": { "EventType": "onMessageAdded" }, "timeout": true } ],
                "https://svc.example.com/ms": [
                  { "status": 200, "body": "OK",
                    "calls": [ { "method": "GET", "path": "/v1/Conversations", "params": { "PageSize": 5 } } ] } ]
              },
              "steps": [
                { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "Hi" },
                  "expect": { "outcome": "autocreated", "conversationSid": "CH00000000000000000000000000000001" } },
                { "note": "a group MMS",
                  "receive": { "from": "+15551230002", "to": "+15005550001", "body": "Group",
                               "otherRecipients": ["+15551230003"],
                               "media": [ { "contentType": "image/jpeg", "filename": "a.jpg" } ] } },
                { "receive": { "from": "whatsapp:+15551230001", "to": "whatsapp:+15005550001", "body": "Hola" } },
                { "receive": { "from": "+15551230004", "to": "+15005550002", "body": "via the service" } },
                { "receive": { "from": "+15551230004", "to": "+15005550003", "body": "legacy" } },
                { "advance": "PT31M", "expect": { "state": { "CH00000000000000000000000000000001": "inactive" } } },
                { "rest": { "method": "POST", "path": "/v1/Conversations",
                            "params": { "FriendlyName": "By REST", "State": "active", "Timers.Inactive": "PT5M" },
                            "headers": { "X-Twilio-Webhook-Enabled": "true" } },
                  "expect": { "status": 201 } },
                { "rest": { "method": "GET", "path": "/v1/Conversations/CH00000000000000000000000000000099" },
                  "expect": { "status": 404, "errorCode": 20404 } },
                { "rest": { "method": "POST",
                            "path": "/v1/Services/IS00000000000000000000000000000042/Conversations/CH00000000000000000000000000000001/Participants",
                            "params": { "Identity": "carol@example.com", "Attributes": ["{}"] } },
                  "expect": { "status": 201, "errorCode": null } },
                { "rest": { "method": "GET", "path": "/v1/Conversations/CH00000000000000000000000000000001" },
                  "expect": { "status": 404, "errorCode": 20404 } },
                { "worker": { "identity": "bob@example.com", "available": true } },
                { "configure": {
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms",
                                                 "autoCreation": { "enabled": false } } ],
                    "messagingServices": [ { "sid": "MG00000000000000000000000000000001",
                                             "senders": ["+15005550002", "+15005550004"],
                                             "autocreateConversations": false } ],
                    "phoneNumbers": [ { "number": "+15005550003" } ] } },
                { "advance": "P2D", "expect": { "webhooks": [] } }
              ]
            }
            """;

    // ------------------------------------------------------------------ the check

    /** Loads and runs the text; it runs to a result, or fails as documented with nothing run. */
    static void loadsAndRunsOrFailsWithAPath(String text) {
        Scenario scenario;
        try {
            scenario = Scenario.parse(text);
        } catch (ScenarioException e) {
            isDocumented(e);
            Statistics.label("outcome").collect("rejected on load");
            return;
        }
        runsOrFailsWithAPath(scenario);
    }

    private static void runsOrFailsWithAPath(Scenario scenario) {
        List<String> written = new ArrayList<>();
        ScenarioResult result;
        try {
            result = scenario.run(written::add);
        } catch (ScenarioException e) {
            isDocumented(e);
            assertThat(written).as("trace lines written before the setup was refused").isEmpty();
            Statistics.label("outcome").collect("setup refused");
            return;
        }
        assertThat(result.traceLines()).isEqualTo(written);
        assertThat(result.exitCode()).isIn(0, 1);
        for (JsonNode line : result.lines("result")) {
            JsonNode error = line.path("error");
            if (!error.isMissingNode()) {
                assertThat(error.path("message").asText()).as("step error %s", error).isNotBlank();
                assertThat(error.path("exception").asText()).as("step error %s", error).isIn(DOCUMENTED_STEP_ERRORS);
            }
        }
        result.simulator().verifyInvariants();
        Statistics.label("outcome").collect("ran, exit " + result.exitCode());
    }

    private static void isDocumented(ScenarioException e) {
        assertThat(e.getClass()).isEqualTo(ScenarioException.class);
        assertThat(e.path()).as(e.getMessage()).matches(JSON_PATH);
        assertThat(e.getMessage()).startsWith(e.path() + ": ");
        assertThat(e.problem()).as(e.getMessage()).isNotBlank();
    }

    // ------------------------------------------------------------------ generators

    /** Values beside the valid ones: wrong types, edges of numbers, durations, instants, SIDs, addresses, URLs. */
    private static final List<JsonNode> JUNK = List.of(NODES.numberNode(0), NODES.numberNode(-1),
            NODES.numberNode(1), NODES.numberNode(3.5), NODES.numberNode(2_147_483_648L),
            NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigInteger("99999999999999999999999")),
            NODES.numberNode(new BigDecimal("1e400")), NODES.booleanNode(true), NODES.booleanNode(false),
            NODES.nullNode(), NODES.textNode(""), NODES.textNode(" "), NODES.textNode("x"), NODES.arrayNode(),
            NODES.objectNode(), NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.textNode("PT"),
            NODES.textNode("P-1D"), NODES.textNode("-PT5M"), NODES.textNode("PT0S"), NODES.textNode("P36501D"),
            NODES.textNode("PT2562047788015215H"), NODES.textNode("P106751991167300D"), NODES.textNode("1 hour"),
            NODES.textNode("+1000000000-12-31T23:59:59Z"), NODES.textNode("9999-12-31T23:59:59Z"),
            NODES.textNode("-1000000000-01-01T00:00:00Z"), NODES.textNode("2026-13-01T00:00:00Z"),
            NODES.textNode("CH1"), NODES.textNode("IS00000000000000000000000000000001"),
            NODES.textNode("is00000000000000000000000000000042"), NODES.textNode("MG00000000000000000000000000000009"),
            NODES.textNode("555"), NODES.textNode("+1"), NODES.textNode("whatsapp:+1555"),
            NODES.textNode("+15005550001"), NODES.textNode("whatsapp:+15005550001"), NODES.textNode("ftp://x"),
            NODES.textNode("https://"), NODES.textNode("GET"), NODES.textNode("PUT"), NODES.textNode("sms"),
            NODES.textNode("studio"), NODES.textNode("custom"), NODES.textNode("onMessageAdded"),
            NODES.textNode("alice@example.com"), NODES.textNode("😀\u0000\uD800"), NODES.textNode("x".repeat(1700)),
            NODES.numberNode(99), NODES.numberNode(600), NODES.numberNode(100), NODES.numberNode(2),
            NODES.numberNode(4));

    /** Junk that sits just beside a value of the same kind as the one it replaces. */
    private static List<JsonNode> junkLike(JsonNode original) {
        if (original.isNumber()) {
            return List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(3), NODES.numberNode(4),
                    NODES.numberNode(99), NODES.numberNode(600), NODES.numberNode(1.5), NODES.numberNode(2_147_483_647),
                    NODES.numberNode(2_147_483_648L), NODES.numberNode(new BigDecimal("1e400")),
                    NODES.numberNode(new BigInteger("-99999999999999999999999")), NODES.textNode("5"));
        }
        if (!original.isTextual()) {
            return JUNK;
        }
        String text = original.asText();
        List<String> like;
        if (text.matches("-?P.*")) {
            like = List.of("PT", "P-1D", "-PT5M", "PT0S", "PT1S", "P36500D", "P36501D", "PT2562047788015215H",
                    "P106751991167300D", "PT9223372036854775807S", "PT0.000000001S", "1 hour", "P1Y", "pt5m");
        } else if (text.matches("\\d{4}-.*")) {
            like = List.of("+1000000000-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "10000-01-01T00:00:00Z",
                    "-1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01",
                    "2026-01-01T00:00:00+01:00");
        } else if (text.matches("[A-Z]{2}[0-9a-f]{32}")) {
            String prefix = text.substring(0, 2);
            like = List.of(prefix + "1", prefix + "0".repeat(31) + "Z", prefix.toLowerCase() + text.substring(2),
                    prefix + "00000000000000000000000000000009", "XX" + text.substring(2), text + "0",
                    "IS00000000000000000000000000000001", "CH00000000000000000000000000000001");
        } else if (text.matches("(whatsapp:)?\\+.*")) {
            like = List.of("555", "+1", "+0123", "+1555123000123456789", "whatsapp:+1", "WhatsApp:+15551230001",
                    "messenger:1", "+15005550001", "+15005550002", "+15005550003", "whatsapp:+15005550001",
                    "+15551230001", "whatsapp:+15551230001", "+15551230009");
        } else if (text.startsWith("http")) {
            like = List.of("https://", "ftp://x", "https://svc.example.com/other", "https://svc.example.com/pre",
                    "https://svc.example.com/" + "p".repeat(2000), "svc.example.com", "https://exa mple.com");
        } else {
            like = List.of("", " ", text.toUpperCase(), text + "x", "GET", "DELETE", "PUT", "get", "sms",
                    "whatsapp", "default", "webhook", "studio", "custom", "doNotRoute", "pool", "leastAssigned",
                    "roundRobin", "LEAST_ASSIGNED", "badGateway", "API", "closed", "autocreated", "onMessageAdded",
                    "onConversationAdd", "onUserAdded", "alice@example.com", "carol@example.com", "/v1/Conversations",
                    "/v1/Conversations/{ConversationSid}", "/v2/Conversations", "/v1/", "{EventType}", "{Bogus}",
                    "X-Twilio-Webhook-Enabled", "true");
        }
        List<JsonNode> out = new ArrayList<>();
        like.forEach(v -> out.add(NODES.textNode(v)));
        return out;
    }

    /** Keys of the format, to add where they do not belong, and a few that are no key at all. */
    private static final List<String> KEYS = List.of("name", "start", "setup", "endpoints", "steps", "receive",
            "advance", "rest", "worker", "configure", "expect", "note", "from", "to", "body", "media", "status",
            "match", "timeout", "calls", "method", "path", "params", "headers", "sid", "senders", "address", "type",
            "autoCreation", "enabled", "mode", "workers", "outcome", "state", "webhooks", "errorCode", "bogus",
            "", "a b", "\"]", "😀");

    /** One edit to the document tree: what, where (index into its nodes), and with what. */
    enum Edit { REPLACE, REPLACE_WITH_OTHER_NODE, ADD_KEY, REMOVE_KEY, REMOVE_ELEMENT, DUPLICATE_ELEMENT }

    record Mutation(Edit edit, int where, int what) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Edit> edit = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Edit.REPLACE)),
                Tuple.of(3, Arbitraries.of(Edit.class)));
        return Combinators.combine(edit, Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
    }

    /** A place in the tree: a container and the key or index of one of its values. */
    private record Slot(JsonNode parent, String key, int index) {
    }

    private static List<Slot> slots(JsonNode node, List<Slot> into) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                into.add(new Slot(node, key, -1));
                slots(node.get(key), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(new Slot(node, null, i));
                slots(node.get(i), into);
            }
        }
        return into;
    }

    private static List<JsonNode> containers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> containers(child, into));
        }
        return into;
    }

    private static void set(Slot slot, JsonNode value) {
        if (slot.key() != null) {
            ((ObjectNode) slot.parent()).set(slot.key(), value);
        } else {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        }
    }

    static JsonNode seed() {
        try {
            return JSON.readTree(SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mutate(List<Mutation> mutations) {
        JsonNode root = seed();
        for (Mutation m : mutations) {
            List<Slot> slots = slots(root, new ArrayList<>());
            Slot slot = slots.get(m.where() % slots.size());
            switch (m.edit()) {
                case REPLACE -> {
                    JsonNode original = slot.parent().isObject() ? slot.parent().get(slot.key())
                            : slot.parent().get(slot.index());
                    List<JsonNode> junk = m.what() % 5 < 3 ? junkLike(original) : JUNK;
                    set(slot, junk.get(m.what() / 5 % junk.size()).deepCopy());
                }
                case REPLACE_WITH_OTHER_NODE -> {
                    Slot other = slots.get(m.what() % slots.size());
                    JsonNode value = other.parent().isObject() ? other.parent().get(other.key())
                            : other.parent().get(other.index());
                    set(slot, value.deepCopy());
                }
                case ADD_KEY -> {
                    List<JsonNode> objects = new ArrayList<>();
                    containers(root, new ArrayList<>()).stream().filter(JsonNode::isObject).forEach(objects::add);
                    ObjectNode target = (ObjectNode) objects.get(m.where() % objects.size());
                    target.set(KEYS.get(m.what() % KEYS.size()), JUNK.get(m.what() % JUNK.size()).deepCopy());
                }
                case REMOVE_KEY -> {
                    if (slot.key() != null) {
                        ((ObjectNode) slot.parent()).remove(slot.key());
                    }
                }
                case REMOVE_ELEMENT -> {
                    if (slot.key() == null) {
                        ((ArrayNode) slot.parent()).remove(slot.index());
                    }
                }
                case DUPLICATE_ELEMENT -> {
                    if (slot.key() == null) {
                        ((ArrayNode) slot.parent()).add(slot.parent().get(slot.index()).deepCopy());
                    }
                }
            }
        }
        return root.toPrettyString();
    }

    /** Random JSON built from the format's own keys and the junk values. */
    @Provide
    Arbitrary<JsonNode> randomJson() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.of(JUNK).map(JsonNode::deepCopy),
                () -> Arbitraries.of(JUNK).map(JsonNode::deepCopy),
                () -> randomJson().list().ofMaxSize(3).map(items -> {
                    ArrayNode a = NODES.arrayNode();
                    items.forEach(a::add);
                    return a;
                }),
                () -> Combinators.combine(Arbitraries.of(KEYS), randomJson()).as(Tuple::of).list().ofMaxSize(3)
                        .map(entries -> {
                            ObjectNode o = NODES.objectNode();
                            entries.forEach(t -> o.set(t.get1(), t.get2()));
                            return o;
                        }));
    }

    /** A text edit: cut at, delete at, or insert a character at a position of the seed. */
    enum TextEdit { TRUNCATE, DELETE_CHAR, INSERT_CHAR, REPLACE_CHAR }

    private static final String INSERTS = "{}[],:\"\\x0-+. \n\u0000\uD800😀";

    static String corrupt(String text, TextEdit edit, int position, int which) {
        int at = position % (text.length() + 1);
        String c = String.valueOf(INSERTS.charAt(which % INSERTS.length()));
        return switch (edit) {
            case TRUNCATE -> text.substring(0, at);
            case DELETE_CHAR -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case INSERT_CHAR -> text.substring(0, at) + c + text.substring(at);
            case REPLACE_CHAR -> at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text + c;
        };
    }

    // ------------------------------------------------------------------ properties

    @Example
    void theSeedIsAValidScenarioThatPasses() {
        ScenarioResult result = Scenario.parse(SEED).run();

        result.assertPassed();
        assertThat(result.lines("step")).hasSize(13);
    }

    @Property(tries = 300)
    void aValidScenarioWithMutatedValuesRunsOrFailsWithAPathBeforeRunning(
            @ForAll("mutations") List<Mutation> mutations) {
        loadsAndRunsOrFailsWithAPath(mutate(mutations));
    }

    @Property(tries = 150)
    void randomJsonRunsOrFailsWithAPathBeforeRunning(@ForAll("randomJson") JsonNode document,
            @ForAll("randomJson") JsonNode steps, @ForAll boolean asScenario) {
        if (asScenario && document.isObject()) {
            // give random content the outline of a scenario, so the reader gets past the top level
            ((ObjectNode) document).set("steps", steps.isArray() ? steps : NODES.arrayNode().add(steps));
        }
        loadsAndRunsOrFailsWithAPath(document.toString());
    }

    @Property(tries = 150)
    void truncatedOrCorruptedTextRunsOrFailsWithAPathBeforeRunning(@ForAll TextEdit edit,
            @ForAll("positions") int position, @ForAll("positions") int which) {
        loadsAndRunsOrFailsWithAPath(corrupt(SEED, edit, position, which));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, SEED.length());
    }

    @Property(tries = 50)
    void aFileThatIsNotValidUtf8OrNotThereFailsWithADocumentPath(@ForAll("positions") int position,
            @ForAll boolean exists) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "scenario-fuzz"));
        Path file = dir.resolve("bad.json");
        Files.deleteIfExists(file);
        if (exists) {
            byte[] bytes = SEED.getBytes(StandardCharsets.UTF_8);
            bytes[position % bytes.length] = (byte) 0xC3;
            bytes[(position + 1) % bytes.length] = (byte) 0x28;
            Files.write(file, bytes);
        }
        try {
            runsOrFailsWithAPath(Scenario.load(file));
        } catch (ScenarioException e) {
            isDocumented(e);
            assertThat(e.path()).isEqualTo("document");
        }
    }
}
