package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.api.ConversationWebhookRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capture commits in the same lock hold as its decision when no pre-action hook must be asked, and builds a
 * post-action event's parameters only when some scope listens; with hooks configured, both still happen.
 */
class InboundCommitPathTest {

    private static final String TWILIO = "+15005550001";
    private static final String CUSTOMER = "+15551230001";

    @Test
    void secondMessageFromSameSenderIsCapturedWithNoWebhooksConfigured() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(TWILIO).build();
        InboundOutcome first = sim.receive(CUSTOMER, TWILIO, "hello");

        InboundOutcome second = sim.receive(CUSTOMER, TWILIO, "again");

        assertThat(second).isInstanceOf(InboundOutcome.Captured.class);
        assertThat(second.conversationSid()).isEqualTo(first.conversationSid());
        assertThat(sim.api().listMessages(first.conversationSid())).extracting(m -> m.body())
                .containsExactly("hello", "again");
        assertThat(sim.journalText()).contains("message added " + "IM…02").contains("(index 1)");
        assertThat(sim.deliveries().count()).isZero();
        sim.verifyInvariants();
    }

    @Test
    void capturePreActionHookIsStillAskedAndItsAnswerApplied() {
        List<String> asked = new ArrayList<>();
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(TWILIO)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://hooks.example.com/pre")
                        .filters("onMessageAdd"))
                .endpoint("https://hooks.example.com/pre", request -> {
                    asked.add(request.param("Body"));
                    return WebhookResponse.json("{\"body\":\"edited by the hook\"}");
                })
                .build();
        InboundOutcome first = sim.receive(CUSTOMER, TWILIO, "hello");

        InboundOutcome second = sim.receive(CUSTOMER, TWILIO, "again");

        assertThat(second).isInstanceOf(InboundOutcome.Captured.class);
        assertThat(asked).containsExactly("again");
        assertThat(sim.api().fetchMessage(first.conversationSid(), second.messageSid()).body())
                .isEqualTo("edited by the hook");
    }

    @Test
    void capturePreActionHookThatRejectsDropsTheMessage() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(TWILIO)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://hooks.example.com/pre")
                        .filters("onMessageAdd"))
                .endpoint("https://hooks.example.com/pre", request -> WebhookResponse.status(403))
                .build();
        InboundOutcome first = sim.receive(CUSTOMER, TWILIO, "hello");

        InboundOutcome second = sim.receive(CUSTOMER, TWILIO, "again");

        assertThat(second).isInstanceOf(InboundOutcome.Dropped.class);
        assertThat(sim.api().listMessages(first.conversationSid())).hasSize(1);
    }

    @Test
    void conversationScopedWebhookAloneStillReceivesTheCapturedMessage() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(TWILIO).build();
        InboundOutcome first = sim.receive(CUSTOMER, TWILIO, "hello");
        sim.api().createConversationWebhook(first.conversationSid(), new ConversationWebhookRequest()
                .target("webhook").url("https://hooks.example.com/scoped").filters("onMessageAdded"));

        sim.receive(CUSTOMER, TWILIO, "again");

        assertThat(sim.deliveries().takeNext("onMessageAdded").param("Body")).isEqualTo("again");
        assertThat(sim.deliveries().pending()).isZero();
    }
}
