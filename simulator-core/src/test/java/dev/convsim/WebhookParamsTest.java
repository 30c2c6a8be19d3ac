package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.api.ConversationRequest;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMedia;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters of every event, field by field, against reference §6.5 (names, order, values). */
class WebhookParamsTest {

    static final String AC = ConversationsSimulator.DEFAULT_ACCOUNT_SID;
    static final String IS = "IS00000000000000000000000000000001";
    static final String CH = "CH00000000000000000000000000000001";
    static final String MB = "MB00000000000000000000000000000001";
    static final String IM = "IM00000000000000000000000000000001";
    static final String T0 = "2026-01-01T00:00:00Z";

    private final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
            .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://svc.example.com/pre")
                    .postWebhookUrl("https://svc.example.com/post")
                    .filters(java.util.Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wire).toArray(String[]::new)))
            .build();

    private static Map<String, String> params(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private RecordedDelivery only(String eventType) {
        var list = sim.deliveries().only(eventType);
        assertThat(list).as(eventType).hasSize(1);
        return list.get(0);
    }

    @Test
    void autocreationEventsCarryTwilioFieldsInTwilioOrder() {
        sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(only("onConversationAdd").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onConversationAdd", "Source", "SMS", "RetryCount", "0",
                "Attributes", "{}", "ChatServiceSid", IS,
                "MessagingBinding.ProxyAddress", "+15005550001", "MessagingBinding.Address", "+15551230001",
                "MessageBody", "hello", "State", "active", "DateCreated", T0));
        assertThat(only("onConversationAdded").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onConversationAdded", "Source", "SMS", "RetryCount", "0",
                "ConversationSid", CH, "DateCreated", T0, "DateUpdated", T0, "Attributes", "{}",
                "ChatServiceSid", IS,
                "MessagingBinding.ProxyAddress", "+15005550001", "MessagingBinding.Address", "+15551230001",
                "State", "active"));
        assertThat(only("onParticipantAdded").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onParticipantAdded", "Source", "SMS", "RetryCount", "0",
                "ConversationSid", CH, "ParticipantSid", MB, "Attributes", "{}",
                "MessagingBinding.ProxyAddress", "+15005550001", "MessagingBinding.Address", "+15551230001",
                "MessagingBinding.Type", "SMS", "DateCreated", T0));
        assertThat(only("onMessageAdded").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onMessageAdded", "Source", "SMS", "RetryCount", "0",
                "ConversationSid", CH, "MessageSid", IM, "Index", "0", "DateCreated", T0, "Body", "hello",
                "Author", "+15551230001", "ParticipantSid", MB, "Attributes", "{}"));
    }

    @Test
    void aCapturedMessageCarriesOnMessageAddWithoutSidOrIndex() {
        sim.receive("+15551230001", "+15005550001", "hello");
        sim.advance(Duration.ofSeconds(90));

        sim.receive(InboundMessage.of("+15551230001", "+15005550001", "photo")
                .withMedia(new InboundMedia("image/jpeg", "cat.jpg")));

        assertThat(only("onMessageAdd").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onMessageAdd", "Source", "SMS", "RetryCount", "0",
                "ConversationSid", CH, "Body", "photo", "Author", "+15551230001", "ParticipantSid", MB,
                "Attributes", "{}",
                "Media", "[{\"Sid\":null,\"Filename\":\"cat.jpg\",\"ContentType\":\"image/jpeg\",\"Size\":0}]"));
        RecordedDelivery added = sim.deliveries().only("onMessageAdded").get(1);
        assertThat(added.param("Index")).isEqualTo("1");
        assertThat(added.param("DateCreated")).isEqualTo("2026-01-01T00:01:30Z");
        assertThat(added.param("Media"))
                .isEqualTo("[{\"Sid\":\"ME00000000000000000000000000000001\",\"Filename\":\"cat.jpg\",\"ContentType\":\"image/jpeg\",\"Size\":0}]");
    }

    @Test
    void stateUpdatesCarryFromToReasonAndInstant() {
        String ch = sim.api().createConversation(new ConversationRequest().state("active").timersInactive("PT5M")).sid();

        sim.advance(Duration.ofMinutes(6));

        assertThat(only("onConversationStateUpdated").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onConversationStateUpdated", "RetryCount", "0",
                "ChatServiceSid", IS, "StateUpdated", "2026-01-01T00:05:00Z", "StateFrom", "active",
                "StateTo", "inactive", "ConversationSid", ch, "Reason", "TIMER"));
    }

    @Test
    void apiDrivenParticipantMessageAndConversationEventsCarryTheirFields() {
        String ch = sim.api().createConversation(new ConversationRequest().friendlyName("Support")
                .uniqueName("support").webhookEnabled(true)).sid();
        String mb = sim.api().createParticipant(ch, new ParticipantRequest().identity("alice@example.com")
                .attributes("{\"role\":\"agent\"}").webhookEnabled(true)).sid();
        String im = sim.api().createMessage(ch, new MessageRequest().author("alice@example.com").body("hi")
                .webhookEnabled(true)).sid();
        sim.api().updateConversation(ch, new ConversationRequest().friendlyName("Support 2").webhookEnabled(true));
        sim.api().deleteParticipant(ch, mb, true);
        sim.api().deleteConversation(ch, true);

        assertThat(only("onConversationAdd").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onConversationAdd", "Source", "API", "RetryCount", "0",
                "FriendlyName", "Support", "UniqueName", "support", "Attributes", "{}", "ChatServiceSid", IS,
                "State", "active"));
        assertThat(only("onParticipantAdd").params()).containsExactlyEntriesOf(params(
                "AccountSid", AC, "EventType", "onParticipantAdd", "Source", "API", "RetryCount", "0",
                "ConversationSid", ch, "Identity", "alice@example.com", "Attributes", "{\"role\":\"agent\"}",
                "MessagingBinding.Type", "CHAT"));
        assertThat(only("onParticipantAdded").params()).containsEntry("ParticipantSid", mb)
                .containsEntry("DateCreated", T0);
        assertThat(only("onMessageAdded").params()).containsEntry("MessageSid", im)
                .containsEntry("Author", "alice@example.com").containsEntry("ParticipantSid", mb)
                .containsEntry("Source", "API");
        assertThat(only("onConversationUpdate").param("FriendlyName")).isEqualTo("Support");
        assertThat(only("onConversationUpdated").param("FriendlyName")).isEqualTo("Support 2");
        assertThat(only("onParticipantRemoved").params()).containsEntry("ParticipantSid", mb)
                .containsEntry("DateRemoved", T0);
        assertThat(only("onConversationRemoved").params()).containsEntry("ConversationSid", ch)
                .containsEntry("DateRemoved", T0).containsEntry("UniqueName", "support");
    }

    @Test
    void theIncomingMessageWebhookCarriesProgrammableMessagingFields() {
        ConversationsSimulator pm = ConversationsSimulator.builder()
                .phoneNumber("+15005550009", "https://legacy.example.com/sms").build();

        pm.receive(InboundMessage.of("+15551230001", "+15005550009", "hi")
                .withMedia(new InboundMedia("image/png", null)));

        RecordedDelivery d = pm.deliveries().all().get(0);
        assertThat(d.eventType()).isEqualTo("incomingMessage");
        assertThat(d.params()).containsEntry("From", "+15551230001").containsEntry("To", "+15005550009")
                .containsEntry("Body", "hi").containsEntry("NumMedia", "1").containsEntry("AccountSid", AC)
                .containsEntry("MessageSid", "MM00000000000000000000000000000001")
                .containsEntry("MediaContentType0", "image/png")
                .containsEntry("ApiVersion", "2010-04-01");
    }
}
