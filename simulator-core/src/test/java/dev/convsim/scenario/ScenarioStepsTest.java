package dev.convsim.scenario;

import static dev.convsim.scenario.ScenarioTraceTest.CH1;
import static dev.convsim.scenario.ScenarioTraceTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreationType;
import dev.convsim.model.MessagingService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive, advance, worker and configure steps drive the simulator as the contract says. */
class ScenarioStepsTest {

    @Test
    void aReceiveStepCarriesMediaToTheMessagingWebhook() {
        ScenarioResult r = run("""
                { "setup": { "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "https://legacy.example.com/sms" } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "look",
                               "media": [ { "contentType": "image/png", "filename": "a.png" }, { "contentType": "video/mp4" } ] } } ] }""");
        JsonNode params = r.lines("webhook").get(0).path("params");
        assertThat(params.path("NumMedia").asText()).isEqualTo("2");
        assertThat(params.path("MediaContentType0").asText()).isEqualTo("image/png");
        assertThat(params.path("MediaContentType1").asText()).isEqualTo("video/mp4");
        assertThat(params.path("MessageSid").asText()).startsWith("MM");
    }

    @Test
    void aReceiveStepWithOtherRecipientsIsAGroupMms() {
        ScenarioResult r = run("""
                { "setup": { "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi all", "otherRecipients": ["+15551230002"] },
                      "expect": { "outcome": "autocreated", "conversationSid": "%s" } },
                    { "receive": { "from": "+15551230002", "to": "+15005550001", "body": "hey", "otherRecipients": ["+15551230001"] },
                      "expect": { "outcome": "captured", "conversationSid": "%s" } } ] }""".formatted(CH1, CH1));
        assertThat(r.exitCode()).isZero();
        assertThat(r.simulator().api().listParticipants(CH1)).hasSize(3);
        assertThat(r.lines("stateChanged").get(0).path("from").asText()).isEqualTo("initializing");
    }

    @Test
    void anAdvanceStepFiresDueTimersAtTheirOwnInstants() {
        ScenarioResult r = run("""
                { "setup": { "defaults": { "inactiveTimer": "PT1M", "closedTimer": "PT10M" },
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                    { "advance": "PT1H", "expect": { "state": { "%s": "closed" } } } ] }""".formatted(CH1));
        assertThat(r.lines("stateChanged")).extracting(l -> l.path("at").asText() + " " + l.path("to").asText())
                .containsExactly("2026-01-01T00:01:00Z inactive", "2026-01-01T00:10:00Z closed");
        assertThat(r.lines("result").get(1).path("now").asText()).isEqualTo("2026-01-01T01:00:00Z");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aWorkerStepReturnsTheConversationsItWasAssigned() {
        ScenarioResult r = run("""
                { "setup": { "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                    "routing": { "mode": "pool", "workers": [] } },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                    { "worker": { "identity": "new@example.com", "available": false } },
                    { "worker": { "identity": "new@example.com", "available": true } },
                    { "worker": { "identity": "new@example.com", "available": true } } ] }""");
        List<JsonNode> results = r.lines("result");
        assertThat(results.get(1).path("assigned").size()).isZero();
        assertThat(results.get(2).path("assigned").toString()).isEqualTo("[\"" + CH1 + "\"]");
        assertThat(results.get(3).path("assigned").size()).isZero();
        assertThat(r.simulator().api().listParticipants(CH1)).extracting(p -> p.identity()).contains("new@example.com");
    }

    // ------------------------------------------------------------------ configure

    @Test
    void aConfiguredAddressConfigurationReplacesTheOneWithTheSameAddressKeepingItsSid() {
        ScenarioResult r = run("""
                { "setup": {
                    "services": [ { "friendlyName": "A" }, { "friendlyName": "B" } ],
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "friendlyName": "Old",
                      "autoCreation": { "enabled": true, "type": "webhook", "webhookUrl": "https://svc.example.com/w", "webhookMethod": "GET",
                                        "webhookFilters": ["onMessageAdded"], "conversationServiceSid": "IS00000000000000000000000000000002" } } ] },
                  "steps": [
                    { "configure": { "addressConfigurations": [
                        { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": false, "type": "default" } },
                        { "address": "+15005550002", "type": "sms", "autoCreation": { "enabled": true } } ] } },
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" }, "expect": { "outcome": "unhandled" } },
                    { "receive": { "from": "+15551230001", "to": "+15005550002", "body": "hi" }, "expect": { "outcome": "autocreated" } } ] }""");
        assertThat(r.exitCode()).isZero();
        List<AddressConfiguration> configs = r.simulator().api().listAddressConfigurations();
        assertThat(configs).hasSize(2);
        AddressConfiguration replaced = configs.get(0);
        assertThat(replaced.sid()).isEqualTo("IG00000000000000000000000000000001");
        assertThat(replaced.friendlyName()).isNullOrEmpty();
        assertThat(replaced.autoCreation().enabled()).isFalse();
        assertThat(replaced.autoCreation().type()).isEqualTo(AutoCreationType.DEFAULT);
        assertThat(replaced.autoCreation().conversationServiceSid()).isNull();
        assertThat(replaced.autoCreation().webhookFilters()).isEmpty();
        assertThat(replaced.autoCreation().webhookMethod()).isIn(null, "POST");
        assertThat(configs.get(1).sid()).isEqualTo("IG00000000000000000000000000000002");
        assertThat(r.lines("event")).extracting(e -> e.path("text").asText())
                .contains("address configuration updated IG…01 (+15005550001 autocreation disabled)",
                        "address configuration added IG…02 (+15005550002 autocreation enabled (default))");
    }

    @Test
    void aConfiguredMessagingServiceReplacesTheOneWithTheSameSidOrIsAdded() {
        ScenarioResult r = run("""
                { "setup": { "messagingServices": [
                    { "sid": "MG00000000000000000000000000000001", "senders": ["+15005550001", "+15005550002"], "autocreateConversations": true } ] },
                  "steps": [
                    { "configure": { "messagingServices": [
                        { "sid": "MG00000000000000000000000000000001", "senders": ["+15005550002"], "autocreateConversations": true },
                        { "friendlyName": "Bot", "senders": ["+15005550001"], "autocreateConversations": false,
                          "inboundRequestUrl": "https://bot.example.com/in" } ] } },
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" }, "expect": { "outcome": "messagingWebhook" } },
                    { "receive": { "from": "+15551230001", "to": "+15005550002", "body": "hi" }, "expect": { "outcome": "autocreated" } } ] }""");
        assertThat(r.exitCode()).isZero();
        List<MessagingService> services = r.simulator().messagingServices();
        assertThat(services).extracting(MessagingService::sid)
                .containsExactly("MG00000000000000000000000000000001", "MG00000000000000000000000000000002");
        assertThat(services.get(0).senders()).extracting(Object::toString).containsExactly("+15005550002");
    }

    @Test
    void aConfiguredPhoneNumberReplacesTheOneWithTheSameNumber() {
        ScenarioResult r = run("""
                { "setup": { "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "https://old.example.com/sms" } ] },
                  "steps": [
                    { "configure": { "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "https://new.example.com/sms" } ] } },
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                    { "configure": { "phoneNumbers": [ { "number": "+15005550001" } ] } },
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" }, "expect": { "outcome": "unhandled" } } ] }""");
        assertThat(r.lines("webhook")).extracting(w -> w.path("url").asText()).containsExactly("https://new.example.com/sms");
        assertThat(r.exitCode()).isZero();
        assertThat(r.simulator().phoneNumbers()).hasSize(1);
    }

    @Test
    void withAPropagationDelayAConfigureChangeLandsDuringTheAdvanceThatReachesItAfterTimersDueThen() {
        ScenarioResult r = run("""
                { "setup": { "options": { "autocreationPropagationDelay": "PT60S" },
                    "defaults": { "inactiveTimer": "PT1M" },
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
                  "steps": [
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } },
                    { "advance": "PT30S" },
                    { "configure": { "addressConfigurations": [
                        { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": false } } ] } },
                    { "receive": { "from": "+15551230002", "to": "+15005550001", "body": "before" },
                      "expect": { "outcome": "autocreated" } },
                    { "advance": "PT2M" },
                    { "receive": { "from": "+15551230003", "to": "+15005550001", "body": "after" },
                      "expect": { "outcome": "unhandled" } } ] }""");
        assertThat(r.exitCode()).isZero();
        JsonNode configured = r.lines("result").get(2);
        assertThat(configured.path("applied").asBoolean()).isFalse();
        assertThat(configured.path("appliesAt").asText()).isEqualTo("2026-01-01T00:01:30Z");
        List<String> advance = r.trace().stream()
                .filter(l -> l.path("seq").asInt() > r.lines("step").get(4).path("seq").asInt()
                        && l.path("seq").asInt() < r.lines("step").get(5).path("seq").asInt())
                .map(l -> l.path("type").asText() + " " + l.path("at").asText() + " " + l.path("text").asText())
                .toList();
        assertThat(advance).containsExactly(
                "stateChanged 2026-01-01T00:01:00Z ",
                "stateChanged 2026-01-01T00:01:30Z ",
                "event 2026-01-01T00:01:30Z address configuration updated IG…01 (+15005550001 autocreation disabled)",
                "result  ");
    }
}
