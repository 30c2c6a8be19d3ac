package dev.convsim.scenario;

import static dev.convsim.scenario.ScenarioTraceTest.CH1;
import static dev.convsim.scenario.ScenarioTraceTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code rest} step and the endpoint {@code calls} extension go through the REST dispatcher. */
class ScenarioRestStepTest {

    private static final String HOOKS = """
            "setup": { "globalWebhooks": { "postWebhookUrl": "https://svc.example.com/post",
                         "filters": ["onParticipantAdded", "onConversationStateUpdated"] },
                       "phoneNumbers": [ { "number": "+15005550001", "smsUrl": "https://legacy.example.com/sms" } ] }""";

    @Test
    void aRestResultCarriesTheStatusAndTheJsonBody() {
        ScenarioResult r = run("""
                { "steps": [ { "rest": { "method": "POST", "path": "/v1/Conversations", "params": { "FriendlyName": "Support" } },
                               "expect": { "status": 201, "errorCode": null } } ] }""");
        JsonNode result = r.lines("result").get(0);
        assertThat(result.path("status").asInt()).isEqualTo(201);
        assertThat(result.path("body").isObject()).isTrue();
        assertThat(result.path("body").path("sid").asText()).isEqualTo(CH1);
        assertThat(result.path("body").path("friendly_name").asText()).isEqualTo("Support");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aTwilioErrorIsCheckedByStatusAndErrorCode() {
        ScenarioResult r = run("""
                { "steps": [
                    { "rest": { "method": "GET", "path": "/v1/Conversations/CH00000000000000000000000000000009" },
                      "expect": { "status": 404, "errorCode": 20404 } },
                    { "rest": { "method": "GET", "path": "/v1/Conversations/CH00000000000000000000000000000009" },
                      "expect": { "status": 200, "errorCode": 50416 } } ] }""");
        JsonNode body = r.lines("result").get(0).path("body");
        assertThat(body.path("code").asInt()).isEqualTo(20404);
        assertThat(body.path("status").asInt()).isEqualTo(404);
        assertThat(r.lines("expectation")).extracting(l -> l.path("key").asText() + " " + l.path("actual"))
                .containsExactly("status 404", "errorCode 20404");
    }

    @Test
    void aDeleteAnswers204WithANullBody() {
        ScenarioResult r = run("""
                { "steps": [
                    { "rest": { "method": "POST", "path": "/v1/Conversations" } },
                    { "rest": { "method": "DELETE", "path": "/v1/Conversations/%s" }, "expect": { "status": 204 } } ] }"""
                .formatted(CH1));
        JsonNode result = r.lines("result").get(1);
        assertThat(result.has("body")).isTrue();
        assertThat(result.path("body").isNull()).isTrue();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theWebhookEnabledHeaderMakesARestCallFireWebhooks() {
        ScenarioResult r = run("{" + HOOKS + """
                , "steps": [
                    { "rest": { "method": "POST", "path": "/v1/Conversations" } },
                    { "rest": { "method": "POST", "path": "/v1/Conversations/%s/Participants", "params": { "Identity": "quiet" } },
                      "expect": { "status": 201, "webhooks": [] } },
                    { "rest": { "method": "POST", "path": "/v1/Conversations/%s/Participants", "params": { "Identity": "loud" },
                                "headers": { "X-Twilio-Webhook-Enabled": "true" } },
                      "expect": { "status": 201, "webhooks": ["onParticipantAdded"] } } ] }""".formatted(CH1, CH1));
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void listValuedParamsAreSentAsRepeatedFormFields() {
        ScenarioResult r = run("""
                { "steps": [ { "rest": { "method": "POST", "path": "/v1/Configuration/Webhooks",
                    "params": { "PostWebhookUrl": "https://svc.example.com/post", "Filters": ["onMessageAdded", "onConversationAdded"] } },
                    "expect": { "status": 200 } } ] }""");
        assertThat(r.simulator().api().fetchGlobalWebhooks().filters()).extracting(Object::toString)
                .containsExactlyInAnyOrder("onMessageAdded", "onConversationAdded");
    }

    @Test
    void closingByRestIsAStateChangeWithReasonApiAndReleasesThePair() {
        ScenarioResult r = run("{" + HOOKS + """
                , "steps": [
                    { "rest": { "method": "POST", "path": "/v1/Conversations" } },
                    { "rest": { "method": "POST", "path": "/v1/Conversations/%s/Participants",
                                "params": { "MessagingBinding.Address": "+15551230001", "MessagingBinding.ProxyAddress": "+15005550001" } } },
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" }, "expect": { "outcome": "captured" } },
                    { "rest": { "method": "POST", "path": "/v1/Conversations/%s", "params": { "State": "closed" },
                                "headers": { "X-Twilio-Webhook-Enabled": "true" } },
                      "expect": { "status": 200, "state": { "%s": "closed" } } },
                    { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                      "expect": { "outcome": "messagingWebhook" } } ] }""".formatted(CH1, CH1, CH1));
        JsonNode change = r.lines("stateChanged").get(0);
        assertThat(change.path("to").asText()).isEqualTo("closed");
        assertThat(change.path("reason").asText()).isEqualTo("API");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void anEndpointRuleMayCallTheApiWithTheRequestParametersFilledIn() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                    "routing": { "mode": "custom", "callbackUrl": "https://frontline.example.com/routing" } },
                  "endpoints": { "https://frontline.example.com/routing": [
                    { "status": 200, "calls": [ { "method": "POST", "path": "/v1/Conversations/{ConversationSid}/Participants",
                                                  "params": { "Identity": "agent-for-{MessagingBinding.Address}" } } ] } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                               "expect": { "outcome": "autocreated", "webhooks": ["onConversationRoute"] } } ] }""");
        JsonNode routed = r.lines("routed").get(0);
        assertThat(routed.path("mode").asText()).isEqualTo("custom");
        assertThat(routed.path("worker").asText()).isEqualTo("agent-for-+15551230001");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void anEndpointCallThatFailsMakesTheEndpointAnswer500() {
        ScenarioResult r = run("""
                { "setup": {
                    "addressConfigurations": [ { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ],
                    "routing": { "mode": "custom", "callbackUrl": "https://frontline.example.com/routing" } },
                  "endpoints": { "https://frontline.example.com/routing": [
                    { "status": 200, "calls": [ { "method": "GET", "path": "/v1/Conversations/CH00000000000000000000000000000009" } ] } ] },
                  "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" } } ] }""");
        JsonNode hook = r.lines("webhook").get(0);
        assertThat(hook.path("status").asInt()).isEqualTo(500);
        assertThat(hook.path("error").asText()).contains("its call GET /v1/Conversations/CH00000000000000000000000000000009 answered 404");
        List<JsonNode> notes = r.lines("event");
        assertThat(notes).anySatisfy(n -> assertThat(n.path("code").asInt()).isEqualTo(32506));
    }
}
