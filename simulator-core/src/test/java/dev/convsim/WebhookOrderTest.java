package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.ConversationRequest;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.webhook.Phase;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook order, verdicts, scopes, filters and the header rule (reference §4.4, §6). */
class WebhookOrderTest {

    static final String PRE = "https://svc.example.com/pre";
    static final String POST = "https://svc.example.com/post";
    static final String[] ALL = {"onConversationAdd", "onConversationAdded", "onParticipantAdd", "onParticipantAdded",
        "onMessageAdd", "onMessageAdded", "onConversationStateUpdated", "onConversationUpdate", "onConversationUpdated",
        "onConversationRemove", "onConversationRemoved", "onParticipantRemove", "onParticipantRemoved"};

    static ConversationsSimulator.Builder withGlobalWebhooks(String... filters) {
        return ConversationsSimulator.builder().autocreate("+15005550001")
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(PRE).postWebhookUrl(POST).filters(filters));
    }

    @Test
    void autocreationFiresExactlyConversationAddThenAddedParticipantAddedMessageAdded() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).build();

        sim.receive("+15551230001", "+15005550001", "hello");

        sim.deliveries().assertEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdded",
                "onMessageAdded");
        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::phase)
                .containsExactly(Phase.PRE, Phase.POST, Phase.POST, Phase.POST);
        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::url).containsExactly(PRE, POST, POST, POST);
    }

    @Test
    void aMessageIntoAnExistingConversationFiresMessageAddThenMessageAdded() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).build();
        sim.receive("+15551230001", "+15005550001", "hello");
        long before = sim.deliveries().count();

        sim.receive("+15551230001", "+15005550001", "again");

        assertThat(sim.deliveries().all().subList((int) before, (int) sim.deliveries().count()))
                .extracting(RecordedDelivery::eventType).containsExactly("onMessageAdd", "onMessageAdded");
    }

    @Test
    void anEventGoesToAScopeOnlyIfItsFiltersListIt() {
        ConversationsSimulator sim = withGlobalWebhooks("onMessageAdded").build();

        sim.receive("+15551230001", "+15005550001", "hello");

        sim.deliveries().assertEventTypes("onMessageAdded");
    }

    @Test
    void theServiceScopeReceivesEventsOfItsConversationsAlongsideGlobal() {
        ConversationsSimulator sim = withGlobalWebhooks("onMessageAdded").build();
        String service = sim.api().listServices().get(0).sid();
        sim.api().updateServiceWebhooks(service, new WebhookConfigurationRequest()
                .postWebhookUrl("https://svc.example.com/service-post").filters("onMessageAdded"));

        sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::scope)
                .containsExactly(WebhookScope.GLOBAL, WebhookScope.SERVICE);
    }

    @Test
    void theOptionSendsAServiceConversationsEventsToTheServiceScopeOnly() {
        ConversationsSimulator sim = withGlobalWebhooks("onMessageAdded")
                .options(FidelityOptions.defaults().toBuilder().globalAndServiceBothReceive(false).build()).build();
        String service = sim.api().listServices().get(0).sid();
        sim.api().updateServiceWebhooks(service, new WebhookConfigurationRequest()
                .postWebhookUrl("https://svc.example.com/service-post").filters("onMessageAdded"));

        sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::scope).containsExactly(WebhookScope.SERVICE);
    }

    @Test
    void serviceScopeMaySkipCarrierMessagesAsObservedLive() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
                .options(FidelityOptions.defaults().toBuilder().serviceSkipsCarrierMessageAdded(true).build()).build();
        String service = sim.api().listServices().get(0).sid();
        sim.api().updateServiceWebhooks(service, new WebhookConfigurationRequest()
                .postWebhookUrl("https://svc.example.com/service-post").filters("onMessageAdded"));

        String ch = sim.receive("+15551230001", "+15005550001", "from the carrier").conversationSid();
        sim.api().createMessage(ch, new MessageRequest().body("from the API").webhookEnabled(true));

        assertThat(sim.deliveries().all()).extracting(d -> d.param("Body")).containsExactly("from the API");
    }

    @Test
    void apiCallsFireWebhooksOnlyWithTheHeader() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).build();

        String quiet = sim.api().createConversation(new ConversationRequest()).sid();
        sim.api().createParticipant(quiet, new ParticipantRequest().identity("alice"));
        assertThat(sim.deliveries().all()).isEmpty();

        String loud = sim.api().createConversation(new ConversationRequest().webhookEnabled(true)).sid();
        sim.api().createParticipant(loud, new ParticipantRequest().identity("alice").webhookEnabled(true));
        sim.deliveries().assertEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdd",
                "onParticipantAdded");
        assertThat(sim.deliveries().all()).allSatisfy(d -> assertThat(d.param("Source")).isEqualTo("API"));
    }

    @Test
    void aPreActionAnswerWithJsonRenamesTheAutocreatedConversation() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL)
                .endpoint(PRE, r -> WebhookResponse.json("{\"friendly_name\":\"Alice\",\"attributes\":\"{\\\"avatar\\\":\\\"a.png\\\"}\"}"))
                .build();

        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();

        assertThat(sim.api().fetchConversation(ch).friendlyName()).isEqualTo("Alice");
        assertThat(sim.api().fetchConversation(ch).attributes()).isEqualTo("{\"avatar\":\"a.png\"}");
        assertThat(sim.deliveries().only("onConversationAdded").get(0).param("FriendlyName")).isEqualTo("Alice");
    }

    @Test
    void uniqueNameFromAPreActionAnswerIsIgnoredUnlessTheOptionHonoursIt() {
        WebhookResponse answer = WebhookResponse.json("{\"unique_name\":\"vip-1\"}");
        ConversationsSimulator ignoring = withGlobalWebhooks(ALL).endpoint(PRE, r -> answer).build();
        ConversationsSimulator honouring = withGlobalWebhooks(ALL).endpoint(PRE, r -> answer)
                .options(FidelityOptions.defaults().toBuilder().uniqueNameFromPreAction(true).build()).build();

        String a = ignoring.receive("+15551230001", "+15005550001", "hello").conversationSid();
        String b = honouring.receive("+15551230001", "+15005550001", "hello").conversationSid();

        assertThat(ignoring.api().fetchConversation(a).uniqueName()).isNull();
        assertThat(honouring.api().fetchConversation("vip-1").sid()).isEqualTo(b);
    }

    @Test
    void aPreActionMessageAnswerModifiesBodyAndAuthor() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL)
                .endpoint(PRE, r -> r.eventType().equals("onMessageAdd")
                        ? WebhookResponse.json("{\"body\":\"[redacted]\",\"author\":\"customer\"}")
                        : WebhookResponse.ok())
                .build();
        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();

        sim.receive("+15551230001", "+15005550001", "my card is 4111");

        assertThat(sim.api().listMessages(ch).get(1).body()).isEqualTo("[redacted]");
        assertThat(sim.api().listMessages(ch).get(1).author()).isEqualTo("customer");
    }

    @Test
    void invalidAnswerValuesAreIgnoredOnInboundAndFailTheApiCall() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL)
                .endpoint(PRE, r -> WebhookResponse.json("{\"attributes\":\"{not json\"}")).build();

        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        sim.receive("+15551230001", "+15005550001", "again");

        assertThat(sim.api().fetchConversation(ch).attributes()).isEqualTo("{}");
        assertThat(sim.api().listMessages(ch)).extracting(m -> m.attributes()).containsExactly("{}", "{}");
        assertThat(sim.journalText()).contains("the onConversationAdd answer's attributes are not JSON: ignored")
                .contains("the onMessageAdd answer's attributes are not JSON: ignored");
        assertThatThrownBy(() -> sim.api().createMessage(ch, new MessageRequest().body("x").webhookEnabled(true)))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(20001);
                    assertThat(e.getMessage()).isEqualTo("the onMessageAdd answer's attributes [{not json] is not valid "
                            + "JSON: send a JSON string such as {\"key\":\"value\"}");
                });
        assertThat(sim.api().listMessages(ch)).hasSize(2);
    }

    @Test
    void aRejectedAutocreationDropsTheMessageAndLeavesOnlyTheRejectionBehind() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL)
                .phoneNumber("+15005550001", "https://legacy.example.com/sms")
                .options(FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false).build())
                .endpoint(PRE, r -> WebhookResponse.status(403)).build();

        int journalBefore = sim.journal().size();
        InboundOutcome outcome = sim.receive("+15551230001", "+15005550001", "spam");

        assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
        assertThat(outcome.explanation()).endsWith(
                "the pre-action webhook onConversationAdd at " + PRE + " answered 403, so the message was dropped");
        assertThat(sim.api().listConversations()).isEmpty();
        sim.deliveries().assertEventTypes("onConversationAdd");
        assertThat(sim.journal().subList(journalBefore, sim.journal().size()))
                .as("only the rejected hook and the dropped outcome: nothing created, no fallback to the SMS URL")
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Delivered", "Inbound");
    }

    @Test
    void aRejectedOnMessageAddDropsACapturedMessage() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL)
                .endpoint(PRE, r -> r.eventType().equals("onMessageAdd") ? WebhookResponse.status(500) : WebhookResponse.ok())
                .build();
        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();

        InboundOutcome outcome = sim.receive("+15551230001", "+15005550001", "blocked");

        assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
        assertThat(outcome.conversationSid()).isEqualTo(ch);
        assertThat(sim.api().listMessages(ch)).hasSize(1);
    }

    @Test
    void aPreActionTimeoutAcceptsUnchanged() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).endpoint(PRE, r -> WebhookResponse.timeout()).build();

        InboundOutcome outcome = sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.deliveries().all().get(0).timedOut()).isTrue();
        assertThat(sim.deliveries().all().get(0).toString()).endsWith("→ timed out");
    }

    @Test
    void aHandlerThatThrowsCountsAsA500AndRejects() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).endpoint(PRE, r -> {
            throw new IllegalStateException("boom");
        }).build();

        InboundOutcome outcome = sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Dropped.class, d -> assertThat(d.status()).isEqualTo(500));
        assertThat(sim.deliveries().all().get(0).error()).isEqualTo("the endpoint threw java.lang.IllegalStateException: boom");
        assertThat(sim.api().listConversations()).isEmpty();
    }

    @Test
    void aRejectedApiCallFailsWithTheRejectionAndChangesNothing() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).endpoint(PRE, r -> WebhookResponse.status(403)).build();

        assertThatThrownBy(() -> sim.api().createConversation(new ConversationRequest().webhookEnabled(true)))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("the pre-action webhook onConversationAdd at " + PRE
                            + " answered 403, so the call was rejected");
                });
        assertThat(sim.api().listConversations()).isEmpty();
    }

    @Test
    void aHandlerAddingAParticipantSeesItsWebhooksQueuedBehindTheCurrentBatch() {
        List<String> seenDuringAdded = new ArrayList<>();
        ConversationsSimulator[] holder = new ConversationsSimulator[1];
        ConversationsSimulator sim = withGlobalWebhooks(ALL).endpoint(POST, r -> {
            if (r.eventType().equals("onConversationAdded")) {
                holder[0].api().createParticipant(r.param("ConversationSid"),
                        new ParticipantRequest().identity("alice@example.com").webhookEnabled(true));
                seenDuringAdded.add("participants=" + holder[0].api().listParticipants(r.param("ConversationSid")).size());
            }
            return WebhookResponse.ok();
        }).build();
        holder[0] = sim;

        sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(seenDuringAdded).containsExactly("participants=2");
        sim.deliveries().assertEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdd",
                "onParticipantAdded", "onMessageAdded", "onParticipantAdded");
        assertThat(sim.deliveries().all().get(5).param("Identity")).isEqualTo("alice@example.com");
        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        sim.verifyInvariants();
    }

    /** An autocreating address configuration whose scoped webhook listens to participants and messages. */
    private static AddressConfigurationRequest scopedWebhookConfiguration() {
        return new AddressConfigurationRequest().type("sms").address("+15005550001")
                .autoCreationEnabled(true).autoCreationType("webhook")
                .webhookUrl("https://svc.example.com/scoped").webhookMethod("POST")
                .webhookFilters("onParticipantAdded", "onMessageAdded");
    }

    @Test
    void anAddressConfigurationOfTypeWebhookAttachesAScopedWebhookThatSeesAutocreationsEvents() {
        ConversationsSimulator sim = ConversationsSimulator.builder().addressConfiguration(scopedWebhookConfiguration())
                .build();

        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        sim.receive("+15551230001", "+15005550001", "again");

        assertThat(sim.api().listConversationWebhooks(ch)).singleElement().satisfies(wh -> {
            assertThat(wh.target()).isEqualTo("webhook");
            assertThat(wh.url()).isEqualTo("https://svc.example.com/scoped");
            assertThat(wh.filters()).containsExactly("onParticipantAdded", "onMessageAdded");
        });
        assertThat(sim.deliveries().all()).allSatisfy(d -> assertThat(d.scope()).isEqualTo(WebhookScope.CONVERSATION));
        sim.deliveries().assertEventTypes("onParticipantAdded", "onMessageAdded", "onMessageAdded");
    }

    @Test
    void withTheOptionOffTheScopedWebhookIsAttachedAfterTheAutocreationsOwnEvents() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().scopedWebhookSeesAutocreation(false).build())
                .addressConfiguration(scopedWebhookConfiguration())
                .build();

        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        assertThat(sim.deliveries().count()).isZero();
        assertThat(sim.api().listConversationWebhooks(ch)).singleElement()
                .satisfies(wh -> assertThat(wh.url()).isEqualTo("https://svc.example.com/scoped"));
        // the journal says the webhook came after the first message
        List<String> added = sim.journal().stream().filter(e -> e instanceof JournalEntry.ResourceChanged)
                .map(e -> ((JournalEntry.ResourceChanged) e).resource().name()).toList();
        assertThat(added).containsSubsequence("MESSAGE", "CONVERSATION_WEBHOOK");

        sim.receive("+15551230001", "+15005550001", "again");
        sim.deliveries().assertEventTypes("onMessageAdded");
        assertThat(sim.deliveries().all().get(0).param("Body")).isEqualTo("again");
        sim.verifyInvariants();
    }

    @Test
    void attachedAfterTheAutocreationTheScopedWebhookMissesItsStateUpdateToo() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().scopedWebhookSeesAutocreation(false)
                        .stateUpdatedOnOneToOneAutocreation(true).build())
                .addressConfiguration(scopedWebhookConfiguration().webhookFilters("onConversationStateUpdated"))
                .build();

        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        assertThat(sim.deliveries().count()).isZero();

        sim.api().updateConversation(ch, new ConversationRequest().state("inactive").webhookEnabled(true));
        sim.deliveries().assertEventTypes("onConversationStateUpdated");
        assertThat(sim.deliveries().all().get(0).param("StateTo")).isEqualTo("inactive");
    }

    @Test
    void recordedDeliveriesPrintAsOneLineAndTakeNextHandsEachOutOnce() {
        ConversationsSimulator sim = withGlobalWebhooks(ALL).build();
        sim.receive("+15551230001", "+15005550001", "hello");

        assertThat(sim.deliveries().takeNext("onConversationAdd").toString())
                .isEqualTo("#1 pre global onConversationAdd +15551230001 \"hello\" → 200");
        assertThat(sim.deliveries().takeNext().toString())
                .isEqualTo("#2 post global onConversationAdded CH…01 → 200");
        assertThat(sim.deliveries().pending()).isEqualTo(2);
        assertThatThrownBy(() -> sim.deliveries().takeNext("onConversationRemoved"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected the next delivery to be onConversationRemoved but it was "
                        + "#3 post global onParticipantAdded CH…01 → 200");
        assertThat(sim.deliveries().pending()).isEqualTo(2);
    }
}
