package dev.convsim.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.examples.routing.FrontlineDemoService.Customer;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;
import dev.convsim.routing.FrontlineOutgoing;
import dev.convsim.routing.OutgoingConversation;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The derived cases of real-clients.md §1.10, driven through the simulator's public API. */
class FrontlineDemoServiceTest {

    static final String BASE = "https://demo.example.com";
    static final String SMS_NUMBER = "+15005550001";
    static final String WHATSAPP_NUMBER = "whatsapp:+15005550002";
    static final String CUSTOMER = "+15551230100";
    static final long SEED = 20260101L;

    /** A simulator wired like the demo's setup guide, with a demo service using this Random. */
    static Fixture fixture(Random random) {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(SMS_NUMBER)
                .autocreate(WHATSAPP_NUMBER)
                .router(Routers.custom(BASE + FrontlineDemoService.ROUTING))
                .globalWebhooks(new WebhookConfigurationRequest()
                        .preWebhookUrl(BASE + FrontlineDemoService.CONVERSATIONS)
                        .postWebhookUrl(BASE + FrontlineDemoService.CONVERSATIONS)
                        .filters("onConversationAdd", "onParticipantAdded"))
                .build();
        FrontlineDemoService demo = new FrontlineDemoService(sim.api(), random, SMS_NUMBER, WHATSAPP_NUMBER);
        demo.registerOn(sim, BASE);
        return new Fixture(sim, demo);
    }

    record Fixture(ConversationsSimulator sim, FrontlineDemoService demo) {
        String receive(String from, String to) {
            return sim.receive(from, to, "hello").conversationSid();
        }

        List<String> workers(String sid) {
            return sim.api().listParticipants(sid).stream().map(Participant::identity)
                    .filter(java.util.Objects::nonNull).toList();
        }

        RecordedDelivery routeDelivery() {
            return sim.deliveries().only("onConversationRoute").get(0);
        }

        long participantChanges(String sid, JournalEntry.Action action) {
            return sim.journal().stream().filter(e -> e instanceof JournalEntry.ResourceChanged r
                    && r.resource() == JournalEntry.Resource.PARTICIPANT && r.action() == action
                    && sid.equals(r.conversationSid())).count();
        }
    }

    // ------------------------------------------------------------------ routing (§1.10 map-then-random)

    @Test
    void aMappedAddressGetsOneParticipantCreateForTheMappedWorkerWithNoAttributes() {
        Fixture f = fixture(new Random(SEED));
        f.demo().mapCustomerToWorker(CUSTOMER, "john@example.com").mapCustomerToWorker("+15551230999", "mary@example.com");

        String sid = f.receive(CUSTOMER, SMS_NUMBER);

        assertThat(f.workers(sid)).containsExactly("john@example.com");
        assertThat(f.sim().api().fetchParticipant(sid, "john@example.com").attributes()).isEqualTo("{}");
        assertThat(f.participantChanges(sid, JournalEntry.Action.ADDED)).isEqualTo(2);
        assertThat(f.routeDelivery().status()).isEqualTo(200);
        assertThat(f.routeDelivery().responseBody()).isEqualTo("OK");
    }

    @Test
    void anUnmappedAddressGoesToARandomMappedWorkerPickedByTheInjectedRandom() {
        List<String> mapped = List.of("a@example.com", "b@example.com");
        for (int pick = 0; pick < 2; pick++) {
            int fixed = pick;
            Fixture f = fixture(new Random() {
                @Override
                public int nextInt(int bound) {
                    assertThat(bound).isEqualTo(2);
                    return fixed;
                }
            });
            f.demo().mapCustomerToWorker("+15551230001", "a@example.com")
                    .mapCustomerToWorker("+15551230002", "b@example.com")
                    .mapCustomerToWorker("+15551230003", "a@example.com");

            String sid = f.receive(CUSTOMER, SMS_NUMBER);

            assertThat(f.workers(sid)).containsExactly(mapped.get(pick));
        }
    }

    @Test
    void aSeededRandomMakesTheRandomFallbackRepeatable() {
        List<String> first = randomRoutes(new Random(SEED));
        List<String> second = randomRoutes(new Random(SEED));
        Random expected = new Random(SEED);
        List<String> pool = List.of("a@example.com", "b@example.com", "c@example.com");

        assertThat(first).isEqualTo(second).containsExactly(pool.get(expected.nextInt(3)),
                pool.get(expected.nextInt(3)), pool.get(expected.nextInt(3)), pool.get(expected.nextInt(3)));
    }

    private static List<String> randomRoutes(Random random) {
        Fixture f = fixture(random);
        f.demo().mapCustomerToWorker("+15551239001", "a@example.com")
                .mapCustomerToWorker("+15551239002", "b@example.com")
                .mapCustomerToWorker("+15551239003", "c@example.com");
        return List.of(1, 2, 3, 4).stream()
                .map(i -> f.workers(f.receive("+1555123000" + i, SMS_NUMBER)).get(0)).toList();
    }

    @Test
    void anEmptyMapRoutesNobodyLogsAWarningAndStillAnswers200() {
        Fixture f = fixture(new Random(SEED));

        String sid = f.receive(CUSTOMER, SMS_NUMBER);

        assertThat(f.workers(sid)).isEmpty();
        assertThat(f.demo().log()).containsExactly("warn: Routing failed, please add workers to "
                + "customersToWorkersMap or define a default worker {conversationSid: " + sid + "}");
        assertThat(f.routeDelivery().status()).isEqualTo(200);
        assertThat(f.sim().journalText()).contains("error 32506: the custom routing callback");
    }

    @Test
    void aWhatsAppKeyDoesNotMatchTheSameNumberArrivingOverSms() {
        Fixture f = fixture(new Random() {
            @Override
            public int nextInt(int bound) {
                return 1;
            }
        });
        f.demo().mapCustomerToWorker("whatsapp:" + CUSTOMER, "john@example.com")
                .mapCustomerToWorker("+15551230999", "mary@example.com");

        String overSms = f.receive(CUSTOMER, SMS_NUMBER);
        String overWhatsApp = f.receive("whatsapp:" + CUSTOMER, WHATSAPP_NUMBER);

        assertThat(f.workers(overSms)).containsExactly("mary@example.com");
        assertThat(f.workers(overWhatsApp)).containsExactly("john@example.com");
    }

    @Test
    void aFailedParticipantCreateIsOnlyLoggedAndTheRoutingAnswerIsStill200() {
        Fixture f = fixture(new Random(SEED));
        f.demo().mapCustomerToWorker(CUSTOMER, "john@example.com");
        String service = f.sim().api().listServices().get(0).sid();
        f.sim().api().updateServiceWebhooks(service, new WebhookConfigurationRequest()
                .postWebhookUrl("https://ops.example.com/closer").filters("onConversationAdded"));
        f.sim().endpoint("https://ops.example.com/closer", request -> {
            f.sim().api().updateConversation(request.param("ConversationSid"), new ConversationRequest().state("closed"));
            return WebhookResponse.ok();
        });

        String sid = f.receive(CUSTOMER, SMS_NUMBER);

        assertThat(f.workers(sid)).isEmpty();
        assertThat(f.routeDelivery().status()).isEqualTo(200);
        assertThat(f.demo().log()).singleElement().asString()
                .startsWith("error: Create agent participant: TwilioApiException 50377");
    }

    // ------------------------------------------------------------------ onConversationAdd naming

    @Test
    void aKnownCustomersConversationIsNamedAfterTheCrmDisplayNameWithTheAvatar() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada Lovelace", "https://a.example.com/ada.png", "john@example.com",
                List.of(CUSTOMER)));

        Conversation c = f.sim().api().fetchConversation(f.receive(CUSTOMER, SMS_NUMBER));

        assertThat(c.friendlyName()).isEqualTo("Ada Lovelace");
        assertThat(c.attributes()).isEqualTo("{\"avatar\":\"https://a.example.com/ada.png\"}");
        assertThat(f.sim().deliveries().only("onConversationAdd").get(0).responseBody())
                .isEqualTo("{\"friendly_name\":\"Ada Lovelace\",\"attributes\":\"{\\\"avatar\\\":\\\"https://a.example.com/ada.png\\\"}\"}");
    }

    @Test
    void anUnknownCustomersConversationIsNamedAfterTheRawAddressWithEmptyAttributes() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada", null, "john@example.com", List.of("whatsapp:" + CUSTOMER)));

        Conversation c = f.sim().api().fetchConversation(f.receive(CUSTOMER, SMS_NUMBER));

        assertThat(c.friendlyName()).isEqualTo(CUSTOMER);
        assertThat(c.attributes()).isEqualTo("{}");
    }

    @Test
    void aConversationCreatedWithoutAnAddressIsAcceptedUnchanged() {
        Fixture f = fixture(new Random(SEED));

        Conversation c = f.sim().api().createConversation(new ConversationRequest().friendlyName("Internal")
                .webhookEnabled(true));

        assertThat(c.friendlyName()).isEqualTo("Internal");
        assertThat(f.sim().deliveries().only("onConversationAdd").get(0).responseBody()).isEqualTo("OK");
    }

    // ------------------------------------------------------------------ onParticipantAdded enrichment

    @Test
    void aKnownCustomerParticipantGetsCustomerIdDisplayNameAndAvatarInOneUpdate() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada Lovelace", "https://a.example.com/ada.png", "john@example.com",
                List.of(CUSTOMER)));

        String sid = f.receive(CUSTOMER, SMS_NUMBER);

        Participant customer = f.sim().api().listParticipants(sid).get(0);
        assertThat(customer.attributes()).isEqualTo(
                "{\"avatar\":\"https://a.example.com/ada.png\",\"customer_id\":\"42\",\"display_name\":\"Ada Lovelace\"}");
        assertThat(f.participantChanges(sid, JournalEntry.Action.UPDATED)).isEqualTo(1);
    }

    @Test
    void existingAttributeValuesWinAndKeepTheirPlace() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada Lovelace", "https://a.example.com/ada.png", "john@example.com",
                List.of(CUSTOMER)));
        String sid = f.sim().api().createConversation(new ConversationRequest()).sid();

        Participant p = f.sim().api().createParticipant(sid, new ParticipantRequest().address(CUSTOMER)
                .proxyAddress(SMS_NUMBER).attributes("{\"display_name\":\"Ada (VIP)\",\"role\":\"driver\"}")
                .webhookEnabled(true));

        assertThat(f.sim().api().fetchParticipant(sid, p.sid()).attributes()).isEqualTo(
                "{\"display_name\":\"Ada (VIP)\",\"role\":\"driver\",\"avatar\":\"https://a.example.com/ada.png\",\"customer_id\":\"42\"}");
    }

    @Test
    void aWhitespaceOnlyDifferenceAlreadyTriggersAnUpdate() {
        Fixture f = fixture(new Random(SEED));
        String sid = f.sim().api().createConversation(new ConversationRequest()).sid();

        Participant p = f.sim().api().createParticipant(sid, new ParticipantRequest().address(CUSTOMER)
                .proxyAddress(SMS_NUMBER).attributes("{ \"role\": \"driver\" }").webhookEnabled(true));

        assertThat(f.sim().api().fetchParticipant(sid, p.sid()).attributes()).isEqualTo("{\"role\":\"driver\"}");
        assertThat(f.participantChanges(sid, JournalEntry.Action.UPDATED)).isEqualTo(1);
    }

    @Test
    void emptyAttributesAndAnUnknownCustomerMeanNoUpdate() {
        Fixture f = fixture(new Random(SEED));

        String sid = f.receive(CUSTOMER, SMS_NUMBER);

        assertThat(f.sim().deliveries().only("onParticipantAdded")).hasSize(1);
        assertThat(f.participantChanges(sid, JournalEntry.Action.UPDATED)).isZero();
        assertThat(f.sim().api().listParticipants(sid).get(0).attributes()).isEqualTo("{}");
    }

    @Test
    void aFalsyExistingValueWithNothingInTheCrmDropsTheKey() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada", null, "john@example.com", List.of(CUSTOMER)));
        String sid = f.sim().api().createConversation(new ConversationRequest()).sid();

        Participant p = f.sim().api().createParticipant(sid, new ParticipantRequest().address(CUSTOMER)
                .proxyAddress(SMS_NUMBER).attributes("{\"avatar\":\"\",\"customer_id\":0}").webhookEnabled(true));

        assertThat(f.sim().api().fetchParticipant(sid, p.sid()).attributes())
                .isEqualTo("{\"customer_id\":\"42\",\"display_name\":\"Ada\"}");
    }

    @Test
    void workersAreIgnoredByEnrichment() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada", null, "john@example.com", List.of(CUSTOMER)));
        String sid = f.sim().api().createConversation(new ConversationRequest()).sid();

        f.sim().api().createParticipant(sid, new ParticipantRequest().identity("john@example.com").webhookEnabled(true));

        assertThat(f.sim().deliveries().only("onParticipantAdded")).singleElement()
                .satisfies(d -> assertThat(d.param("Identity")).isEqualTo("john@example.com"));
        assertThat(f.participantChanges(sid, JournalEntry.Action.UPDATED)).isZero();
    }

    @Test
    void aParticipantThatCannotBeFetchedMakesTheHandlerFailAsTheDemoCrashes() {
        Fixture f = fixture(new Random(SEED));
        String sid = f.sim().api().createConversation(new ConversationRequest()).sid();
        WebhookRequest ghost = new WebhookRequest(Instant.EPOCH, dev.convsim.webhook.Phase.POST, WebhookScope.GLOBAL,
                BASE + FrontlineDemoService.CONVERSATIONS, "POST", "onParticipantAdded",
                Map.of("EventType", "onParticipantAdded", "ConversationSid", sid,
                        "ParticipantSid", "MB00000000000000000000000000000099", "MessagingBinding.Address", CUSTOMER),
                0);

        assertThatThrownBy(() -> f.demo().conversations().handle(ghost))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(20404));
    }

    @Test
    void otherEventsAreAnsweredOkWithoutAction() throws Exception {
        Fixture f = fixture(new Random(SEED));
        WebhookRequest other = new WebhookRequest(Instant.EPOCH, dev.convsim.webhook.Phase.POST, WebhookScope.GLOBAL,
                BASE + FrontlineDemoService.CONVERSATIONS, "POST", "onMessageAdded",
                Map.of("EventType", "onMessageAdded", "Body", "hi"), 0);
        String before = f.sim().journalText();

        WebhookResponse answer = f.demo().conversations().handle(other);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("OK");
        assertThat(f.sim().journalText()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ GetProxyAddress

    @Test
    void getProxyAddressAnswersTheNumberForTheChannelType() throws Exception {
        Fixture f = fixture(new Random(SEED));

        WebhookResponse sms = f.sim().callback(WebhookScope.FRONTLINE, BASE + FrontlineDemoService.OUTGOING_CONVERSATION,
                "GetProxyAddress", outgoing("GetProxyAddress", "sms", CUSTOMER));
        WebhookResponse whatsapp = f.sim().callback(WebhookScope.FRONTLINE,
                BASE + FrontlineDemoService.OUTGOING_CONVERSATION, "GetProxyAddress",
                outgoing("GetProxyAddress", "whatsapp", "whatsapp:" + CUSTOMER));
        WebhookResponse other = f.sim().callback(WebhookScope.FRONTLINE,
                BASE + FrontlineDemoService.OUTGOING_CONVERSATION, "GetCustomersList",
                outgoing("GetCustomersList", "sms", CUSTOMER));

        assertThat(sms.body()).isEqualTo("{\"proxy_address\":\"" + SMS_NUMBER + "\"}");
        assertThat(whatsapp.body()).isEqualTo("{\"proxy_address\":\"" + WHATSAPP_NUMBER + "\"}");
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void getProxyAddressWithoutAConfiguredNumberIs403() throws Exception {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();
        FrontlineDemoService demo = new FrontlineDemoService(sim.api(), new Random(SEED), SMS_NUMBER, "");

        WebhookResponse answer = demo.outgoingConversation().handle(new WebhookRequest(Instant.EPOCH,
                dev.convsim.webhook.Phase.POST, WebhookScope.FRONTLINE, "x", "POST", "GetProxyAddress",
                outgoing("GetProxyAddress", "whatsapp", "whatsapp:" + CUSTOMER), 0));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void frontlinesOutgoingFlowWithTheDemoStartsAnEnrichedConversation() {
        Fixture f = fixture(new Random(SEED));
        f.demo().addCustomer(new Customer("42", "Ada Lovelace", null, "john@example.com", List.of(CUSTOMER)));
        FrontlineOutgoing outgoing = new FrontlineOutgoing(f.sim().api(), f.sim()::callback,
                BASE + FrontlineDemoService.OUTGOING_CONVERSATION);

        OutgoingConversation started = outgoing.start("john@example.com", "42", "sms", CUSTOMER);

        assertThat(started.proxyAddress()).isEqualTo(SMS_NUMBER);
        assertThat(f.sim().api().fetchParticipant(started.sid(), started.customer().sid()).attributes())
                .isEqualTo("{\"customer_id\":\"42\",\"display_name\":\"Ada Lovelace\"}");
        assertThat(f.workers(started.sid())).containsExactly("john@example.com");
        assertThat(f.sim().receive(CUSTOMER, SMS_NUMBER, "hi John").conversationSid()).isEqualTo(started.sid());
        assertThat(f.sim().deliveries().count("onConversationRoute")).isZero();
    }

    @Test
    void aSecondOutgoingConversationOnTheSamePairFailsWith48031() {
        Fixture f = fixture(new Random(SEED));
        FrontlineOutgoing outgoing = new FrontlineOutgoing(f.sim().api(), f.sim()::callback,
                BASE + FrontlineDemoService.OUTGOING_CONVERSATION);
        OutgoingConversation first = outgoing.start("john@example.com", "42", "sms", CUSTOMER);

        assertThatThrownBy(() -> outgoing.start("mary@example.com", "42", "sms", CUSTOMER))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(48031));
        assertThat(f.sim().api().listConversations()).extracting(Conversation::sid).containsExactly(first.sid());
        f.sim().verifyInvariants();
    }

    private static Map<String, String> outgoing(String location, String channelType, String channelValue) {
        return Map.of("Location", location, "Worker", "john@example.com", "CustomerId", "42",
                "ChannelType", channelType, "ChannelValue", channelValue);
    }
}
