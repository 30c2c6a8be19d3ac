package dev.convsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every trace line type and field of the contract, in order, with seq from 1; and the exit codes. */
class ScenarioTraceTest {

    static final String CH1 = "CH00000000000000000000000000000001";
    static final String CH2 = "CH00000000000000000000000000000002";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Autocreation on +15005550001 with global pre and post webhooks for the autocreation events. */
    static final String AUTOCREATE_SETUP = """
            "setup": {
              "addressConfigurations": [
                { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true, "type": "default" } } ],
              "globalWebhooks": { "preWebhookUrl": "https://svc.example.com/pre", "postWebhookUrl": "https://svc.example.com/post",
                "filters": ["onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded",
                            "onConversationStateUpdated"] },
              "defaults": { "inactiveTimer": "PT5M" }
            }""";

    static ScenarioResult run(String json) {
        return Scenario.parse(json).run();
    }

    private static List<String> types(ScenarioResult r) {
        List<String> types = new ArrayList<>();
        r.trace().forEach(line -> types.add(line.path("type").asText()));
        return types;
    }

    @Test
    void eachStepPrintsItsStepLineThenTheJournalEventsItCausedThenItsResult() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                  { "advance": "PT10M" } ] }""");
        assertThat(types(r)).containsExactly(
                "step", "webhook", "event", "event", "event", "event", "webhook", "webhook", "webhook", "result",
                "step", "stateChanged", "webhook", "result");
        List<JsonNode> trace = r.trace();
        for (int i = 0; i < trace.size(); i++) {
            assertThat(trace.get(i).path("seq").asLong()).isEqualTo(i + 1);
        }
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theStepLineCarriesIndexKindAndTheClockInstant() {
        ScenarioResult r = run("""
                { "start": "2026-05-01T10:00:00Z", "steps": [
                  { "advance": "PT1H", "note": "wait" },
                  { "worker": { "identity": "a@example.com", "available": true } } ] }""");
        List<JsonNode> steps = r.lines("step");
        assertThat(steps.get(0).toString()).isEqualTo("{\"seq\":1,\"type\":\"step\",\"index\":0,\"kind\":\"advance\","
                + "\"at\":\"2026-05-01T10:00:00Z\",\"advance\":\"PT1H\",\"note\":\"wait\"}");
        assertThat(steps.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(steps.get(1).path("kind").asText()).isEqualTo("worker");
        assertThat(steps.get(1).path("at").asText()).isEqualTo("2026-05-01T11:00:00Z");
    }

    @Test
    void aWebhookLineCarriesEveryContractField() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "endpoints": { "https://svc.example.com/pre": [ { "status": 200, "body": { "friendly_name": "Ann" } } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        JsonNode pre = r.lines("webhook").get(0);
        assertThat(pre.path("at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(pre.path("phase").asText()).isEqualTo("pre");
        assertThat(pre.path("scope").asText()).isEqualTo("global");
        assertThat(pre.path("url").asText()).isEqualTo("https://svc.example.com/pre");
        assertThat(pre.path("method").asText()).isEqualTo("POST");
        assertThat(pre.path("eventType").asText()).isEqualTo("onConversationAdd");
        assertThat(pre.path("params").path("MessagingBinding.Address").asText()).isEqualTo("+15551230001");
        assertThat(pre.path("params").path("MessageBody").asText()).isEqualTo("hi");
        pre.path("params").forEach(value -> assertThat(value.isTextual()).isTrue());
        assertThat(pre.path("status").asInt()).isEqualTo(200);
        assertThat(pre.path("response").asText()).isEqualTo("{\"friendly_name\":\"Ann\"}");
        JsonNode added = r.lines("webhook").get(1);
        assertThat(added.path("phase").asText()).isEqualTo("post");
        assertThat(added.path("eventType").asText()).isEqualTo("onConversationAdded");
        assertThat(added.path("params").path("FriendlyName").asText()).isEqualTo("Ann");
        assertThat(added.path("params").path("ConversationSid").asText()).isEqualTo(CH1);
    }

    @Test
    void aTimedOutWebhookHasANullStatus() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "endpoints": { "https://svc.example.com/pre": [ { "timeout": true } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                               "expect": { "outcome": "autocreated" } } ] }""");
        JsonNode pre = r.lines("webhook").get(0);
        assertThat(pre.has("status")).isTrue();
        assertThat(pre.path("status").isNull()).isTrue();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theMessagingWebhookIsIncomingMessageInTheMessagingScope() {
        ScenarioResult r = run("""
                { "setup": { "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "https://legacy.example.com/sms" } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        JsonNode hook = r.lines("webhook").get(0);
        assertThat(hook.path("scope").asText()).isEqualTo("messaging");
        assertThat(hook.path("eventType").asText()).isEqualTo("incomingMessage");
        assertThat(hook.path("phase").asText()).isEqualTo("post");
        assertThat(hook.path("params").path("From").asText()).isEqualTo("+15551230001");
        assertThat(hook.path("params").path("Body").asText()).isEqualTo("hi");
    }

    @Test
    void aStateChangedLineCarriesConversationFromToAndReason() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                  { "advance": "PT6M" },
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "back" } } ] }""");
        List<JsonNode> changes = r.lines("stateChanged");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).toString()).startsWith("{\"seq\":" + changes.get(0).path("seq") + ",\"type\":\"stateChanged\","
                + "\"at\":\"2026-01-01T00:05:00Z\",\"conversationSid\":\"" + CH1 + "\",\"from\":\"active\",\"to\":\"inactive\","
                + "\"reason\":\"TIMER\"");
        assertThat(changes.get(1).path("at").asText()).isEqualTo("2026-01-01T00:06:00Z");
        assertThat(changes.get(1).path("from").asText()).isEqualTo("inactive");
        assertThat(changes.get(1).path("to").asText()).isEqualTo("active");
        assertThat(changes.get(1).path("reason").asText()).isEqualTo("EVENT");
    }

    @Test
    void aRoutedLineCarriesModeWorkerAndQueued() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [
                      { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true, "type": "default" } } ],
                    "routing": { "mode": "pool", "workers": [ { "identity": "alice@example.com", "available": false } ] } },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                    { "worker": { "identity": "alice@example.com", "available": true } } ] }""");
        List<JsonNode> routed = r.lines("routed");
        assertThat(routed).hasSize(2);
        assertThat(routed.get(0).path("conversationSid").asText()).isEqualTo(CH1);
        assertThat(routed.get(0).path("mode").asText()).isEqualTo("pool");
        assertThat(routed.get(0).path("worker").isNull()).isTrue();
        assertThat(routed.get(0).path("queued").asBoolean()).isTrue();
        assertThat(routed.get(1).path("worker").asText()).isEqualTo("alice@example.com");
        assertThat(routed.get(1).path("queued").asBoolean()).isFalse();
        assertThat(routed.get(1).path("at").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void doNotRouteIsARoutedLineWithoutWorker() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [
                      { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true, "type": "default" } } ],
                    "routing": { "mode": "doNotRoute" } },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        JsonNode routed = r.lines("routed").get(0);
        assertThat(routed.path("mode").asText()).isEqualTo("doNotRoute");
        assertThat(routed.path("worker").isNull()).isTrue();
        assertThat(routed.path("queued").asBoolean()).isFalse();
    }

    @Test
    void otherJournalEntriesBecomeEventLinesWithTheJournalText() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [
                      { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true, "type": "default" } } ],
                    "routing": { "mode": "custom", "callbackUrl": "https://frontline.example.com/routing" } },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        List<JsonNode> events = r.lines("event");
        assertThat(events).extracting(e -> e.path("entry").asText())
                .containsExactly("inbound", "resourceChanged", "resourceChanged", "resourceChanged", "note");
        JsonNode inbound = events.get(0);
        assertThat(inbound.path("outcome").asText()).isEqualTo("autocreated");
        assertThat(inbound.path("text").asText()).startsWith("inbound +15551230001 → +15005550001 \"hi\" → autocreated CH…01: ");
        JsonNode added = events.get(1);
        assertThat(added.path("resource").asText()).isEqualTo("conversation");
        assertThat(added.path("action").asText()).isEqualTo("added");
        assertThat(added.path("sid").asText()).isEqualTo(CH1);
        assertThat(added.path("text").asText()).isEqualTo("conversation added CH…01 (autocreated via address configuration IG…01)");
        JsonNode note = events.get(4);
        assertThat(note.path("code").asInt()).isEqualTo(32506);
        assertThat(note.path("conversationSid").asText()).isEqualTo(CH1);
        assertThat(note.path("journal").asLong()).isEqualTo(
                r.simulator().journal().get(r.simulator().journal().size() - 1).sequence());
    }

    @Test
    void receiveResultsCarryOutcomeConversationMessageAndExplanation() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                  { "receive": { "from": "+15551230001", "to": "+15005550009", "body": "lost" } } ] }""");
        List<JsonNode> results = r.lines("result");
        assertThat(results.get(0).path("index").asInt()).isZero();
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("autocreated");
        assertThat(results.get(0).path("conversationSid").asText()).isEqualTo(CH1);
        assertThat(results.get(0).path("messageSid").asText()).isEqualTo("IM00000000000000000000000000000001");
        assertThat(results.get(0).path("explanation").asText()).isEqualTo("no non-closed conversation binds"
                + " +15551230001 → +15005550001; address configuration IG…01 for +15005550001 has autocreation enabled;"
                + " autocreated conversation CH…01 with participant MB…01 and message IM…01");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("unhandled");
        assertThat(results.get(1).has("conversationSid")).isTrue();
        assertThat(results.get(1).path("conversationSid").isNull()).isTrue();
        assertThat(results.get(1).path("messageSid").isNull()).isTrue();
    }

    @Test
    void advanceWorkerAndConfigureResultsCarryTheirFields() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [
                      { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true, "type": "default" } } ],
                    "routing": { "mode": "pool", "workers": [ { "identity": "alice@example.com", "available": false } ] } },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                    { "receive": { "from": "+15551230002", "to": "+15005550001", "body": "hi" } },
                    { "advance": "PT90S" },
                    { "worker": { "identity": "alice@example.com", "available": true } },
                    { "configure": { "phoneNumbers": [ { "number": "+15005550001" } ] } } ] }""");
        List<JsonNode> results = r.lines("result");
        assertThat(results.get(2).path("now").asText()).isEqualTo("2026-01-01T00:01:30Z");
        assertThat(results.get(3).path("assigned").toString()).isEqualTo("[\"" + CH1 + "\",\"" + CH2 + "\"]");
        assertThat(results.get(4).path("applied").asBoolean()).isTrue();
        assertThat(results.get(4).path("appliesAt").asText()).isEqualTo("2026-01-01T00:01:30Z");
    }

    @Test
    void aFailedExpectationPrintsALineAfterTheResultAndExitsOne() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                    "expect": { "outcome": "captured", "conversationSid": "%s",
                                "webhooks": ["onConversationAdd"], "state": { "%s": "closed", "%s": "active" } } },
                  { "advance": "PT1M", "expect": { "webhooks": [] } } ] }""".formatted(CH2, CH1, CH2));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.passed()).isFalse();
        List<String> types = types(r);
        int result = types.indexOf("result");
        assertThat(types.subList(result + 1, result + 6))
                .containsExactly("expectation", "expectation", "expectation", "expectation", "expectation");
        List<JsonNode> failed = r.lines("expectation");
        assertThat(failed.get(0).toString()).endsWith("\"type\":\"expectation\",\"index\":0,\"key\":\"outcome\","
                + "\"expected\":\"captured\",\"actual\":\"autocreated\"}");
        assertThat(failed.get(1).path("key").asText()).isEqualTo("conversationSid");
        assertThat(failed.get(1).path("actual").asText()).isEqualTo(CH1);
        assertThat(failed.get(2).path("key").asText()).isEqualTo("webhooks");
        assertThat(failed.get(2).path("actual").toString()).isEqualTo("[\"onConversationAdd\",\"onConversationAdded\","
                + "\"onParticipantAdded\",\"onMessageAdded\"]");
        assertThat(failed.get(3).path("expected").toString()).isEqualTo("{\"" + CH1 + "\":\"closed\"}");
        assertThat(failed.get(3).path("actual").toString()).isEqualTo("{\"" + CH1 + "\":\"active\"}");
        assertThat(failed.get(4).path("actual").toString()).isEqualTo("{\"" + CH2 + "\":null}");
        assertThat(r.failures()).hasSize(5);
        assertThat(r.failures().get(0)).hasToString("steps[0] expect.outcome: expected \"captured\", actual \"autocreated\"");
    }

    @Test
    void expectationsThatHoldPrintNothingAndExitZero() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP + """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                    "expect": { "outcome": "autocreated", "conversationSid": "%s",
                                "webhooks": ["onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded"],
                                "state": { "%s": "active" } } },
                  { "receive": { "from": "+15551230001", "to": "+15005550009", "body": "x" },
                    "expect": { "outcome": "unhandled", "conversationSid": null, "webhooks": [] } } ] }""".formatted(CH1, CH1));
        assertThat(r.lines("expectation")).isEmpty();
        assertThat(r.exitCode()).isZero();
        r.assertPassed();
    }

    @Test
    void assertPassedListsEveryFailureAndTheReadableTrace() {
        ScenarioResult r = run("""
                { "name": "demo", "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001" },
                  "expect": { "outcome": "captured" } } ] }""");
        assertThatThrownBy(r::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 expectation failed in scenario \"demo\":\n"
                        + "  steps[0] expect.outcome: expected \"captured\", actual \"unhandled\"\ntrace:\n▶ step 0 receive");
    }

    @Test
    void aStepTheSimulatorRefusesStopsTheRunWithAnErrorAndExitsOne() {
        ScenarioResult r = run("""
                { "steps": [
                    { "configure": { "addressConfigurations": [ { "address": "+15005550001", "type": "sms",
                        "autoCreation": { "enabled": true, "conversationServiceSid": "IS00000000000000000000000000000007" } } ] } },
                    { "advance": "PT1M" } ] }""");
        assertThat(types(r)).containsExactly("step", "result", "expectation");
        JsonNode result = r.lines("result").get(0);
        assertThat(result.path("error").path("message").asText()).isEqualTo("steps[0].configure.addressConfigurations[0]:"
                + " The requested resource /Services/IS00000000000000000000000000000007 was not found"
                + " (Twilio error 20404, HTTP 404)");
        JsonNode failed = r.lines("expectation").get(0);
        assertThat(failed.path("key").asText()).isEqualTo("error");
        assertThat(failed.path("expected").isNull()).isTrue();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aStepWhoseEventsOverflowTheJournalSaysSoBeforeTheEventsItKept() {
        ScenarioResult r = run("{" + AUTOCREATE_SETUP.replace("\"defaults\"", "\"options\": { \"journalLimit\": 3 }, \"defaults\"") + """
                , "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        assertThat(types(r)).containsExactly("step", "event", "webhook", "webhook", "webhook", "result");
        JsonNode dropped = r.lines("event").get(0);
        assertThat(dropped.path("entry").asText()).isEqualTo("dropped");
        assertThat(dropped.path("text").asText()).isEqualTo(
                "the journal's bound (journalLimit 3) dropped the first 5 events of this step");
    }

    @Test
    void theSameFileGivesTheSameTraceByteForByte() {
        Scenario s = Scenario.parse("{" + AUTOCREATE_SETUP + """
                , "steps": [
                  { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                  { "advance": "PT1H" },
                  { "receive": { "from": "+15551230002", "to": "+15005550001", "body": "hi", "otherRecipients": ["+15551230003"] } } ] }""");
        assertThat(s.run().traceLines()).isEqualTo(s.run().traceLines());
    }

    @Test
    void runStreamsTheSameLinesItReturns() throws Exception {
        Scenario s = Scenario.parse("{" + AUTOCREATE_SETUP + """
                , "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        List<String> streamed = new ArrayList<>();
        ScenarioResult r = s.run(streamed::add);
        assertThat(streamed).isEqualTo(r.traceLines());
        for (String line : streamed) {
            assertThat(line).doesNotContain("\n");
            assertThat(JSON.readTree(line).path("seq").isIntegralNumber()).isTrue();
        }
    }
}
