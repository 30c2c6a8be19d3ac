package dev.convsim.rest;

import static dev.convsim.rest.RestConversationsTest.CH1;
import static dev.convsim.rest.RestConversationsTest.IS1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.base.Page;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v1.AddressConfiguration;
import com.twilio.rest.conversations.v1.Configuration;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.ParticipantConversation;
import com.twilio.rest.conversations.v1.Service;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.conversations.v1.conversation.Participant;
import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMedia;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The official twilio-java SDK (13.0.1) as the oracle of the wire shapes: every resource the dispatcher renders parses
 * with the SDK's {@code fromJson}, every value the JSON carries arrives non-null in the SDK's model, list pages parse
 * through the SDK's paging, and the SDK's own creators, readers and deleters work against the dispatcher.
 */
class TwilioSdkOracleTest {

    static final String MG1 = "MG00000000000000000000000000000001";
    static final String IS2 = "IS00000000000000000000000000000002";
    static final String RL1 = "RL00000000000000000000000000000001";
    static final String FW1 = "FW00000000000000000000000000000001";
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A simulator where every optional value the engine can hold is set, so the oracle sees every field. */
    final Rest rest = new Rest(ConversationsSimulator.builder()
            .service("Default")
            .service("Sales")
            .messagingService(new MessagingService(MG1, "Main", List.of(Address.parse("+15005550001")), false, false,
                    null, null))
            .configuration(new ConfigurationRequest().defaultMessagingServiceSid(MG1).defaultInactiveTimer("PT5M")
                    .defaultClosedTimer("PT1H"))
            .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://svc.example.com/pre")
                    .postWebhookUrl("https://svc.example.com/post").method("POST")
                    .filters("onConversationAdd", "onMessageAdded"))
            .build());

    private void richConversation(String conversations) {
        rest.post(conversations, "FriendlyName", "Support", "UniqueName", "support-1",
                "Attributes", "{\"topic\":\"billing\"}", "State", "active");
        rest.post(conversations + "/" + CH1 + "/Participants", "MessagingBinding.Address", "+15551230001",
                "MessagingBinding.ProxyAddress", "+15005550001", "Attributes", "{\"vip\":true}", "RoleSid", RL1);
        rest.sim.receive(InboundMessage.of("+15551230001", "+15005550001", "photo")
                .withMedia(new InboundMedia("image/jpeg", "car.jpg")));
        rest.sim.advance(Duration.ofSeconds(10));
        rest.post(conversations + "/" + CH1 + "/Messages/IM00000000000000000000000000000001",
                "Attributes", "{\"edited\":true}");
        rest.post(conversations + "/" + CH1 + "/Participants/MB00000000000000000000000000000001",
                "LastReadMessageIndex", "0");
        rest.post(conversations + "/" + CH1 + "/Webhooks", "Target", "webhook",
                "Configuration.Url", "https://svc.example.com/scoped", "Configuration.Filters", "onMessageAdded",
                "Configuration.ReplayAfter", "0");
    }

    // ------------------------------------------------------------------ fromJson with every field

    @Test
    void conversationParsesWithEveryValuePresent() {
        richConversation("/v1/Conversations");

        String json = rest.get("/v1/Conversations/" + CH1).body();
        Conversation c = parsesCompletely(json, Conversation::fromJson);

        assertThat(c.getSid()).isEqualTo(CH1);
        assertThat(c.getState()).isEqualTo(Conversation.State.ACTIVE);
        assertThat(c.getDateCreated()).isEqualTo(ZonedDateTime.parse("2026-01-01T00:00:00Z"));
        assertThat(c.getMessagingServiceSid()).isEqualTo(MG1);
        assertThat(c.getLinks()).containsKeys("participants", "messages", "webhooks");
        assertThat(c.getTimers()).isInstanceOf(Map.class);
        assertThat(asMap(c.getTimers())).containsKeys("date_inactive", "date_closed");
    }

    @Test
    void serviceConversationParsesWithEveryValuePresent() {
        richConversation("/v1/Services/" + IS2 + "/Conversations");

        com.twilio.rest.conversations.v1.service.Conversation c = parsesCompletely(
                rest.get("/v1/Services/" + IS2 + "/Conversations/" + CH1).body(),
                com.twilio.rest.conversations.v1.service.Conversation::fromJson);

        assertThat(c.getChatServiceSid()).isEqualTo(IS2);
        assertThat(c.getState()).isEqualTo(com.twilio.rest.conversations.v1.service.Conversation.State.ACTIVE);
    }

    @Test
    void participantParsesWithEveryValuePresentButTheIdentityOfAnSmsParticipant() {
        richConversation("/v1/Conversations");

        Participant p = parsesCompletely(rest.get("/v1/Conversations/" + CH1 + "/Participants/MB00000000000000000000000000000001").body(),
                Participant::fromJson, "identity");

        assertThat(p.getRoleSid()).isEqualTo(RL1);
        assertThat(p.getLastReadMessageIndex()).isZero();
        assertThat(p.getLastReadTimestamp()).isEqualTo("2026-01-01T00:00:10Z");
        assertThat(asMap(p.getMessagingBinding())).containsEntry("type", "sms")
                .containsEntry("address", "+15551230001").containsEntry("proxy_address", "+15005550001");
    }

    @Test
    void chatParticipantParsesWithItsIdentityAndNoBinding() {
        rest.post("/v1/Conversations");
        String json = rest.post("/v1/Conversations/" + CH1 + "/Participants", "Identity", "alice").body();

        Participant p = parsesCompletely(json, Participant::fromJson, "messaging_binding", "role_sid",
                "last_read_message_index", "last_read_timestamp");

        assertThat(p.getIdentity()).isEqualTo("alice");
    }

    @Test
    void serviceParticipantParsesWithEveryValuePresent() {
        richConversation("/v1/Services/" + IS2 + "/Conversations");

        com.twilio.rest.conversations.v1.service.conversation.Participant p = parsesCompletely(
                rest.get("/v1/Services/" + IS2 + "/Conversations/" + CH1
                        + "/Participants/MB00000000000000000000000000000001").body(),
                com.twilio.rest.conversations.v1.service.conversation.Participant::fromJson, "identity");

        assertThat(p.getChatServiceSid()).isEqualTo(IS2);
    }

    @Test
    void messageParsesWithEveryValuePresentButDeliveryAndContent() {
        richConversation("/v1/Conversations");

        Message m = parsesCompletely(rest.get("/v1/Conversations/" + CH1 + "/Messages/IM00000000000000000000000000000001").body(),
                Message::fromJson, "delivery", "content_sid");

        assertThat(m.getIndex()).isZero();
        assertThat(m.getAuthor()).isEqualTo("+15551230001");
        assertThat(m.getParticipantSid()).isEqualTo("MB00000000000000000000000000000001");
        assertThat(m.getMedia()).hasSize(1);
        assertThat(m.getDateUpdated()).isEqualTo(ZonedDateTime.parse("2026-01-01T00:00:10Z"));
        assertThat(m.getLinks()).containsKeys("delivery_receipts", "channel_metadata");
    }

    @Test
    void serviceMessageParsesWithEveryValuePresentButDeliveryAndContent() {
        richConversation("/v1/Services/" + IS2 + "/Conversations");

        com.twilio.rest.conversations.v1.service.conversation.Message m = parsesCompletely(
                rest.get("/v1/Services/" + IS2 + "/Conversations/" + CH1
                        + "/Messages/IM00000000000000000000000000000001").body(),
                com.twilio.rest.conversations.v1.service.conversation.Message::fromJson, "delivery", "content_sid");

        assertThat(m.getChatServiceSid()).isEqualTo(IS2);
    }

    @Test
    void scopedWebhookParsesWithEveryValuePresent() {
        richConversation("/v1/Conversations");

        com.twilio.rest.conversations.v1.conversation.Webhook w = parsesCompletely(
                rest.get("/v1/Conversations/" + CH1 + "/Webhooks/WH00000000000000000000000000000001").body(),
                com.twilio.rest.conversations.v1.conversation.Webhook::fromJson);

        assertThat(w.getTarget()).isEqualTo("webhook");
        assertThat(asMap(w.getConfiguration())).containsEntry("url", "https://svc.example.com/scoped")
                .containsEntry("method", "post").containsEntry("replay_after", 0);
    }

    @Test
    void serviceScopedWebhookParsesWithEveryValuePresent() {
        richConversation("/v1/Services/" + IS2 + "/Conversations");

        com.twilio.rest.conversations.v1.service.conversation.Webhook w = parsesCompletely(
                rest.get("/v1/Services/" + IS2 + "/Conversations/" + CH1
                        + "/Webhooks/WH00000000000000000000000000000001").body(),
                com.twilio.rest.conversations.v1.service.conversation.Webhook::fromJson);

        assertThat(w.getChatServiceSid()).isEqualTo(IS2);
    }

    @Test
    void addressConfigurationParsesWithEveryValuePresentButTheShortCodeCountry() {
        String json = rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550001",
                "FriendlyName", "Support line", "AutoCreation.Enabled", "true", "AutoCreation.Type", "webhook",
                "AutoCreation.ConversationServiceSid", IS2, "AutoCreation.WebhookUrl", "https://svc.example.com/ac",
                "AutoCreation.WebhookFilters", "onMessageAdded").body();

        AddressConfiguration a = parsesCompletely(json, AddressConfiguration::fromJson, "address_country");

        assertThat(a.getType()).isEqualTo("sms");
        assertThat(a.getAddress()).isEqualTo("+15005550001");
        assertThat(asMap(a.getAutoCreation())).containsEntry("enabled", true).containsEntry("type", "webhook")
                .containsEntry("conversation_service_sid", IS2)
                .containsEntry("webhook_url", "https://svc.example.com/ac");
    }

    @Test
    void globalWebhooksParseWithEveryValuePresent() {
        com.twilio.rest.conversations.v1.configuration.Webhook w = parsesCompletely(
                rest.get("/v1/Configuration/Webhooks").body(),
                com.twilio.rest.conversations.v1.configuration.Webhook::fromJson);

        assertThat(w.getMethod()).isEqualTo(com.twilio.rest.conversations.v1.configuration.Webhook.Method.POST);
        assertThat(w.getTarget()).isEqualTo(com.twilio.rest.conversations.v1.configuration.Webhook.Target.WEBHOOK);
        assertThat(w.getFilters()).containsExactly("onConversationAdd", "onMessageAdded");
    }

    @Test
    void serviceWebhooksParseWithEveryValuePresent() {
        String json = rest.post("/v1/Services/" + IS2 + "/Configuration/Webhooks",
                "PreWebhookUrl", "https://svc.example.com/spre", "PostWebhookUrl", "https://svc.example.com/spost",
                "Filters", "onMessageAdded", "Method", "GET").body();

        com.twilio.rest.conversations.v1.service.configuration.Webhook w = parsesCompletely(json,
                com.twilio.rest.conversations.v1.service.configuration.Webhook::fromJson);

        assertThat(w.getMethod()).isEqualTo(com.twilio.rest.conversations.v1.service.configuration.Webhook.Method.GET);
        assertThat(w.getPostWebhookUrl()).hasToString("https://svc.example.com/spost");
    }

    @Test
    void configurationParsesWithEveryValuePresent() {
        Configuration c = parsesCompletely(rest.get("/v1/Configuration").body(), Configuration::fromJson);

        assertThat(c.getDefaultMessagingServiceSid()).isEqualTo(MG1);
        assertThat(c.getDefaultInactiveTimer()).isEqualTo("PT5M");
        assertThat(c.getDefaultClosedTimer()).isEqualTo("PT1H");
    }

    @Test
    void serviceParsesWithEveryValuePresent() {
        Service s = parsesCompletely(rest.get("/v1/Services/" + IS2).body(), Service::fromJson);

        assertThat(s.getFriendlyName()).isEqualTo("Sales");
        assertThat(s.getLinks()).containsKeys("conversations", "configuration");
    }

    @Test
    void participantConversationParsesWithEveryValuePresentButUserAndCreator() {
        richConversation("/v1/Conversations");
        JsonNode page = rest.get("/v1/ParticipantConversations?Address=%2B15551230001").json();

        ParticipantConversation pc = parsesCompletely(page.get("conversations").get(0).toString(),
                ParticipantConversation::fromJson, "participant_user_sid", "participant_identity",
                "conversation_created_by");

        assertThat(pc.getConversationState()).isEqualTo(ParticipantConversation.State.ACTIVE);
        assertThat(pc.getConversationSid()).isEqualTo(CH1);
    }

    @Test
    void serviceParticipantConversationParsesWithEveryValuePresentButUserAndCreator() {
        richConversation("/v1/Services/" + IS2 + "/Conversations");
        JsonNode page = rest.get("/v1/Services/" + IS2 + "/ParticipantConversations?Address=%2B15551230001").json();

        com.twilio.rest.conversations.v1.service.ParticipantConversation pc = parsesCompletely(
                page.get("conversations").get(0).toString(),
                com.twilio.rest.conversations.v1.service.ParticipantConversation::fromJson, "participant_user_sid",
                "participant_identity", "conversation_created_by");

        assertThat(pc.getChatServiceSid()).isEqualTo(IS2);
    }

    // ------------------------------------------------------------------ list pages through the SDK's paging

    @Test
    void everyListPageParsesThroughTheSdksPaging() {
        richConversation("/v1/Conversations");
        rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550009");

        Page<Conversation> conversations = Page.fromJson("conversations",
                rest.get("/v1/Conversations").body(), Conversation.class, MAPPER);
        Page<Participant> participants = Page.fromJson("participants",
                rest.get("/v1/Conversations/" + CH1 + "/Participants").body(), Participant.class, MAPPER);
        Page<Message> messages = Page.fromJson("messages",
                rest.get("/v1/Conversations/" + CH1 + "/Messages").body(), Message.class, MAPPER);
        Page<com.twilio.rest.conversations.v1.conversation.Webhook> webhooks = Page.fromJson("webhooks",
                rest.get("/v1/Conversations/" + CH1 + "/Webhooks").body(),
                com.twilio.rest.conversations.v1.conversation.Webhook.class, MAPPER);
        Page<AddressConfiguration> addresses = Page.fromJson("address_configurations",
                rest.get("/v1/Configuration/Addresses").body(), AddressConfiguration.class, MAPPER);
        Page<Service> services = Page.fromJson("services", rest.get("/v1/Services").body(), Service.class, MAPPER);
        Page<ParticipantConversation> participantConversations = Page.fromJson("conversations",
                rest.get("/v1/ParticipantConversations?Address=%2B15551230001").body(),
                ParticipantConversation.class, MAPPER);

        assertThat(conversations.getRecords()).extracting(Conversation::getSid).containsExactly(CH1);
        assertThat(participants.getRecords()).hasSize(1);
        assertThat(messages.getRecords()).extracting(Message::getBody).containsExactly("photo");
        assertThat(webhooks.getRecords()).hasSize(1);
        assertThat(webhooks.getPageSize()).isEqualTo(5);
        assertThat(addresses.getRecords()).extracting(AddressConfiguration::getAddress).containsExactly("+15005550009");
        assertThat(services.getRecords()).extracting(Service::getSid).containsExactly(IS1, IS2);
        assertThat(participantConversations.getRecords()).hasSize(1);
        assertThat(conversations.hasNextPage()).isFalse();
        assertThat(conversations.getUrl("conversations"))
                .isEqualTo("https://conversations.twilio.com/v1/Conversations?PageSize=50&Page=0");
    }

    @Test
    void aPageWithMoreToComeTellsTheSdkWhereTheNextOneIs() {
        for (int i = 0; i < 3; i++) {
            rest.post("/v1/Conversations");
        }

        Page<Conversation> first = Page.fromJson("conversations", rest.get("/v1/Conversations?PageSize=2").body(),
                Conversation.class, MAPPER);

        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.getNextPageUrl("conversations"))
                .isEqualTo("https://conversations.twilio.com/v1/Conversations?PageSize=2&Page=1");
        assertThat(first.getPageSize()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ the SDK itself as a client

    private TwilioRestClient sdkClient(InProcessTwilioHttpClient http) {
        return new TwilioRestClient.Builder(rest.sim.accountSid(), "token").httpClient(http).build();
    }

    @Test
    void theSdkCreatesFetchesUpdatesAndDeletesThroughTheDispatcher() {
        TwilioRestClient client = sdkClient(new InProcessTwilioHttpClient(rest.dispatcher));

        Conversation created = Conversation.creator().setFriendlyName("Support").setUniqueName("sdk-1")
                .setState(Conversation.State.ACTIVE).setTimersInactive("PT10M").create(client);
        Participant participant = Participant.creator(created.getSid())
                .setMessagingBindingAddress("+15551230001").setMessagingBindingProxyAddress("+15005550001")
                .create(client);
        Message message = Message.creator(created.getSid()).setAuthor("system").setBody("welcome").create(client);
        Conversation fetched = Conversation.fetcher("sdk-1").fetch(client);
        Conversation updated = Conversation.updater(created.getSid()).setFriendlyName("Renamed").update(client);
        boolean deleted = Participant.deleter(created.getSid(), participant.getSid()).delete(client);

        assertThat(created.getSid()).isEqualTo(CH1);
        assertThat(participant.getSid()).isEqualTo("MB00000000000000000000000000000001");
        assertThat(message.getIndex()).isZero();
        assertThat(fetched.getFriendlyName()).isEqualTo("Support");
        assertThat(updated.getFriendlyName()).isEqualTo("Renamed");
        assertThat(deleted).isTrue();
        assertThat(rest.sim.api().listParticipants(CH1)).isEmpty();
        assertThat(rest.sim.api().fetchConversation(CH1).friendlyName()).isEqualTo("Renamed");
    }

    @Test
    void theSdksReaderFollowsNextPageUrlsAcrossEveryPage() {
        for (int i = 0; i < 7; i++) {
            rest.post("/v1/Conversations", "FriendlyName", "c" + i);
        }
        InProcessTwilioHttpClient http = new InProcessTwilioHttpClient(rest.dispatcher);

        ResourceSet<Conversation> all = Conversation.reader().setPageSize(3L).read(sdkClient(http));
        List<String> names = new ArrayList<>();
        for (Iterator<Conversation> it = all.iterator(); it.hasNext(); ) {
            names.add(it.next().getFriendlyName());
        }

        assertThat(names).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6");
        assertThat(http.requests()).containsExactly("GET /v1/Conversations?PageSize=3",
                "GET /v1/Conversations?PageSize=3&Page=1", "GET /v1/Conversations?PageSize=3&Page=2");
    }

    @Test
    void theSdksMessageReaderHonoursOrderDescAcrossPages() {
        rest.post("/v1/Conversations");
        for (int i = 0; i < 4; i++) {
            rest.post("/v1/Conversations/" + CH1 + "/Messages", "Body", "m" + i);
        }

        ResourceSet<Message> all = Message.reader(CH1).setOrder(Message.OrderType.DESC).setPageSize(3L)
                .read(sdkClient(new InProcessTwilioHttpClient(rest.dispatcher)));
        List<String> bodies = new ArrayList<>();
        all.forEach(m -> bodies.add(m.getBody()));

        assertThat(bodies).containsExactly("m3", "m2", "m1", "m0");
    }

    @Test
    void theSdkSeesTwilioErrorsAsApiExceptionsWithCodeAndStatus() {
        TwilioRestClient client = sdkClient(new InProcessTwilioHttpClient(rest.dispatcher));
        Conversation c = Conversation.creator().create(client);
        Participant.creator(c.getSid()).setMessagingBindingAddress("+15551230001")
                .setMessagingBindingProxyAddress("+15005550001").create(client);
        Conversation other = Conversation.creator().create(client);

        assertThatThrownBy(() -> Conversation.fetcher("CH000000000000000000000000000000ff").fetch(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(20404);
                    assertThat(e.getStatusCode()).isEqualTo(404);
                });
        assertThatThrownBy(() -> Participant.creator(other.getSid()).setMessagingBindingAddress("+15551230001")
                .setMessagingBindingProxyAddress("+15005550001").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(50416);
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo(
                            "A binding for this participant and proxy address already exists in Conversation " + CH1);
                });
    }

    @Test
    void theSdksWebhookEnabledHeaderFiresWebhooks() {
        TwilioRestClient client = sdkClient(new InProcessTwilioHttpClient(rest.dispatcher));

        Conversation.creator().setFriendlyName("quiet").create(client);
        assertThat(rest.sim.deliveries().all()).isEmpty();
        Conversation.creator().setFriendlyName("loud")
                .setXTwilioWebhookEnabled(Conversation.WebhookEnabledType.TRUE).create(client);

        rest.sim.deliveries().assertEventTypes("onConversationAdd");
        assertThat(rest.sim.deliveries().all().get(0).param("FriendlyName")).isEqualTo("loud");
    }

    @Test
    void theSdkManagesAddressConfigurationsAndGlobalWebhooks() {
        TwilioRestClient client = sdkClient(new InProcessTwilioHttpClient(rest.dispatcher));

        AddressConfiguration a = AddressConfiguration.creator(AddressConfiguration.Type.SMS, "+15005550001")
                .setAutoCreationEnabled(true).setAutoCreationType(AddressConfiguration.AutoCreationType.DEFAULT)
                .create(client);
        AddressConfiguration fetched = AddressConfiguration.fetcher("+15005550001").fetch(client);
        com.twilio.rest.conversations.v1.configuration.Webhook hooks =
                com.twilio.rest.conversations.v1.configuration.Webhook.updater()
                        .setPostWebhookUrl("https://svc.example.com/p2").update(client);

        assertThat(a.getSid()).isEqualTo("IG00000000000000000000000000000001");
        assertThat(fetched.getSid()).isEqualTo(a.getSid());
        assertThat(hooks.getPostWebhookUrl()).isEqualTo("https://svc.example.com/p2");
        assertThat(rest.sim.receive("+15551230001", "+15005550001", "hello")).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(rest.sim.api().listConversations()).hasSize(1);
    }

    // ------------------------------------------------------------------ the oracle

    /**
     * Parses the JSON with the SDK and checks that (1) every property the SDK model has is a key of the JSON, (2) every
     * non-null JSON value arrives non-null in the SDK model (the SDK turns what it cannot read into null), and (3) the
     * JSON's null values are exactly the expected ones, so the fixture really exercises every other field.
     */
    static <T> T parsesCompletely(String json, BiFunction<String, ObjectMapper, T> fromJson, String... expectedNulls) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        T parsed = fromJson.apply(json, MAPPER);
        assertThat(parsed).as("SDK model of " + json).isNotNull();
        Set<String> nullInJson = new TreeSet<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (tree.get(name).isNull()) {
                nullInJson.add(name);
            }
        });
        assertThat(nullInJson).as("null properties of " + json).containsExactlyInAnyOrder(expectedNulls);
        int getters = 0;
        for (Method getter : parsed.getClass().getMethods()) {
            if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() != parsed.getClass()) {
                continue;
            }
            getters++;
            String key = snakeCase(getter.getName().substring(3));
            assertThat(tree.has(key)).as("the SDK's " + getter.getName() + " has no " + key + " in " + json).isTrue();
            Object value;
            try {
                value = getter.invoke(parsed);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(e);
            }
            if (!tree.get(key).isNull()) {
                assertThat(value).as(key + " = " + tree.get(key) + " did not survive the SDK's parsing").isNotNull();
            }
        }
        assertThat(getters).as("getters of " + parsed.getClass()).isGreaterThanOrEqualTo(7);
        return parsed;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object sdkObject) {
        assertThat(sdkObject).isInstanceOf(Map.class);
        return (Map<String, Object>) sdkObject;
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
