package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ConversationWebhookRequest;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.webhook.ConversationWebhook;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookScope;
import org.junit.jupiter.api.Test;

/** Conversation-scoped webhooks: post-action only, targets webhook, trigger and studio (reference §2.6). */
class ScopedWebhookTest {

    private final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").build();
    private final String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();

    private void assertCode(Runnable call, int code) {
        int before = sim.journal().size();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TwilioApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
        assertThat(sim.journal()).hasSize(before);
    }

    @Test
    void aWebhookTargetReceivesTheEventsItsFiltersList() {
        ConversationWebhook wh = sim.api().createConversationWebhook(ch, new ConversationWebhookRequest()
                .target("webhook").url("https://svc.example.com/scoped").method("GET").filters("onMessageAdded"));

        sim.receive("+15551230001", "+15005550001", "captured");
        sim.api().createParticipant(ch, new ParticipantRequest().identity("alice").webhookEnabled(true));

        assertThat(wh.sid()).isEqualTo("WH00000000000000000000000000000001");
        assertThat(sim.deliveries().all()).singleElement().satisfies(d -> {
            assertThat(d.scope()).isEqualTo(WebhookScope.CONVERSATION);
            assertThat(d.method()).isEqualTo("GET");
            assertThat(d.eventType()).isEqualTo("onMessageAdded");
        });
    }

    @Test
    void aTriggerTargetFiresOnlyForMessagesWithItsKeywords() {
        sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("trigger")
                .url("https://svc.example.com/trigger").triggers("help", "agent"));

        sim.receive("+15551230001", "+15005550001", "just chatting");
        sim.receive("+15551230001", "+15005550001", "I need an AGENT please");

        assertThat(sim.deliveries().all()).extracting(d -> d.param("Body")).containsExactly("I need an AGENT please");
    }

    @Test
    void aStudioTargetIsDeliveredToTheFlowsUrl() {
        sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("studio")
                .flowSid("FW00000000000000000000000000000001"));

        sim.receive("+15551230001", "+15005550001", "to the flow");

        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::url).containsExactly(
                "https://webhooks.twilio.com/v1/Accounts/" + sim.accountSid() + "/Flows/FW00000000000000000000000000000001");
    }

    @Test
    void scopedWebhookErrorsUseTwiliosCodes() {
        assertCode(() -> sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("email")), 50364);
        assertCode(() -> sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("webhook")
                .url("https://x.example.com").filters("onMessageAdd")), 50365);
        assertCode(() -> sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("webhook")
                .filters("onMessageAdded")), 50369);
        assertCode(() -> sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("webhook")
                .url("https://x.example.com")), 50370);
        assertCode(() -> sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("trigger")
                .url("https://x.example.com")), 50371);
        assertCode(() -> sim.api().fetchConversationWebhook(ch, "WH00000000000000000000000000000009"), 50360);
        assertCode(() -> sim.api().fetchConversationWebhook(ch, "nope"), 50363);
        assertThat(sim.api().listConversationWebhooks(ch)).isEmpty();
    }

    @Test
    void replayAfterIsStoredButNotActedOn() {
        ConversationWebhook wh = sim.api().createConversationWebhook(ch, new ConversationWebhookRequest()
                .target("webhook").url("https://svc.example.com/scoped").filters("onMessageAdded").replayAfter(0));

        assertThat(sim.api().fetchConversationWebhook(ch, wh.sid()).replayAfter()).isZero();
        assertThat(sim.deliveries().all()).as("no replay of message 0").isEmpty();
    }

    @Test
    void updatingAndDeletingAScopedWebhook() {
        ConversationWebhook wh = sim.api().createConversationWebhook(ch, new ConversationWebhookRequest()
                .target("webhook").url("https://svc.example.com/a").filters("onMessageAdded"));
        sim.api().updateConversationWebhook(ch, wh.sid(), new ConversationWebhookRequest().url("https://svc.example.com/b"));
        sim.api().createMessage(ch, new MessageRequest().body("one").webhookEnabled(true));
        sim.api().deleteConversationWebhook(ch, wh.sid());
        sim.api().createMessage(ch, new MessageRequest().body("two").webhookEnabled(true));

        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::url).containsExactly("https://svc.example.com/b");
        sim.api().updateConversation(ch, new ConversationRequest().state("closed"));
        assertCode(() -> sim.api().createConversationWebhook(ch, new ConversationWebhookRequest().target("webhook")
                .url("https://svc.example.com/a").filters("onMessageAdded")), 50377);
    }
}
