package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In-process endpoints that fail: they throw, return nothing, never answer, or answer garbage. Each failure has its
 * documented effect and a journal entry, and never leaves a change half made.
 */
class FaultsTest {

    private static final String NUMBER = "+15005550001";
    private static final String CUSTOMER = "+15551230001";
    private static final String PRE = "https://svc.example.com/pre";
    private static final String POST = "https://svc.example.com/post";
    private static final String ROUTING = "https://svc.example.com/callbacks/routing";

    private static ConversationsSimulator.Builder simulator(WebhookEndpoint pre, WebhookEndpoint post) {
        ConversationsSimulator.Builder b = ConversationsSimulator.builder().autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(PRE).postWebhookUrl(POST)
                        .filters("onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded",
                                "onMessageAdd", "onParticipantAdd"));
        if (pre != null) {
            b.endpoint(PRE, pre);
        }
        if (post != null) {
            b.endpoint(POST, post);
        }
        return b;
    }

    private static WebhookEndpoint throwing(String event) {
        return request -> {
            if (request.eventType().equals(event)) {
                throw new IllegalStateException("boom in " + event);
            }
            return WebhookResponse.ok();
        };
    }

    // ------------------------------------------------------------------ pre-action

    @Test
    void aPreActionEndpointThatThrowsRejectsLikeA500AndNothingIsCreated() {
        ConversationsSimulator sim = simulator(throwing("onConversationAdd"), null).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Dropped.class, d -> {
            assertThat(d.status()).isEqualTo(500);
            assertThat(d.event()).isEqualTo("onConversationAdd");
        });
        assertThat(sim.api().listConversations()).isEmpty();
        RecordedDelivery pre = sim.deliveries().takeNext("onConversationAdd");
        assertThat(pre.status()).isEqualTo(500);
        assertThat(pre.error()).isEqualTo("the endpoint threw java.lang.IllegalStateException: boom in onConversationAdd");
        assertThat(sim.deliveries().pending()).isZero();
        assertThat(sim.journal()).filteredOn(JournalEntry.Inbound.class::isInstance).hasSize(1);
        sim.verifyInvariants();
    }

    @Test
    void aPreActionEndpointThatReturnsNothingCountsAsA500() {
        ConversationsSimulator sim = simulator(request -> null, null).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
        assertThat(sim.deliveries().all().get(0).error()).isEqualTo("the endpoint returned null");
    }

    @Test
    void aPreActionEndpointThatNeverAnswersAcceptsUnchanged() {
        ConversationsSimulator sim = simulator(request -> WebhookResponse.timeout(), null).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.api().fetchConversation(outcome.conversationSid()).friendlyName()).isNull();
        assertThat(sim.deliveries().takeNext("onConversationAdd").timedOut()).isTrue();
        assertThat(sim.journalText()).contains("onConversationAdd +15551230001 \"hi\" → timed out");
    }

    @Test
    void garbageJsonFromAPreActionEndpointIsAcceptedUnchangedAndNoted() {
        for (String garbage : List.of("{\"friendly_name\": \"Ali", "[\"friendly_name\", \"Alice\"]", "42", "nul")) {
            ConversationsSimulator sim = simulator(request -> WebhookResponse.json(garbage), null).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(outcome).as(garbage).isInstanceOf(InboundOutcome.Autocreated.class);
            Conversation c = sim.api().fetchConversation(outcome.conversationSid());
            assertThat(c.friendlyName()).as(garbage).isNull();
            assertThat(c.attributes()).isEqualTo("{}");
            assertThat(sim.journalText()).as(garbage).contains(
                    "the onConversationAdd answer from " + PRE + " is not a JSON object: accepted unchanged");
        }
    }

    @Test
    void aPreActionAnswerOfTheWrongContentTypeIsAcceptedUnchangedAndNoted() {
        ConversationsSimulator sim = simulator(
                request -> WebhookResponse.of(200, "text/html", "{\"friendly_name\":\"Alice\"}"), null).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(sim.api().fetchConversation(outcome.conversationSid()).friendlyName()).isNull();
        assertThat(sim.journalText()).contains("the onConversationAdd answer from " + PRE
                + " is text/html, not application/json: accepted unchanged");
    }

    @Test
    void aPreActionAnswerWithAttributesThatAreNotJsonKeepsTheNameAndIgnoresTheAttributes() {
        ConversationsSimulator sim = simulator(
                request -> WebhookResponse.json("{\"friendly_name\":\"Alice\",\"attributes\":\"{avatar\"}"), null)
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        Conversation c = sim.api().fetchConversation(outcome.conversationSid());
        assertThat(c.friendlyName()).isEqualTo("Alice");
        assertThat(c.attributes()).isEqualTo("{}");
        assertThat(sim.journalText()).contains("the onConversationAdd answer's attributes are not JSON: ignored");
    }

    @Test
    void anOnMessageAddEndpointThatThrowsDropsACapturedMessageAndLeavesTheConversationAsItWas() {
        ConversationsSimulator sim = simulator(throwing("onMessageAdd"), null).build();
        InboundOutcome first = sim.receive(CUSTOMER, NUMBER, "first");
        Conversation before = sim.api().fetchConversation(first.conversationSid());

        InboundOutcome second = sim.receive(CUSTOMER, NUMBER, "second");

        assertThat(second).isInstanceOfSatisfying(InboundOutcome.Dropped.class,
                d -> assertThat(d.conversationSid()).isEqualTo(first.conversationSid()));
        assertThat(sim.api().listMessages(first.conversationSid())).extracting(m -> m.body())
                .containsExactly("first");
        assertThat(sim.api().fetchConversation(first.conversationSid())).isEqualTo(before);
        sim.verifyInvariants();
    }

    @Test
    void anApiCallWhosePreActionEndpointThrowsFailsWith20403AndChangesNothing() {
        ConversationsSimulator sim = simulator(throwing("onParticipantAdd"), null).build();
        Conversation c = sim.api().createConversation(new ConversationRequest().friendlyName("support"));

        assertThatThrownBy(() -> sim.api().createParticipant(c.sid(),
                new ParticipantRequest().address(CUSTOMER).proxyAddress(NUMBER).webhookEnabled(true)))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(20403);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("the pre-action webhook onParticipantAdd at " + PRE
                            + " answered 500, so the call was rejected");
                });
        assertThat(sim.api().listParticipants(c.sid())).isEmpty();
        // the pair is still free: the customer's next text autocreates instead of being captured
        assertThat(sim.receive(CUSTOMER, NUMBER, "hi")).isInstanceOf(InboundOutcome.Autocreated.class);
        sim.verifyInvariants();
    }

    @Test
    void anEndpointThatChangesStateAndThenThrowsKeepsItsOwnCommittedChangeAndNothingHalfMade() {
        ConversationsSimulator[] self = new ConversationsSimulator[1];
        ConversationsSimulator sim = simulator(request -> {
            if (request.eventType().equals("onConversationAdd")) {
                self[0].api().createConversation(new ConversationRequest().uniqueName("made-by-the-hook"));
                throw new IllegalStateException("then it fails");
            }
            return WebhookResponse.ok();
        }, null).build();
        self[0] = sim;

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
        assertThat(sim.api().listConversations()).extracting(Conversation::uniqueName)
                .containsExactly("made-by-the-hook");
        assertThat(sim.api().listParticipants("made-by-the-hook")).isEmpty();
        sim.verifyInvariants();
    }

    // ------------------------------------------------------------------ post-action and routing

    @Test
    void aPostActionEndpointThatThrowsIsRecordedAndTheDeliveriesBehindItStillGo() {
        ConversationsSimulator sim = simulator(null, throwing("onConversationAdded")).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.api().listParticipants(outcome.conversationSid())).hasSize(1);
        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::eventType, RecordedDelivery::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("onConversationAdd", 200),
                        org.assertj.core.groups.Tuple.tuple("onConversationAdded", 500),
                        org.assertj.core.groups.Tuple.tuple("onParticipantAdded", 200),
                        org.assertj.core.groups.Tuple.tuple("onMessageAdded", 200));
        assertThat(sim.journalText()).contains(
                "onConversationAdded CH…01 → 500 (the endpoint threw java.lang.IllegalStateException: boom in onConversationAdded)");
        sim.verifyInvariants();
    }

    @Test
    void aRoutingCallbackThatThrowsLeavesTheConversationUnroutedWithFrontlineError32506() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER)
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    throw new IllegalStateException("routing is down");
                })
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.api().listParticipants(outcome.conversationSid())).hasSize(1);
        assertThat(sim.journal()).filteredOn(JournalEntry.Note.class::isInstance)
                .extracting(e -> ((JournalEntry.Note) e).code()).containsExactly(Routers.NO_WORKER_ADDED);
        assertThat(sim.deliveries().takeNext("onConversationRoute").status()).isEqualTo(500);
        sim.verifyInvariants();
    }

    @Test
    void aRouterThatThrowsIsNotedAndTheNewConversationStaysWhole() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER)
                .router((conversation, context) -> {
                    throw new IllegalStateException("router bug");
                })
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.api().listMessages(outcome.conversationSid())).hasSize(1);
        assertThat(sim.journalText()).contains("failed on " + outcome.conversationSid()
                + ": java.lang.IllegalStateException: router bug");
        assertThat(sim.receive(CUSTOMER, NUMBER, "again")).isInstanceOf(InboundOutcome.Captured.class);
        sim.verifyInvariants();
    }
}
