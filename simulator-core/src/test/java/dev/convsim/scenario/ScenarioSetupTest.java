package dev.convsim.scenario;

import static dev.convsim.scenario.ScenarioTraceTest.CH1;
import static dev.convsim.scenario.ScenarioTraceTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreationType;
import dev.convsim.model.Conversation;
import dev.convsim.model.MessagingService;
import dev.convsim.routing.PoolSelection;
import dev.convsim.webhook.WebhookConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every {@code setup} key and every {@code endpoints} rule does what the contract says. */
class ScenarioSetupTest {

    private static ConversationsSimulator simulatorFor(String setup) {
        return run("{\"setup\": " + setup + ", \"steps\": []}").simulator();
    }

    @Test
    void theClockStartsAtStartOrTheDefault() {
        assertThat(run("{\"steps\": []}").simulator().now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(run("{\"start\": \"2030-06-01T08:30:00Z\", \"steps\": []}").simulator().now())
                .isEqualTo(Instant.parse("2030-06-01T08:30:00Z"));
    }

    @Test
    void addressConfigurationsTakeEveryFieldAndSidsInListOrder() {
        ConversationsSimulator sim = simulatorFor("""
                { "services": [ { "friendlyName": "Default" }, { "friendlyName": "Flex" } ],
                  "addressConfigurations": [
                    { "address": "+15005550001", "type": "sms", "friendlyName": "Line one",
                      "autoCreation": { "enabled": true, "type": "webhook", "conversationServiceSid": "IS00000000000000000000000000000002",
                        "webhookUrl": "https://svc.example.com/events", "webhookMethod": "GET",
                        "webhookFilters": ["onMessageAdded", "onParticipantAdded"] } },
                    { "address": "whatsapp:+15005550002", "type": "whatsapp",
                      "autoCreation": { "enabled": false, "type": "studio", "studioFlowSid": "FW00000000000000000000000000000003",
                        "studioRetryCount": 2 } } ] }""");
        List<AddressConfiguration> configs = sim.api().listAddressConfigurations();
        AddressConfiguration first = configs.get(0);
        assertThat(first.sid()).isEqualTo("IG00000000000000000000000000000001");
        assertThat(first.address().value()).isEqualTo("+15005550001");
        assertThat(first.friendlyName()).isEqualTo("Line one");
        assertThat(first.autoCreation().enabled()).isTrue();
        assertThat(first.autoCreation().type()).isEqualTo(AutoCreationType.WEBHOOK);
        assertThat(first.autoCreation().conversationServiceSid()).isEqualTo("IS00000000000000000000000000000002");
        assertThat(first.autoCreation().webhookUrl()).isEqualTo("https://svc.example.com/events");
        assertThat(first.autoCreation().webhookMethod()).isEqualTo("GET");
        assertThat(first.autoCreation().webhookFilters()).containsExactlyInAnyOrder("onMessageAdded", "onParticipantAdded");
        AddressConfiguration second = configs.get(1);
        assertThat(second.sid()).isEqualTo("IG00000000000000000000000000000002");
        assertThat(second.address().value()).isEqualTo("whatsapp:+15005550002");
        assertThat(second.autoCreation().enabled()).isFalse();
        assertThat(second.autoCreation().type()).isEqualTo(AutoCreationType.STUDIO);
        assertThat(second.autoCreation().studioFlowSid()).isEqualTo("FW00000000000000000000000000000003");
        assertThat(second.autoCreation().studioRetryCount()).isEqualTo(2);
    }

    @Test
    void anAutocreationTypeLeftOutIsDefault() {
        ConversationsSimulator sim = simulatorFor("""
                { "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] }""");
        assertThat(sim.api().listAddressConfigurations().get(0).autoCreation().type()).isEqualTo(AutoCreationType.DEFAULT);
    }

    @Test
    void theFirstListedServiceIsTheDefaultAndKeepsAGivenSid() {
        ScenarioResult r = run("""
                { "setup": {
                    "services": [ { "sid": "IS0000000000000000000000000000000a", "friendlyName": "Support" },
                                  { "friendlyName": "Sales" } ],
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        ConversationsSimulator sim = r.simulator();
        assertThat(sim.api().listServices()).extracting(s -> s.friendlyName()).containsExactly("Support", "Sales");
        assertThat(sim.api().listServices().get(0).sid()).isEqualTo("IS0000000000000000000000000000000a");
        assertThat(sim.api().fetchConversation(CH1).chatServiceSid()).isEqualTo("IS0000000000000000000000000000000a");
    }

    @Test
    void withoutServicesOneDefaultServiceIsCreated() {
        assertThat(simulatorFor("{}").api().listServices()).hasSize(1);
    }

    @Test
    void serviceWebhooksFireInTheServiceScope() {
        ScenarioResult r = run("""
                { "setup": {
                    "services": [ { "friendlyName": "Support", "webhooks": {
                        "postWebhookUrl": "https://svc.example.com/service", "method": "GET", "filters": ["onMessageAdded"] } } ],
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                               "expect": { "webhooks": ["onMessageAdded"] } } ] }""");
        JsonNode hook = r.lines("webhook").get(0);
        assertThat(hook.path("scope").asText()).isEqualTo("service");
        assertThat(hook.path("method").asText()).isEqualTo("GET");
        assertThat(hook.path("url").asText()).isEqualTo("https://svc.example.com/service");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void globalWebhooksTakeUrlsMethodAndFilters() {
        WebhookConfiguration global = simulatorFor("""
                { "globalWebhooks": { "preWebhookUrl": "https://svc.example.com/pre", "postWebhookUrl": "https://svc.example.com/post",
                  "method": "GET", "filters": ["onConversationAdd", "onMessageAdded"] } }""").api().fetchGlobalWebhooks();
        assertThat(global.preWebhookUrl()).isEqualTo("https://svc.example.com/pre");
        assertThat(global.postWebhookUrl()).isEqualTo("https://svc.example.com/post");
        assertThat(global.method()).isEqualTo("GET");
        assertThat(global.filters()).extracting(Object::toString).containsExactlyInAnyOrder("onConversationAdd", "onMessageAdded");
        assertThat(simulatorFor("{ \"globalWebhooks\": { \"filters\": [] } }").api().fetchGlobalWebhooks().method())
                .isEqualTo("POST");
    }

    @Test
    void messagingServicesTakeEveryFieldAndAutocreationUnlocksTheConsoleLock() {
        List<MessagingService> services = simulatorFor("""
                { "messagingServices": [
                    { "sid": "MG00000000000000000000000000000005", "friendlyName": "Conversations", "senders": ["+15005550001"],
                      "autocreateConversations": true },
                    { "senders": ["+15005550002", "+15005550003"], "autocreateConversations": false,
                      "inboundRequestUrl": "https://bot.example.com/in" } ] }""").messagingServices();
        assertThat(services.get(0).sid()).isEqualTo("MG00000000000000000000000000000005");
        assertThat(services.get(0).friendlyName()).isEqualTo("Conversations");
        assertThat(services.get(0).autocreateConversations()).isTrue();
        assertThat(services.get(0).conversationsUnlocked()).isTrue();
        assertThat(services.get(1).sid()).isEqualTo("MG00000000000000000000000000000001");
        assertThat(services.get(1).senders()).extracting(Object::toString).containsExactly("+15005550002", "+15005550003");
        assertThat(services.get(1).inboundRequestUrl()).isEqualTo("https://bot.example.com/in");
        assertThat(services.get(1).autocreateConversations()).isFalse();
    }

    @Test
    void phoneNumbersTakeTheirSmsUrl() {
        ConversationsSimulator sim = simulatorFor("""
                { "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "https://legacy.example.com/sms" },
                                    { "number": "+15005550002" } ] }""");
        assertThat(sim.phoneNumbers().get(0).smsUrl()).isEqualTo("https://legacy.example.com/sms");
        assertThat(sim.phoneNumbers().get(1).smsUrl()).isNull();
    }

    @Test
    void defaultsSetTheAccountTimers() {
        ScenarioResult r = run("""
                { "setup": { "defaults": { "inactiveTimer": "PT10M", "closedTimer": "P1D" },
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        Conversation c = r.simulator().api().fetchConversation(CH1);
        assertThat(c.timers().inactive()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.timers().closed()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theAccountSignsAndNamesEverything() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.createContext("/sms", exchange -> {
            signatures.add(exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 202);
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
            ScenarioResult r = run("""
                    { "setup": {
                        "account": { "accountSid": "AC0000000000000000000000000000abcd", "authToken": "secret-1" },
                        "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "%s" } ] },
                      "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "over real HTTP" },
                                   "expect": { "outcome": "messagingWebhook" } } ] }""".formatted(url));
            assertThat(r.simulator().accountSid()).isEqualTo("AC0000000000000000000000000000abcd");
            JsonNode hook = r.lines("webhook").get(0);
            assertThat(hook.path("status").asInt()).isEqualTo(202);
            assertThat(hook.path("params").path("AccountSid").asText()).isEqualTo("AC0000000000000000000000000000abcd");
            assertThat(signatures).hasSize(1).allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(bodies.get(0)).contains("Body=over+real+HTTP");
            String other = run("""
                    { "setup": { "account": { "authToken": "secret-2" },
                        "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "%s" } ] },
                      "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "over real HTTP" } } ] }"""
                    .formatted(url)).simulator().accountSid();
            assertThat(other).isEqualTo(ConversationsSimulator.DEFAULT_ACCOUNT_SID);
            assertThat(signatures).hasSize(2);
            assertThat(signatures.get(1)).as("another auth token signs differently").isNotEqualTo(signatures.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aListedLoopbackUrlIsAnsweredByItsRulesNotOverHttp() {
        ScenarioResult r = run("""
                { "setup": { "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "http://127.0.0.1:9/sms" } ] },
                  "endpoints": { "http://127.0.0.1:9/sms": [ { "status": 204 } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        assertThat(r.lines("webhook").get(0).path("status").asInt()).isEqualTo(204);
    }

    @Test
    void everyOptionNameSetsItsFidelityOption() {
        FidelityOptions o = simulatorFor("""
                { "options": {
                    "numberWebhookFiresAlongside": false, "addressConfigurationFirst": false, "reactivationReason": "API",
                    "globalAndServiceBothReceive": false, "serviceSkipsCarrierMessageAdded": true, "restPreActionHooks": false,
                    "uniqueNameFromPreAction": true, "stateUpdatedOnOneToOneAutocreation": true, "groupMmsEnabled": false,
                    "groupParticipantLimit": 20, "webhookTimeout": "PT2S", "autocreationPropagationDelay": "PT60S",
                    "poolSelection": "roundRobin", "scopedWebhookSeesAutocreation": false, "webhookRetries": 2,
                    "journalLimit": 500 } }""").options();
        FidelityOptions d = FidelityOptions.defaults();
        assertThat(o.numberWebhookFiresAlongside()).isNotEqualTo(d.numberWebhookFiresAlongside()).isFalse();
        assertThat(o.addressConfigurationFirst()).isNotEqualTo(d.addressConfigurationFirst()).isFalse();
        assertThat(o.reactivationReason()).isEqualTo("API").isNotEqualTo(d.reactivationReason());
        assertThat(o.globalAndServiceBothReceive()).isNotEqualTo(d.globalAndServiceBothReceive()).isFalse();
        assertThat(o.serviceSkipsCarrierMessageAdded()).isNotEqualTo(d.serviceSkipsCarrierMessageAdded()).isTrue();
        assertThat(o.restPreActionHooks()).isNotEqualTo(d.restPreActionHooks()).isFalse();
        assertThat(o.uniqueNameFromPreAction()).isNotEqualTo(d.uniqueNameFromPreAction()).isTrue();
        assertThat(o.stateUpdatedOnOneToOneAutocreation()).isNotEqualTo(d.stateUpdatedOnOneToOneAutocreation()).isTrue();
        assertThat(o.scopedWebhookSeesAutocreation()).isNotEqualTo(d.scopedWebhookSeesAutocreation()).isFalse();
        assertThat(o.webhookRetries()).isEqualTo(2).isNotEqualTo(d.webhookRetries());
        assertThat(o.groupMmsEnabled()).isNotEqualTo(d.groupMmsEnabled()).isFalse();
        assertThat(o.groupParticipantLimit()).isEqualTo(20).isNotEqualTo(d.groupParticipantLimit());
        assertThat(o.webhookTimeout()).isEqualTo(Duration.ofSeconds(2)).isNotEqualTo(d.webhookTimeout());
        assertThat(o.autocreationPropagationDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.poolSelection()).isEqualTo(PoolSelection.ROUND_ROBIN);
        assertThat(o.journalLimit()).isEqualTo(500);
        assertThat(simulatorFor("{ \"options\": { \"poolSelection\": \"FIRST_AVAILABLE\" } }").options().poolSelection())
                .isEqualTo(PoolSelection.FIRST_AVAILABLE);
        assertThat(simulatorFor("{}").options()).isEqualTo(d);
    }

    @Test
    void poolRoutingChoosesWorkersByThePoolSelectionOption() {
        String steps = """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "1" } },
                  { "receive": { "from": "+15551230002", "to": "+15005550001", "body": "2" } } ] }""";
        String setup = """
                { "setup": { "options": { "poolSelection": "%s" },
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                    "routing": { "mode": "pool", "workers": [ { "identity": "a@example.com", "available": true },
                                                            { "identity": "b@example.com", "available": true } ] } }""";
        assertThat(run(setup.formatted("firstAvailable") + steps).lines("routed"))
                .extracting(l -> l.path("worker").asText()).containsExactly("a@example.com", "a@example.com");
        assertThat(run(setup.formatted("leastAssigned") + steps).lines("routed"))
                .extracting(l -> l.path("worker").asText()).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void customRoutingDeliversOnConversationRouteToTheCallback() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                    "routing": { "mode": "custom", "callbackUrl": "https://frontline.example.com/routing" } },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                               "expect": { "webhooks": ["onConversationRoute"] } } ] }""");
        JsonNode hook = r.lines("webhook").get(0);
        assertThat(hook.path("scope").asText()).isEqualTo("routing");
        assertThat(hook.path("url").asText()).isEqualTo("https://frontline.example.com/routing");
        assertThat(hook.path("params").path("ConversationSid").asText()).isEqualTo(CH1);
        assertThat(r.exitCode()).isZero();
    }

    // ------------------------------------------------------------------ endpoints

    private static final String PRE_SETUP = """
            { "setup": {
                "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                "globalWebhooks": { "preWebhookUrl": "https://svc.example.com/pre", "postWebhookUrl": "https://svc.example.com/post",
                  "filters": ["onConversationAdd", "onConversationAdded"] } },
              "endpoints": { "https://svc.example.com/pre": %s },
              "steps": [
                { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "first" } },
                { "receive": { "from": "+15551230002", "to": "+15005550001", "body": "second" } } ] }""";

    @Test
    void theFirstRuleWhoseMatchHoldsAnswersAndEveryMatchedParameterMustHold() {
        ScenarioResult r = run(PRE_SETUP.formatted("""
                [ { "match": { "EventType": "onConversationAdd", "MessagingBinding.Address": "+15551230002" }, "status": 403 },
                  { "match": { "EventType": "onConversationAdd", "MessageBody": "nothing matches this" }, "status": 500 },
                  { "match": { "EventType": "onConversationAdd" }, "status": 200, "body": { "friendly_name": "Matched" } },
                  { "status": 401 } ]"""));
        List<JsonNode> results = r.lines("result");
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("autocreated");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("dropped");
        assertThat(r.simulator().api().fetchConversation(CH1).friendlyName()).isEqualTo("Matched");
    }

    @Test
    void aJsonBodyIsSentAsJsonAndATextBodyAsPlainText() {
        ScenarioResult r = run(PRE_SETUP.formatted("""
                [ { "match": { "MessageBody": "first" }, "status": 200, "body": { "friendly_name": "From JSON" } },
                  { "status": 200, "body": "{\\"friendly_name\\": \\"From text\\"}" } ]"""));
        assertThat(r.simulator().api().fetchConversation(CH1).friendlyName()).isEqualTo("From JSON");
        assertThat(r.simulator().api().fetchConversation(ScenarioTraceTest.CH2).friendlyName()).isNull();
        assertThat(r.lines("event")).anySatisfy(e -> assertThat(e.path("text").asText()).isEqualTo(
                "the onConversationAdd answer from https://svc.example.com/pre is text/plain, not application/json:"
                        + " accepted unchanged"));
    }

    @Test
    void noRuleMatchingAndAnUnlistedUrlBothAnswer200Empty() {
        ScenarioResult r = run(PRE_SETUP.formatted("""
                [ { "match": { "EventType": "onMessageAdd" }, "status": 403 } ]"""));
        assertThat(r.lines("webhook")).allSatisfy(w -> {
            assertThat(w.path("status").asInt()).isEqualTo(200);
            assertThat(w.has("response")).isFalse();
        });
        assertThat(r.lines("webhook")).extracting(w -> w.path("url").asText())
                .contains("https://svc.example.com/post");
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            // no body
        }
    }
}
