package dev.convsim.rest;

import static dev.convsim.rest.RestConversationsTest.AC;
import static dev.convsim.rest.RestConversationsTest.BASE;
import static dev.convsim.rest.RestConversationsTest.CH1;
import static dev.convsim.rest.RestConversationsTest.CH2;
import static dev.convsim.rest.RestConversationsTest.IS1;
import static dev.convsim.rest.RestConversationsTest.sids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.ConversationsSimulator;
import org.junit.jupiter.api.Test;

/** Configuration, global and service webhooks, address configurations, services and participant conversations. */
class RestConfigurationTest {

    static final String IS2 = "IS00000000000000000000000000000002";
    static final String IG1 = "IG00000000000000000000000000000001";
    static final String IG2 = "IG00000000000000000000000000000002";

    final Rest rest = new Rest();

    // ------------------------------------------------------------------ /v1/Configuration

    @Test
    void configurationShowsDefaultsAndLinks() {
        Rest.Reply r = rest.get("/v1/Configuration");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"account_sid\":\"" + AC + "\",\"default_chat_service_sid\":\"" + IS1 + "\","
                + "\"default_messaging_service_sid\":null,\"default_inactive_timer\":null,\"default_closed_timer\":null,"
                + "\"url\":\"" + BASE + "/Configuration\",\"links\":{\"service\":\"" + BASE + "/Services/" + IS1
                + "/Configuration\",\"webhooks\":\"" + BASE + "/Configuration/Webhooks\"}}");
    }

    @Test
    void configurationUpdateSetsTheDefaultTimersAsIsoDurations() {
        Rest.Reply r = rest.post("/v1/Configuration", "DefaultInactiveTimer", "PT5M", "DefaultClosedTimer", "P1D");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("default_inactive_timer")).isEqualTo("PT5M");
        assertThat(r.text("default_closed_timer")).isEqualTo("PT24H");
        assertThat(rest.conversation()).isEqualTo(CH1);
        assertThat(rest.get("/v1/Conversations/" + CH1).json().get("timers").get("date_inactive").asText())
                .isEqualTo("2026-01-01T00:05:00Z");
    }

    @Test
    void configurationRejectsATimerBelowTwiliosMinimum() {
        Rest.Reply r = rest.post("/v1/Configuration", "DefaultClosedTimer", "PT5M");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50376);
        assertThat(rest.get("/v1/Configuration").text("default_closed_timer")).isNull();
    }

    // ------------------------------------------------------------------ global and service webhooks

    @Test
    void globalWebhooksUpdateAndFetch() {
        Rest.Reply r = rest.post("/v1/Configuration/Webhooks", "PreWebhookUrl", "https://svc.example.com/pre",
                "PostWebhookUrl", "https://svc.example.com/post", "Method", "POST",
                "Filters", "onConversationAdd", "Filters", "onMessageAdded");

        assertThat(r.status()).isEqualTo(200);
        String expected = "{\"account_sid\":\"" + AC + "\",\"method\":\"POST\","
                + "\"filters\":[\"onConversationAdd\",\"onMessageAdded\"],"
                + "\"pre_webhook_url\":\"https://svc.example.com/pre\",\"post_webhook_url\":\"https://svc.example.com/post\","
                + "\"target\":\"webhook\",\"url\":\"" + BASE + "/Configuration/Webhooks\"}";
        assertThat(r.body()).isEqualTo(expected);
        assertThat(rest.get("/v1/Configuration/Webhooks").body()).isEqualTo(expected);
    }

    @Test
    void globalWebhooksRejectAFilterThatIsNoEvent() {
        Rest.Reply r = rest.post("/v1/Configuration/Webhooks", "Filters", "onEverything");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(20001);
        assertThat(r.message()).startsWith("Filters [onEverything] is not an event this scope can filter");
    }

    @Test
    void serviceWebhooksUpdateAndFetch() {
        Rest.Reply r = rest.post("/v1/Services/" + IS1 + "/Configuration/Webhooks",
                "PostWebhookUrl", "https://svc.example.com/post", "Filters", "onMessageAdded", "Method", "GET");

        assertThat(r.status()).isEqualTo(200);
        String expected = "{\"account_sid\":\"" + AC + "\",\"chat_service_sid\":\"" + IS1 + "\","
                + "\"pre_webhook_url\":null,\"post_webhook_url\":\"https://svc.example.com/post\","
                + "\"filters\":[\"onMessageAdded\"],\"method\":\"GET\","
                + "\"url\":\"" + BASE + "/Services/" + IS1 + "/Configuration/Webhooks\"}";
        assertThat(r.body()).isEqualTo(expected);
        assertThat(rest.get("/v1/Services/" + IS1 + "/Configuration/Webhooks").body()).isEqualTo(expected);
    }

    @Test
    void serviceWebhooksOfAnUnknownServiceAre20404() {
        Rest.Reply r = rest.get("/v1/Services/IS000000000000000000000000000000ff/Configuration/Webhooks");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.message()).isEqualTo(
                "The requested resource /Services/IS000000000000000000000000000000ff was not found");
    }

    // ------------------------------------------------------------------ address configurations

    @Test
    void createAddressConfigurationAnswers201WithItsAutoCreation() {
        Rest.Reply r = rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001",
                "FriendlyName", "Support line", "AutoCreation.Enabled", "true", "AutoCreation.Type", "webhook",
                "AutoCreation.ConversationServiceSid", IS1, "AutoCreation.WebhookUrl", "https://svc.example.com/ac",
                "AutoCreation.WebhookMethod", "POST", "AutoCreation.WebhookFilters", "onParticipantAdded",
                "AutoCreation.WebhookFilters", "onMessageAdded");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"sid\":\"" + IG1 + "\",\"account_sid\":\"" + AC + "\",\"type\":\"sms\","
                + "\"address\":\"+15005550001\",\"friendly_name\":\"Support line\",\"auto_creation\":{\"enabled\":true,"
                + "\"type\":\"webhook\",\"conversation_service_sid\":\"" + IS1 + "\","
                + "\"webhook_url\":\"https://svc.example.com/ac\",\"webhook_method\":\"POST\","
                + "\"webhook_filters\":[\"onParticipantAdded\",\"onMessageAdded\"]},"
                + "\"date_created\":\"2026-01-01T00:00:00Z\",\"date_updated\":\"2026-01-01T00:00:00Z\","
                + "\"url\":\"" + BASE + "/Configuration/Addresses/" + IG1 + "\",\"address_country\":null}");
    }

    @Test
    void studioAutoCreationShowsItsFlowAndRetryCount() {
        JsonNode autoCreation = rest.post("/v1/Configuration/Addresses", "Type", "whatsapp",
                "Address", "whatsapp:+15005550001", "AutoCreation.Enabled", "true", "AutoCreation.Type", "studio",
                "AutoCreation.StudioFlowSid", "FW00000000000000000000000000000001",
                "AutoCreation.StudioRetryCount", "2").json().get("auto_creation");

        assertThat(autoCreation.toString()).isEqualTo("{\"enabled\":true,\"type\":\"studio\","
                + "\"studio_flow_sid\":\"FW00000000000000000000000000000001\",\"studio_retry_count\":2}");
    }

    @Test
    void addressConfigurationIsFoundBySidOrByItsAddressEncodedOrNot() {
        rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001");

        assertThat(rest.get("/v1/Configuration/Addresses/" + IG1).text("address")).isEqualTo("+15005550001");
        assertThat(rest.get("/v1/Configuration/Addresses/%2B15005550001").text("sid")).isEqualTo(IG1);
        assertThat(rest.get("/v1/Configuration/Addresses/+15005550001").text("sid")).isEqualTo(IG1);
    }

    @Test
    void addressConfigurationsListFilteredByType() {
        rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001");
        rest.post("/v1/Configuration/Addresses", "Type", "whatsapp", "Address", "whatsapp:+15005550002");

        assertThat(sids(rest.get("/v1/Configuration/Addresses"), "address_configurations")).containsExactly(IG1, IG2);
        Rest.Reply whatsapp = rest.get("/v1/Configuration/Addresses?Type=whatsapp");
        assertThat(sids(whatsapp, "address_configurations")).containsExactly(IG2);
        assertThat(whatsapp.json().get("meta").get("key").asText()).isEqualTo("address_configurations");
        assertThat(sids(rest.get("/v1/Configuration/Addresses?Type=messenger"), "address_configurations")).isEmpty();
        Rest.Reply bad = rest.get("/v1/Configuration/Addresses?Type=fax");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo(
                "Type [fax] is not an address type: expected one of sms, whatsapp, messenger, gbm, email, rcs, apple, chat");
    }

    @Test
    void addressConfigurationUpdateAndDelete() {
        rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001");

        Rest.Reply updated = rest.post("/v1/Configuration/Addresses/" + IG1, "AutoCreation.Enabled", "true",
                "FriendlyName", "Now on");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("auto_creation").toString()).isEqualTo("{\"enabled\":true,\"type\":\"default\"}");
        assertThat(updated.text("friendly_name")).isEqualTo("Now on");

        Rest.Reply deleted = rest.delete("/v1/Configuration/Addresses/%2B15005550001");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(rest.get("/v1/Configuration/Addresses/" + IG1).code()).isEqualTo(20404);
    }

    @Test
    void aSecondConfigurationForTheSameAddressIsAConflict() {
        rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001");

        Rest.Reply r = rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo(50353);
        assertThat(rest.sim.api().listAddressConfigurations()).hasSize(1);
    }

    @Test
    void addressConfigurationWithoutTypeIsMissingParameter() {
        Rest.Reply r = rest.post("/v1/Configuration/Addresses", "Address", "+15005550001");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(20001);
        assertThat(r.message()).isEqualTo("Missing required parameter Type in the post body");
    }

    // ------------------------------------------------------------------ services

    @Test
    void createServiceAnswers201WithItsLinks() {
        Rest.Reply r = rest.post("/v1/Services", "FriendlyName", "Sales");

        assertThat(r.status()).isEqualTo(201);
        String url = BASE + "/Services/" + IS2;
        assertThat(r.body()).isEqualTo("{\"account_sid\":\"" + AC + "\",\"sid\":\"" + IS2 + "\",\"friendly_name\":\"Sales\","
                + "\"date_created\":\"2026-01-01T00:00:00Z\",\"date_updated\":\"2026-01-01T00:00:00Z\",\"url\":\"" + url
                + "\",\"links\":{\"conversations\":\"" + url + "/Conversations\",\"users\":\"" + url + "/Users\","
                + "\"roles\":\"" + url + "/Roles\",\"bindings\":\"" + url + "/Bindings\",\"configuration\":\"" + url
                + "/Configuration\",\"participant_conversations\":\"" + url + "/ParticipantConversations\","
                + "\"conversation_with_participants\":\"" + url + "/ConversationWithParticipants\"}}");
    }

    @Test
    void createServiceWithoutAFriendlyNameIs20001() {
        Rest.Reply r = rest.post("/v1/Services");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(20001);
        assertThat(r.message()).isEqualTo("Missing required parameter FriendlyName in the post body");
    }

    @Test
    void servicesListFetchAndDelete() {
        rest.post("/v1/Services", "FriendlyName", "Sales");

        assertThat(sids(rest.get("/v1/Services"), "services")).containsExactly(IS1, IS2);
        assertThat(rest.get("/v1/Services/" + IS2).text("friendly_name")).isEqualTo("Sales");
        Rest.Reply deleted = rest.delete("/v1/Services/" + IS2);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(rest.get("/v1/Services/" + IS2).status()).isEqualTo(404);
    }

    @Test
    void theDefaultServiceCannotBeDeleted() {
        Rest.Reply r = rest.delete("/v1/Services/" + IS1);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Conversation service " + IS1
                + " is the default conversation service: set another DefaultChatServiceSid first");
    }

    // ------------------------------------------------------------------ service-scoped conversations

    @Test
    void conversationCreatedUnderAServiceLivesThereWithServiceUrls() {
        rest.post("/v1/Services", "FriendlyName", "Sales");

        Rest.Reply r = rest.post("/v1/Services/" + IS2 + "/Conversations", "FriendlyName", "Lead");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("chat_service_sid")).isEqualTo(IS2);
        String url = BASE + "/Services/" + IS2 + "/Conversations/" + CH1;
        assertThat(r.text("url")).isEqualTo(url);
        assertThat(r.json().get("links").get("participants").asText()).isEqualTo(url + "/Participants");
        assertThat(rest.sim.api().fetchConversation(CH1).chatServiceSid()).isEqualTo(IS2);
    }

    @Test
    void aServiceListsOnlyItsOwnConversations() {
        rest.post("/v1/Services", "FriendlyName", "Sales");
        rest.conversation();
        rest.post("/v1/Services/" + IS2 + "/Conversations");

        Rest.Reply page = rest.get("/v1/Services/" + IS2 + "/Conversations");

        assertThat(sids(page, "conversations")).containsExactly(CH2);
        assertThat(page.json().get("meta").get("first_page_url").asText())
                .isEqualTo(BASE + "/Services/" + IS2 + "/Conversations?PageSize=50&Page=0");
    }

    @Test
    void aConversationOfAnotherServiceIs20404UnderThisOne() {
        rest.post("/v1/Services", "FriendlyName", "Sales");
        rest.conversation();

        Rest.Reply fetch = rest.get("/v1/Services/" + IS2 + "/Conversations/" + CH1);
        Rest.Reply participant = rest.post("/v1/Services/" + IS2 + "/Conversations/" + CH1 + "/Participants",
                "Identity", "alice");

        assertThat(fetch.status()).isEqualTo(404);
        assertThat(fetch.code()).isEqualTo(20404);
        assertThat(fetch.message()).isEqualTo(
                "The requested resource /Services/" + IS2 + "/Conversations/" + CH1 + " was not found");
        assertThat(participant.code()).isEqualTo(20404);
        assertThat(rest.sim.api().listParticipants(CH1)).isEmpty();
        assertThat(rest.get("/v1/Services/" + IS1 + "/Conversations/" + CH1).status()).isEqualTo(200);
    }

    @Test
    void theShortenedUrlsReachOnlyTheDefaultServicesConversations() {
        rest.post("/v1/Services", "FriendlyName", "Sales");
        rest.conversation();
        rest.post("/v1/Services/" + IS2 + "/Conversations", "FriendlyName", "Lead");

        assertThat(sids(rest.get("/v1/Conversations"), "conversations")).containsExactly(CH1);
        Rest.Reply fetch = rest.get("/v1/Conversations/" + CH2);
        assertThat(fetch.status()).isEqualTo(404);
        assertThat(fetch.code()).isEqualTo(20404);
        assertThat(fetch.message()).isEqualTo("The requested resource /Conversations/" + CH2 + " (it is in"
                + " conversation service " + IS2 + ": use /v1/Services/" + IS2 + "/Conversations) was not found");
        assertThat(rest.post("/v1/Conversations/" + CH2 + "/Participants", "Identity", "alice").code())
                .isEqualTo(20404);
        assertThat(rest.delete("/v1/Conversations/" + CH2).status()).isEqualTo(404);
        assertThat(rest.sim.api().listParticipants(CH2)).isEmpty();
        assertThat(rest.sim.api().listConversations()).hasSize(2);

        // once Sales is the default service, the shortened URLs reach its conversations instead
        rest.post("/v1/Configuration", "DefaultChatServiceSid", IS2);
        assertThat(sids(rest.get("/v1/Conversations"), "conversations")).containsExactly(CH2);
        assertThat(rest.get("/v1/Conversations/" + CH2).status()).isEqualTo(200);
        assertThat(rest.get("/v1/Conversations/" + CH1).status()).isEqualTo(404);
    }

    @Test
    void conversationsOfAnUnknownServiceAre20404() {
        Rest.Reply r = rest.post("/v1/Services/IS000000000000000000000000000000ff/Conversations");

        assertThat(r.status()).isEqualTo(404);
        assertThat(rest.sim.api().listConversations()).isEmpty();
    }

    @Test
    void serviceScopedSubResourcesCarryTheServiceSidAndServiceUrls() {
        String conversation = "/v1/Services/" + IS1 + "/Conversations/" + CH1;
        rest.post("/v1/Services/" + IS1 + "/Conversations");

        Rest.Reply participant = rest.post(conversation + "/Participants", "Identity", "alice");
        Rest.Reply message = rest.post(conversation + "/Messages", "Author", "alice", "Body", "hi");
        Rest.Reply webhook = rest.post(conversation + "/Webhooks", "Target", "webhook",
                "Configuration.Url", "https://svc.example.com/h", "Configuration.Filters", "onMessageAdded");

        String base = BASE + conversation.substring("/v1".length());
        assertThat(participant.text("chat_service_sid")).isEqualTo(IS1);
        assertThat(participant.text("url")).isEqualTo(base + "/Participants/" + participant.text("sid"));
        assertThat(message.text("chat_service_sid")).isEqualTo(IS1);
        assertThat(message.text("url")).isEqualTo(base + "/Messages/" + message.text("sid"));
        assertThat(webhook.text("chat_service_sid")).isEqualTo(IS1);
        assertThat(webhook.text("url")).isEqualTo(base + "/Webhooks/" + webhook.text("sid"));
        assertThat(sids(rest.get(conversation + "/Participants"), "participants")).containsExactly(participant.text("sid"));
        assertThat(rest.delete(conversation + "/Messages/" + message.text("sid")).status()).isEqualTo(204);
        assertThat(rest.delete(conversation).status()).isEqualTo(204);
        assertThat(rest.sim.api().listConversations()).isEmpty();
    }

    // ------------------------------------------------------------------ participant conversations

    private Rest withTwoConversationsOfOneCustomer() {
        Rest rest = new Rest(ConversationsSimulator.builder().service("Default").service("Sales").build());
        rest.post("/v1/Conversations", "UniqueName", "first");
        rest.post("/v1/Services/" + IS2 + "/Conversations", "FriendlyName", "second");
        rest.post("/v1/Conversations/" + CH1 + "/Participants", "MessagingBinding.Address", "+15551230001",
                "MessagingBinding.ProxyAddress", "+15005550001");
        rest.post("/v1/Services/" + IS2 + "/Conversations/" + CH2 + "/Participants", "MessagingBinding.Address",
                "+15551230001", "MessagingBinding.ProxyAddress", "+15005550002");
        rest.post("/v1/Services/" + IS2 + "/Conversations/" + CH2 + "/Participants", "Identity", "alice");
        return rest;
    }

    @Test
    void participantConversationsByAddressListTheDefaultServicesConversationsOfThatAddress() {
        Rest rest = withTwoConversationsOfOneCustomer();

        Rest.Reply r = rest.get("/v1/ParticipantConversations?Address=%2B15551230001");

        assertThat(r.status()).isEqualTo(200);
        JsonNode rows = r.json().get("conversations");
        // the shortened URL reaches the default service only: the Sales conversation needs /v1/Services/IS…/
        assertThat(rows).hasSize(1);
        JsonNode first = rows.get(0);
        assertThat(first.toString()).isEqualTo("{\"account_sid\":\"" + AC + "\",\"chat_service_sid\":\"" + IS1 + "\","
                + "\"participant_sid\":\"MB00000000000000000000000000000001\",\"participant_user_sid\":null,"
                + "\"participant_identity\":null,\"participant_messaging_binding\":{\"address\":\"+15551230001\","
                + "\"proxy_address\":\"+15005550001\",\"type\":\"sms\",\"level\":null,\"name\":null,"
                + "\"projected_address\":null},\"conversation_sid\":\"" + CH1 + "\",\"conversation_unique_name\":\"first\","
                + "\"conversation_friendly_name\":null,\"conversation_attributes\":\"{}\","
                + "\"conversation_date_created\":\"2026-01-01T00:00:00Z\","
                + "\"conversation_date_updated\":\"2026-01-01T00:00:00Z\",\"conversation_created_by\":null,"
                + "\"conversation_state\":\"active\",\"conversation_timers\":{},\"links\":{\"participant\":\"" + BASE
                + "/Conversations/" + CH1 + "/Participants/MB00000000000000000000000000000001\",\"conversation\":\""
                + BASE + "/Conversations/" + CH1 + "\"}}");
        assertThat(r.json().get("meta").get("url").asText())
                .isEqualTo(BASE + "/ParticipantConversations?Address=%2B15551230001&PageSize=50&Page=0");
    }

    @Test
    void participantConversationsByIdentity() {
        Rest rest = withTwoConversationsOfOneCustomer();
        rest.post("/v1/Conversations/" + CH1 + "/Participants", "Identity", "alice");

        JsonNode rows = rest.get("/v1/ParticipantConversations?Identity=alice").json().get("conversations");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("conversation_sid").asText()).isEqualTo(CH1);

        rows = rest.get("/v1/Services/" + IS2 + "/ParticipantConversations?Identity=alice").json()
                .get("conversations");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("conversation_sid").asText()).isEqualTo(CH2);
        assertThat(rows.get(0).get("participant_identity").asText()).isEqualTo("alice");
        assertThat(rows.get(0).get("participant_messaging_binding").isNull()).isTrue();
    }

    @Test
    void serviceParticipantConversationsListOnlyThatServicesConversations() {
        Rest rest = withTwoConversationsOfOneCustomer();

        Rest.Reply r = rest.get("/v1/Services/" + IS2 + "/ParticipantConversations?Address=%2B15551230001");

        JsonNode rows = r.json().get("conversations");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("conversation_sid").asText()).isEqualTo(CH2);
        assertThat(rows.get(0).get("links").get("conversation").asText())
                .isEqualTo(BASE + "/Services/" + IS2 + "/Conversations/" + CH2);
    }

    @Test
    void participantConversationsWithIdentityAndAddressListParticipantsHavingBoth() {
        Rest rest = withTwoConversationsOfOneCustomer();
        rest.post("/v1/Conversations/" + CH1 + "/Participants", "Identity", "bob",
                "MessagingBinding.ProjectedAddress", "+15005550003");
        rest.post("/v1/Services/" + IS2 + "/Conversations/" + CH2 + "/Participants", "Identity", "bob");

        JsonNode rows = rest.get("/v1/ParticipantConversations?Identity=bob&Address=%2B15005550003").json()
                .get("conversations");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("conversation_sid").asText()).isEqualTo(CH1);
        assertThat(rows.get(0).get("participant_messaging_binding").get("projected_address").asText())
                .isEqualTo("+15005550003");
    }

    @Test
    void participantConversationsNeedAnIdentityOrAnAddress() {
        Rest.Reply r = rest.get("/v1/ParticipantConversations");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(20001);
        assertThat(r.message()).isEqualTo("ParticipantConversations needs Identity or Address: "
                + "send the participant's identity or messaging address");
    }

    @Test
    void participantConversationsRejectAMalformedAddress() {
        Rest.Reply r = rest.get("/v1/ParticipantConversations?Address=555");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(50407);
        assertThat(r.message()).contains("[555]");
    }
}
