package dev.convsim.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Participant;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontlineOutgoingTest {

    static final String CUSTOMER = "+15551230001";
    static final String TWILIO = "+15005550001";
    static final String OUTGOING = "https://svc.example.com/callbacks/outgoing-conversation";
    static final String HOOKS = "https://svc.example.com/callbacks/conversations";

    static ConversationsSimulator sim(WebhookEndpoint outgoing) {
        return ConversationsSimulator.builder().autocreate(TWILIO).endpoint(OUTGOING, outgoing).build();
    }

    static FrontlineOutgoing flow(ConversationsSimulator sim) {
        return new FrontlineOutgoing(sim.api(), sim::callback, OUTGOING);
    }

    static WebhookEndpoint proxy(String number) {
        return request -> WebhookResponse.json("{\"proxy_address\": \"" + number + "\"}");
    }

    @Test
    void aWorkerStartsAConversationWithTheCustomerOnTheProxyAddressTheCallbackGives() {
        ConversationsSimulator sim = sim(proxy(TWILIO));

        OutgoingConversation started = flow(sim).start("alice@example.com", "42", "sms", CUSTOMER);

        assertThat(started.proxyAddress()).isEqualTo(TWILIO);
        assertThat(started.customer().messagingBinding().address().value()).isEqualTo(CUSTOMER);
        assertThat(started.customer().messagingBinding().proxyAddress().value()).isEqualTo(TWILIO);
        assertThat(started.worker().identity()).isEqualTo("alice@example.com");
        assertThat(sim.api().listParticipants(started.sid())).extracting(Participant::sid)
                .containsExactly(started.customer().sid(), started.worker().sid());
        assertThat(sim.api().listConversations()).extracting(c -> c.sid()).containsExactly(started.sid());
        sim.verifyInvariants();
    }

    @Test
    void theCallbackIsAFrontlineScopedGetProxyAddressWithExactlyTheDocumentedParameters() {
        ConversationsSimulator sim = sim(proxy(TWILIO));

        flow(sim).start("alice@example.com", "42", "sms", CUSTOMER);

        RecordedDelivery callback = sim.deliveries().only("GetProxyAddress").get(0);
        assertThat(callback.scope()).isEqualTo(WebhookScope.FRONTLINE);
        assertThat(callback.url()).isEqualTo(OUTGOING);
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.params()).containsExactly(Map.entry("Location", "GetProxyAddress"),
                Map.entry("Worker", "alice@example.com"), Map.entry("CustomerId", "42"),
                Map.entry("ChannelType", "sms"), Map.entry("ChannelValue", CUSTOMER));
        assertThat(callback.status()).isEqualTo(200);
    }

    @Test
    void theStepsHappenInTheAppsOrder() {
        ConversationsSimulator sim = sim(proxy(TWILIO));

        flow(sim).start("alice@example.com", "42", "sms", CUSTOMER);

        List<String> steps = new ArrayList<>();
        for (JournalEntry e : sim.journal()) {
            if (e instanceof JournalEntry.ResourceChanged r && r.conversationSid() != null) {
                steps.add(r.resource().words() + " " + r.action().words());
            } else if (e instanceof JournalEntry.Delivered d) {
                steps.add("callback " + d.delivery().eventType());
            }
        }
        assertThat(steps).containsExactly("conversation added", "callback GetProxyAddress", "participant added",
                "participant added");
    }

    @Test
    void theCustomersRepliesAreCapturedByTheStartedConversation() {
        ConversationsSimulator sim = sim(proxy(TWILIO));
        OutgoingConversation started = flow(sim).start("alice@example.com", "42", "sms", CUSTOMER);

        InboundOutcome reply = sim.receive(CUSTOMER, TWILIO, "thanks!");

        assertThat(reply).isInstanceOf(InboundOutcome.Captured.class);
        assertThat(reply.conversationSid()).isEqualTo(started.sid());
    }

    @Test
    void aWhatsAppCustomerGetsAWhatsAppProxyAddressEvenWhenTheCallbackGivesTheBareNumber() {
        ConversationsSimulator sim = sim(proxy(TWILIO));

        OutgoingConversation started = flow(sim).start("alice@example.com", "42", "whatsapp", "whatsapp:" + CUSTOMER);

        assertThat(started.customer().messagingBinding().address().value()).isEqualTo("whatsapp:" + CUSTOMER);
        assertThat(started.proxyAddress()).isEqualTo("whatsapp:" + TWILIO);
        assertThat(sim.deliveries().only("GetProxyAddress").get(0).param("ChannelValue"))
                .isEqualTo("whatsapp:" + CUSTOMER);
    }

    @Test
    void aNon200AnswerRemovesTheHalfMadeConversationAndThrows11200() {
        ConversationsSimulator sim = sim(request -> WebhookResponse.status(500));

        assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(FrontlineOutgoing.CALLBACK_FAILED).isEqualTo(11200);
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).isEqualTo("The outgoing conversation callback " + OUTGOING
                            + " answered 500 to GetProxyAddress: expected 200 with a body like "
                            + "{\"proxy_address\": \"+15005550006\"}; CH00000000000000000000000000000001 was removed");
                });
        assertNothingLeftBehind(sim);
    }

    @Test
    void aTimeoutOrAThrowingHandlerOrA201AreFailuresToo() {
        for (WebhookEndpoint endpoint : List.<WebhookEndpoint>of(request -> WebhookResponse.timeout(),
                request -> {
                    throw new IllegalStateException("down");
                },
                request -> WebhookResponse.of(201, "application/json", "{\"proxy_address\":\"" + TWILIO + "\"}"))) {
            ConversationsSimulator sim = sim(endpoint);

            assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                    .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(11200));
            assertNothingLeftBehind(sim);
        }
    }

    @Test
    void aBodyWithoutAProxyAddressRemovesTheConversationAndThrows11200() {
        for (String body : List.of("", "OK", "{}", "{\"proxy_address\": \"\"}", "{\"proxy_address\": 15005550001}",
                "[\"+15005550001\"]")) {
            ConversationsSimulator sim = sim(request -> WebhookResponse.of(200, "application/json", body));

            assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                    .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(11200);
                        assertThat(e.getMessage()).contains("answered 200 without a proxy_address")
                                .contains("got [" + body + "]");
                    });
            assertNothingLeftBehind(sim);
        }
    }

    @Test
    void aPairAlreadyBoundElsewhereIsFrontlines48031OverConversations50416() {
        ConversationsSimulator sim = sim(proxy(TWILIO));
        String existing = sim.receive(CUSTOMER, TWILIO, "I texted first").conversationSid();

        assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(FrontlineOutgoing.OUTGOING_CONVERSATION_EXISTS).isEqualTo(48031);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).startsWith(
                            "Outgoing conversation already exists for this contact and proxy address: "
                                    + CUSTOMER + " → " + TWILIO + " (A binding for this participant and proxy address "
                                    + "already exists in Conversation " + existing + ")");
                    assertThat(e.getCause()).isInstanceOfSatisfying(TwilioApiException.class,
                            cause -> assertThat(cause.code()).isEqualTo(50416));
                });
        assertThat(sim.api().listConversations()).extracting(c -> c.sid()).containsExactly(existing);
        assertThat(sim.receive(CUSTOMER, TWILIO, "still here").conversationSid()).isEqualTo(existing);
        sim.verifyInvariants();
    }

    @Test
    void aProxyAddressTheApiRejectsRemovesTheConversationAndSurfacesTheApiError() {
        ConversationsSimulator sim = sim(proxy("555"));

        assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(50407);
                    assertThat(e.getMessage()).contains("[555]");
                });
        assertNothingLeftBehind(sim);
    }

    @Test
    void aRejectedWorkerAddRemovesTheConversationWithItsCustomerBinding() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .endpoint(OUTGOING, proxy(TWILIO))
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(HOOKS).filters("onParticipantAdd"))
                .endpoint(HOOKS, request -> request.param("Identity") == null
                        ? WebhookResponse.ok()
                        : WebhookResponse.status(403))
                .build();

        assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(20403));
        assertNothingLeftBehind(sim);
        assertThat(sim.receive(CUSTOMER, TWILIO, "hello").kind()).isEqualTo("autocreated");
    }

    @Test
    void theCleanupSurvivesAPreActionHookThatRejectsTheDelete() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .endpoint(OUTGOING, request -> WebhookResponse.status(404))
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(HOOKS).filters("onConversationRemove"))
                .endpoint(HOOKS, request -> WebhookResponse.status(403))
                .build();

        assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(11200));
        assertNothingLeftBehind(sim);
    }

    @Test
    void aRejectedCreateThrowsBeforeAnyCallback() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .endpoint(OUTGOING, proxy(TWILIO))
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(HOOKS).filters("onConversationAdd"))
                .endpoint(HOOKS, request -> WebhookResponse.status(503))
                .build();

        assertThatThrownBy(() -> flow(sim).start("alice@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(20403));
        assertThat(sim.deliveries().count("GetProxyAddress")).isZero();
        assertNothingLeftBehind(sim);
    }

    @Test
    void theAppsChangesFireWebhooksUnlessTurnedOff() {
        ConversationsSimulator loud = ConversationsSimulator.builder().endpoint(OUTGOING, proxy(TWILIO))
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(HOOKS)
                        .filters("onConversationAdded", "onParticipantAdded"))
                .build();
        ConversationsSimulator quiet = ConversationsSimulator.builder().endpoint(OUTGOING, proxy(TWILIO))
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(HOOKS)
                        .filters("onConversationAdded", "onParticipantAdded"))
                .build();

        flow(loud).start("alice@example.com", "42", "sms", CUSTOMER);
        flow(quiet).webhooks(false).start("alice@example.com", "42", "sms", CUSTOMER);

        loud.deliveries().assertEventTypes("onConversationAdded", "GetProxyAddress", "onParticipantAdded",
                "onParticipantAdded");
        quiet.deliveries().assertEventTypes("GetProxyAddress");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsCreated() {
        ConversationsSimulator sim = sim(proxy(TWILIO));
        FrontlineOutgoing flow = flow(sim);

        assertThatThrownBy(() -> flow.start(" ", "42", "sms", CUSTOMER))
                .hasMessage("[ ] is not a worker identity: expected like alice@example.com");
        assertThatThrownBy(() -> flow.start("alice@example.com", null, "sms", CUSTOMER))
                .hasMessage("[null] is not a customer ID: give the customer_id your CRM callback returns, e.g. 42");
        assertThatThrownBy(() -> flow.start("alice@example.com", "42", "chat", "alice-customer"))
                .hasMessage("[chat] outgoing chat conversations are not simulated: expected sms or whatsapp");
        assertThatThrownBy(() -> flow.start("alice@example.com", "42", "fax", CUSTOMER))
                .hasMessage("[fax] is not a channel type: expected sms or whatsapp");
        assertThatThrownBy(() -> flow.start("alice@example.com", "42", "sms", "555"))
                .hasMessage("[555] is not an E.164 number: expected like +15551234567");
        assertThatThrownBy(() -> flow.start("alice@example.com", "42", "sms", "whatsapp:" + CUSTOMER))
                .hasMessage("[whatsapp:" + CUSTOMER
                        + "] is a WhatsApp address but ChannelType is sms: send ChannelType whatsapp, or the bare number");
        assertThatThrownBy(() -> new FrontlineOutgoing(sim.api(), sim::callback, ""))
                .hasMessage("[] is not a callback URL: expected like https://svc.example.com/callbacks/outgoing-conversation");
        assertThat(sim.deliveries().count()).isZero();
        assertNothingLeftBehind(sim);
    }

    @Test
    void theSimulatorsCallbackRecordsAppCallbacksAndRefusesOtherScopesAndBlankUrls() {
        ConversationsSimulator sim = sim(proxy(TWILIO));

        WebhookResponse answer = sim.callback(WebhookScope.FRONTLINE, OUTGOING, "GetCustomersList",
                Map.of("Location", "GetCustomersList"));

        assertThat(answer.body()).contains("proxy_address");
        assertThat(sim.deliveries().all()).singleElement().hasToString("#1 post frontline GetCustomersList → 200");
        assertThatThrownBy(() -> sim.callback(WebhookScope.GLOBAL, OUTGOING, "X", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[global] is not an app callback scope: expected frontline or routing");
        assertThatThrownBy(() -> sim.callback(WebhookScope.FRONTLINE, " ", "X", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[ ] is not a callback URL: expected like https://svc.example.com/callbacks/outgoing-conversation");
    }

    private static void assertNothingLeftBehind(ConversationsSimulator sim) {
        assertThat(sim.api().listConversations()).isEmpty();
        sim.verifyInvariants();
    }
}
