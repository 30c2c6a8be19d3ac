package dev.convsim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.ConversationsSimulator;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMedia;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.webhook.WebhookResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversations, participants, messages and conversation-scoped webhooks over REST, and the webhook header. */
class RestConversationsTest {

    static final String AC = "AC00000000000000000000000000000001";
    static final String IS1 = "IS00000000000000000000000000000001";
    static final String CH1 = "CH00000000000000000000000000000001";
    static final String CH2 = "CH00000000000000000000000000000002";
    static final String MB1 = "MB00000000000000000000000000000001";
    static final String MB2 = "MB00000000000000000000000000000002";
    static final String IM1 = "IM00000000000000000000000000000001";
    static final String WH1 = "WH00000000000000000000000000000001";
    static final String BASE = "https://conversations.twilio.com/v1";

    final Rest rest = new Rest();

    // ------------------------------------------------------------------ conversations

    @Test
    void createConversationAnswers201WithEveryFieldOfTwilioShape() {
        Rest.Reply r = rest.post("/v1/Conversations", "FriendlyName", "Support", "UniqueName", "support-1",
                "Attributes", "{\"topic\":\"billing\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"account_sid\":\"" + AC + "\",\"chat_service_sid\":\"" + IS1 + "\","
                + "\"messaging_service_sid\":null,\"sid\":\"" + CH1 + "\",\"friendly_name\":\"Support\","
                + "\"unique_name\":\"support-1\",\"attributes\":\"{\\\"topic\\\":\\\"billing\\\"}\",\"state\":\"active\","
                + "\"date_created\":\"2026-01-01T00:00:00Z\",\"date_updated\":\"2026-01-01T00:00:00Z\",\"timers\":{},"
                + "\"url\":\"" + BASE + "/Conversations/" + CH1 + "\",\"links\":{"
                + "\"participants\":\"" + BASE + "/Conversations/" + CH1 + "/Participants\","
                + "\"messages\":\"" + BASE + "/Conversations/" + CH1 + "/Messages\","
                + "\"webhooks\":\"" + BASE + "/Conversations/" + CH1 + "/Webhooks\","
                + "\"export\":\"" + BASE + "/Conversations/" + CH1 + "/Export\"},\"bindings\":{}}");
    }

    @Test
    void datesAreUtcWithSecondPrecision() {
        rest.sim.advance(Duration.ofMillis(61_750));

        Rest.Reply r = rest.post("/v1/Conversations");

        assertThat(r.text("date_created")).isEqualTo("2026-01-01T00:01:01Z");
    }

    @Test
    void attributesDefaultToAnEmptyJsonObjectString() {
        JsonNode c = rest.post("/v1/Conversations").json();

        assertThat(c.get("attributes").isTextual()).isTrue();
        assertThat(c.get("attributes").asText()).isEqualTo("{}");
    }

    @Test
    void timersShowOnlyTheDueDatesThatAreSet() {
        Rest.Reply inactiveOnly = rest.post("/v1/Conversations", "State", "active", "Timers.Inactive", "PT5M");
        assertThat(inactiveOnly.json().get("timers").toString()).isEqualTo("{\"date_inactive\":\"2026-01-01T00:05:00Z\"}");

        Rest.Reply both = rest.post("/v1/Conversations/" + inactiveOnly.text("sid"), "Timers.Closed", "PT1H");
        assertThat(both.json().get("timers").toString())
                .isEqualTo("{\"date_inactive\":\"2026-01-01T00:05:00Z\",\"date_closed\":\"2026-01-01T01:00:00Z\"}");
    }

    @Test
    void fetchAcceptsTheUniqueNameInPlaceOfTheSid() {
        rest.conversation("UniqueName", "order-77");

        Rest.Reply r = rest.get("/v1/Conversations/order-77");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("sid")).isEqualTo(CH1);
        assertThat(r.text("url")).isEqualTo(BASE + "/Conversations/" + CH1);
    }

    @Test
    void updateConversationAnswers200WithTheChange() {
        rest.conversation("FriendlyName", "Before");
        rest.sim.advance(Duration.ofSeconds(30));

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1, "FriendlyName", "After", "State", "inactive");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("friendly_name")).isEqualTo("After");
        assertThat(r.text("state")).isEqualTo("inactive");
        assertThat(r.text("date_updated")).isEqualTo("2026-01-01T00:00:30Z");
        assertThat(rest.sim.api().fetchConversation(CH1).friendlyName()).isEqualTo("After");
    }

    @Test
    void deleteConversationAnswers204WithAnEmptyBodyAndTheConversationIsGone() {
        rest.conversation();

        Rest.Reply r = rest.delete("/v1/Conversations/" + CH1);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        Rest.Reply after = rest.get("/v1/Conversations/" + CH1);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.code()).isEqualTo(20404);
    }

    @Test
    void fetchingAnUnknownConversationIsTwilio20404() {
        Rest.Reply r = rest.get("/v1/Conversations/CH0000000000000000000000000000abcd");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"code\":20404,\"message\":\"The requested resource "
                + "/Conversations/CH0000000000000000000000000000abcd was not found\","
                + "\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}");
    }

    @Test
    void engineErrorsKeepTheirCodeStatusAndMessage() {
        Rest.Reply r = rest.post("/v1/Conversations", "Timers.Inactive", "PT5M");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50382);
        assertThat(r.message()).isEqualTo(
                "Timers can't be set on create without State: send State (e.g. active) in the same request");
        assertThat(r.text("more_info")).isEqualTo("https://www.twilio.com/docs/errors/50382");
        assertThat(rest.sim.api().listConversations()).isEmpty();
    }

    @Test
    void listConversationsFiltersByState() {
        rest.conversation();
        rest.conversation("State", "inactive");
        rest.conversation("State", "closed");

        Rest.Reply r = rest.get("/v1/Conversations?State=inactive");

        assertThat(sids(r, "conversations")).containsExactly(CH2);
        assertThat(r.json().get("meta").get("url").asText())
                .isEqualTo(BASE + "/Conversations?State=inactive&PageSize=50&Page=0");
    }

    @Test
    void listConversationsRejectsAStateThatIsNotOne() {
        Rest.Reply r = rest.get("/v1/Conversations?State=open");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(20001);
        assertThat(r.message()).isEqualTo(
                "State [open] is not a conversation state: expected active, inactive, closed or initializing");
    }

    @Test
    void listConversationsByCreationDateNewestFirst() {
        rest.conversation();
        rest.sim.advance(Duration.ofDays(1));
        rest.conversation();
        rest.sim.advance(Duration.ofDays(1));
        String third = rest.conversation();

        assertThat(sids(rest.get("/v1/Conversations?StartDate=2026-01-02"), "conversations"))
                .containsExactly(third, CH2);
        assertThat(sids(rest.get("/v1/Conversations?EndDate=2026-01-02T00:00:00Z"), "conversations"))
                .containsExactly(CH2, CH1);
        Rest.Reply bad = rest.get("/v1/Conversations?StartDate=yesterday");
        assertThat(bad.code()).isEqualTo(20001);
        assertThat(bad.message()).isEqualTo(
                "StartDate [yesterday] is not an ISO-8601 date: expected like 2026-01-01T00:00:00Z or 2026-01-01");
    }

    // ------------------------------------------------------------------ participants

    @Test
    void smsParticipantShowsItsNumberPairAsMessagingBinding() {
        rest.conversation();

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1 + "/Participants",
                "MessagingBinding.Address", "+15551230001", "MessagingBinding.ProxyAddress", "+15005550001");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"account_sid\":\"" + AC + "\",\"conversation_sid\":\"" + CH1 + "\","
                + "\"sid\":\"" + MB1 + "\",\"identity\":null,\"attributes\":\"{}\",\"messaging_binding\":"
                + "{\"type\":\"sms\",\"address\":\"+15551230001\",\"proxy_address\":\"+15005550001\"},"
                + "\"role_sid\":null,\"date_created\":\"2026-01-01T00:00:00Z\",\"date_updated\":\"2026-01-01T00:00:00Z\","
                + "\"url\":\"" + BASE + "/Conversations/" + CH1 + "/Participants/" + MB1 + "\","
                + "\"last_read_message_index\":null,\"last_read_timestamp\":null}");
    }

    @Test
    void whatsappParticipantHasTypeWhatsappAndPrefixedAddresses() {
        rest.conversation();

        JsonNode binding = rest.post("/v1/Conversations/" + CH1 + "/Participants",
                "MessagingBinding.Address", "whatsapp:+15551230001",
                "MessagingBinding.ProxyAddress", "whatsapp:+15005550001").json().get("messaging_binding");

        assertThat(binding.toString()).isEqualTo(
                "{\"type\":\"whatsapp\",\"address\":\"whatsapp:+15551230001\",\"proxy_address\":\"whatsapp:+15005550001\"}");
    }

    @Test
    void chatParticipantHasAnIdentityAndANullBinding() {
        rest.conversation();

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1 + "/Participants", "Identity", "alice@example.com");

        assertThat(r.text("identity")).isEqualTo("alice@example.com");
        assertThat(r.json().get("messaging_binding").isNull()).isTrue();
    }

    @Test
    void groupMembersHaveAnAddressOnlyAndProjectedIdentitiesAProjectedAddressOnly() {
        rest.conversation();
        String participants = "/v1/Conversations/" + CH1 + "/Participants";

        JsonNode member = rest.post(participants, "MessagingBinding.Address", "+15551230001").json();
        JsonNode agent = rest.post(participants, "Identity", "alice",
                "MessagingBinding.ProjectedAddress", "+15005550001").json();

        assertThat(member.get("messaging_binding").toString()).isEqualTo("{\"type\":\"sms\",\"address\":\"+15551230001\"}");
        assertThat(agent.get("messaging_binding").toString())
                .isEqualTo("{\"type\":\"sms\",\"projected_address\":\"+15005550001\"}");
    }

    @Test
    void addingABoundPairElsewhereIs50416Conflict() {
        rest.conversation();
        rest.conversation();
        String[] pair = {"MessagingBinding.Address", "+15551230001", "MessagingBinding.ProxyAddress", "+15005550001"};
        rest.post("/v1/Conversations/" + CH1 + "/Participants", pair);

        Rest.Reply r = rest.post("/v1/Conversations/" + CH2 + "/Participants", pair);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo(50416);
        assertThat(r.message()).isEqualTo(
                "A binding for this participant and proxy address already exists in Conversation " + CH1);
        assertThat(rest.sim.api().listParticipants(CH2)).isEmpty();
    }

    @Test
    void participantFetchUpdateListAndDelete() {
        rest.conversation();
        String participants = "/v1/Conversations/" + CH1 + "/Participants";
        rest.post(participants, "Identity", "alice");
        rest.post(participants, "Identity", "bob");

        assertThat(rest.get(participants + "/alice").text("sid")).isEqualTo(MB1);
        Rest.Reply updated = rest.post(participants + "/" + MB1, "Attributes", "{\"vip\":true}",
                "LastReadMessageIndex", "0");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("attributes")).isEqualTo("{\"vip\":true}");
        assertThat(updated.json().get("last_read_message_index").asInt()).isZero();
        assertThat(updated.text("last_read_timestamp")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(sids(rest.get(participants), "participants")).containsExactly(MB1, MB2);

        Rest.Reply deleted = rest.delete(participants + "/bob");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(sids(rest.get(participants), "participants")).containsExactly(MB1);
    }

    @Test
    void participantsOfAnUnknownConversationAre20404() {
        Rest.Reply r = rest.post("/v1/Conversations/nope/Participants", "Identity", "alice");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.message()).isEqualTo("The requested resource /Conversations/nope was not found");
    }

    // ------------------------------------------------------------------ messages

    @Test
    void createMessageAnswers201WithNullDeliveryNullDateUpdatedAndReceiptLinks() {
        rest.conversation();
        rest.post("/v1/Conversations/" + CH1 + "/Participants", "Identity", "alice");

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1 + "/Messages", "Author", "alice", "Body", "hi there");

        assertThat(r.status()).isEqualTo(201);
        String url = BASE + "/Conversations/" + CH1 + "/Messages/" + IM1;
        assertThat(r.body()).isEqualTo("{\"account_sid\":\"" + AC + "\",\"conversation_sid\":\"" + CH1 + "\","
                + "\"sid\":\"" + IM1 + "\",\"index\":0,\"author\":\"alice\",\"body\":\"hi there\",\"media\":null,"
                + "\"attributes\":\"{}\",\"participant_sid\":\"" + MB1 + "\",\"date_created\":\"2026-01-01T00:00:00Z\","
                + "\"date_updated\":null,\"url\":\"" + url + "\",\"delivery\":null,"
                + "\"links\":{\"delivery_receipts\":\"" + url + "/Receipts\",\"channel_metadata\":\"" + url
                + "/ChannelMetadata\"},\"content_sid\":null}");
    }

    @Test
    void inboundMediaIsListedWithSidTypeNameAndSize() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").build();
        sim.receive(InboundMessage.of("+15551230001", "+15005550001", "photo")
                .withMedia(new InboundMedia("image/jpeg", "car.jpg")));
        Rest rest = new Rest(sim);

        JsonNode media = rest.get("/v1/Conversations/" + CH1 + "/Messages/" + IM1).json().get("media");

        assertThat(media.isArray()).isTrue();
        assertThat(media).hasSize(1);
        JsonNode item = media.get(0);
        assertThat(item.get("sid").asText()).startsWith("ME");
        assertThat(item.get("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(item.get("filename").asText()).isEqualTo("car.jpg");
        assertThat(item.get("size").isIntegralNumber()).isTrue();
    }

    @Test
    void messagesListInIndexOrderOrReversedWithOrderDesc() {
        rest.conversation();
        String messages = "/v1/Conversations/" + CH1 + "/Messages";
        rest.post(messages, "Body", "one");
        rest.post(messages, "Body", "two");
        rest.post(messages, "Body", "three");

        assertThat(bodies(rest.get(messages))).containsExactly("one", "two", "three");
        assertThat(bodies(rest.get(messages + "?Order=asc"))).containsExactly("one", "two", "three");
        Rest.Reply desc = rest.get(messages + "?Order=desc&PageSize=2");
        assertThat(bodies(desc)).containsExactly("three", "two");
        assertThat(desc.json().get("meta").get("next_page_url").asText())
                .isEqualTo(BASE + "/Conversations/" + CH1 + "/Messages?Order=desc&PageSize=2&Page=1");
        assertThat(bodies(rest.get(desc.json().get("meta").get("next_page_url").asText()))).containsExactly("one");
    }

    @Test
    void messagesRejectAnOrderThatIsNotAscOrDesc() {
        rest.conversation();

        Rest.Reply r = rest.get("/v1/Conversations/" + CH1 + "/Messages?Order=newest");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(20001);
        assertThat(r.message()).isEqualTo("Order [newest] is not a sort order: expected asc or desc");
    }

    @Test
    void messageUpdateAndDelete() {
        rest.conversation();
        String messages = "/v1/Conversations/" + CH1 + "/Messages";
        rest.post(messages, "Body", "draft");
        rest.sim.advance(Duration.ofSeconds(5));

        Rest.Reply updated = rest.post(messages + "/" + IM1, "Body", "final");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("body")).isEqualTo("final");
        assertThat(updated.text("date_updated")).isEqualTo("2026-01-01T00:00:05Z");

        assertThat(rest.delete(messages + "/" + IM1).status()).isEqualTo(204);
        Rest.Reply gone = rest.get(messages + "/" + IM1);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.message()).isEqualTo(
                "The requested resource /Conversations/" + CH1 + "/Messages/" + IM1 + " was not found");
    }

    @Test
    void messageTooLongIs21617() {
        rest.conversation();

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1 + "/Messages", "Body", "x".repeat(1601));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(21617);
    }

    // ------------------------------------------------------------------ conversation-scoped webhooks

    @Test
    void scopedWebhookShowsItsConfigurationWithLowerCaseMethod() {
        rest.conversation();

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1 + "/Webhooks", "Target", "webhook",
                "Configuration.Url", "https://svc.example.com/hook", "Configuration.Method", "POST",
                "Configuration.Filters", "onParticipantAdded", "Configuration.Filters", "onMessageAdded");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"sid\":\"" + WH1 + "\",\"account_sid\":\"" + AC + "\",\"conversation_sid\":\""
                + CH1 + "\",\"target\":\"webhook\",\"url\":\"" + BASE + "/Conversations/" + CH1 + "/Webhooks/" + WH1
                + "\",\"configuration\":{\"url\":\"https://svc.example.com/hook\",\"method\":\"post\","
                + "\"filters\":[\"onParticipantAdded\",\"onMessageAdded\"]},"
                + "\"date_created\":\"2026-01-01T00:00:00Z\",\"date_updated\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void studioWebhookShowsItsFlowSid() {
        rest.conversation();

        JsonNode configuration = rest.post("/v1/Conversations/" + CH1 + "/Webhooks", "Target", "studio",
                "Configuration.FlowSid", "FW00000000000000000000000000000001").json().get("configuration");

        assertThat(configuration.toString()).isEqualTo("{\"flow_sid\":\"FW00000000000000000000000000000001\"}");
    }

    @Test
    void scopedWebhookWithABadTargetIs50364() {
        rest.conversation();

        Rest.Reply r = rest.post("/v1/Conversations/" + CH1 + "/Webhooks", "Target", "email");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50364);
        assertThat(r.message()).isEqualTo("Target [email] is not a webhook target: expected webhook, trigger or studio");
    }

    @Test
    void scopedWebhookFetchUpdateListAndDelete() {
        rest.conversation();
        String webhooks = "/v1/Conversations/" + CH1 + "/Webhooks";
        rest.post(webhooks, "Target", "trigger", "Configuration.Url", "https://svc.example.com/t",
                "Configuration.Triggers", "help");

        assertThat(rest.get(webhooks + "/" + WH1).json().get("configuration").get("triggers").toString())
                .isEqualTo("[\"help\"]");
        Rest.Reply updated = rest.post(webhooks + "/" + WH1, "Configuration.Url", "https://svc.example.com/t2");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("configuration").get("url").asText()).isEqualTo("https://svc.example.com/t2");
        Rest.Reply list = rest.get(webhooks);
        assertThat(sids(list, "webhooks")).containsExactly(WH1);
        assertThat(list.json().get("meta").get("page_size").asInt()).isEqualTo(5);

        assertThat(rest.delete(webhooks + "/" + WH1).status()).isEqualTo(204);
        Rest.Reply gone = rest.get(webhooks + "/" + WH1);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo(50360);
    }

    // ------------------------------------------------------------------ X-Twilio-Webhook-Enabled

    static ConversationsSimulator withGlobalPostWebhook() {
        return ConversationsSimulator.builder()
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl("https://svc.example.com/post")
                        .preWebhookUrl("https://svc.example.com/pre")
                        .filters("onConversationAdded", "onParticipantAdded", "onMessageAdded", "onConversationAdd"))
                .build();
    }

    @Test
    void restCallsFireNoWebhooksWithoutTheHeader() {
        Rest rest = new Rest(withGlobalPostWebhook());

        rest.post("/v1/Conversations", "FriendlyName", "quiet");
        rest.post("/v1/Conversations/" + CH1 + "/Participants", "Identity", "alice");
        rest.post("/v1/Conversations/" + CH1 + "/Messages", "Body", "hi");

        assertThat(rest.sim.deliveries().all()).isEmpty();
    }

    @Test
    void restCallsFireWebhooksWhenTheHeaderIsTrueWhateverItsCase() {
        Rest rest = new Rest(withGlobalPostWebhook());
        Map<String, String> header = Map.of("x-twilio-webhook-enabled", "TRUE");

        rest.call("POST", "/v1/Conversations", Rest.form("FriendlyName", "loud"), header);
        rest.call("POST", "/v1/Conversations/" + CH1 + "/Participants", Rest.form("Identity", "alice"), header);
        rest.call("POST", "/v1/Conversations/" + CH1 + "/Messages", Rest.form("Body", "hi"), header);

        rest.sim.deliveries().assertEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdded",
                "onMessageAdded");
    }

    @Test
    void theHeaderSetToFalseFiresNothing() {
        Rest rest = new Rest(withGlobalPostWebhook());

        rest.call("POST", "/v1/Conversations", Map.of(), Map.of("X-Twilio-Webhook-Enabled", "false"));

        assertThat(rest.sim.deliveries().all()).isEmpty();
    }

    @Test
    void aRejectingPreActionWebhookFailsTheCallOnlyWithTheHeader() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://svc.example.com/pre")
                        .filters("onConversationAdd"))
                .endpoint("https://svc.example.com/pre", request -> WebhookResponse.status(403))
                .build();
        Rest rest = new Rest(sim);

        Rest.Reply rejected = rest.postWithWebhooks("/v1/Conversations", "FriendlyName", "x");
        assertThat(rejected.status()).isEqualTo(403);
        assertThat(rejected.code()).isEqualTo(20403);
        assertThat(sim.api().listConversations()).isEmpty();

        assertThat(rest.post("/v1/Conversations", "FriendlyName", "x").status()).isEqualTo(201);
    }

    @Test
    void deletingWithTheHeaderFiresTheRemovalWebhooks() {
        Rest rest = new Rest(ConversationsSimulator.builder()
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl("https://svc.example.com/post")
                        .filters("onConversationRemoved"))
                .build());
        rest.conversation();
        rest.conversation();

        rest.delete("/v1/Conversations/" + CH1);
        assertThat(rest.sim.deliveries().all()).isEmpty();
        rest.call("DELETE", "/v1/Conversations/" + CH2, Map.of(), Rest.WEBHOOKS_ON);

        rest.sim.deliveries().assertEventTypes("onConversationRemoved");
        assertThat(rest.sim.deliveries().all().get(0).param("ConversationSid")).isEqualTo(CH2);
    }

    // ------------------------------------------------------------------ helpers

    static List<String> sids(Rest.Reply page, String key) {
        List<String> out = new ArrayList<>();
        page.json().get(key).forEach(n -> out.add(n.get("sid").asText()));
        return out;
    }

    static List<String> bodies(Rest.Reply page) {
        List<String> out = new ArrayList<>();
        page.json().get("messages").forEach(n -> out.add(n.get("body").asText()));
        return out;
    }
}
