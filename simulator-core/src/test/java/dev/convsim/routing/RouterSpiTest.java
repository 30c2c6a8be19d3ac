package dev.convsim.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterSpiTest {

    static final String CUSTOMER = "+15551230001";
    static final String OTHER_CUSTOMER = "+15551230002";
    static final String TWILIO = "+15005550001";
    static final String HOOKS = "https://svc.example.com/hooks";

    @Test
    void routerRunsOnceForEachAutocreatedConversationAfterItsPostActionWebhooks() {
        AtomicReference<ConversationsSimulator> holder = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(HOOKS)
                        .filters("onConversationAdded", "onParticipantAdded", "onMessageAdded"))
                .router((conversation, context) -> seen.add(conversation.sid() + " after "
                        + holder.get().deliveries().count("onConversationAdded", "onParticipantAdded",
                                "onMessageAdded")))
                .build();
        holder.set(sim);

        InboundOutcome first = sim.receive(CUSTOMER, TWILIO, "hello");
        sim.receive(CUSTOMER, TWILIO, "again");
        InboundOutcome second = sim.receive(OTHER_CUSTOMER, TWILIO, "hi");

        assertThat(seen).containsExactly(first.conversationSid() + " after 3",
                second.conversationSid() + " after 7");
    }

    @Test
    void routerIsNotCalledForConversationsTheApiCreates() {
        List<String> seen = new ArrayList<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .router((conversation, context) -> seen.add(conversation.sid()))
                .build();

        sim.api().createConversation(new ConversationRequest().friendlyName("by hand").webhookEnabled(true));

        assertThat(seen).isEmpty();
    }

    @Test
    void routerSeesTheCommittedConversationItsParticipantsAndTheMessage() {
        List<NewConversation> seen = new ArrayList<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router((conversation, context) -> seen.add(conversation))
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(seen).hasSize(1);
        NewConversation c = seen.get(0);
        assertThat(c.sid()).isEqualTo(outcome.conversationSid());
        assertThat(c.conversation().state().wire()).isEqualTo("active");
        assertThat(c.participants()).singleElement()
                .satisfies(p -> assertThat(p.messagingBinding().address().value()).isEqualTo(CUSTOMER));
        assertThat(c.message().body()).isEqualTo("hello");
    }

    @Test
    void aSecondRouterOnTheBuilderIsRefusedNamingTheFirst() {
        ConversationsSimulator.Builder builder = ConversationsSimulator.builder().router(Routers.doNotRoute());

        assertThatThrownBy(() -> builder.router(Routers.pool()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("router was already set to Routers.doNotRoute(): one router per simulator");
    }

    @Test
    void aRouterThatThrowsIsJournaledAndTheConversationStays() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router((conversation, context) -> {
                    throw new IllegalStateException("CRM is down");
                })
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(sim.api().listConversations()).extracting(c -> c.sid()).containsExactly(outcome.conversationSid());
        assertThat(sim.journalText()).contains("the router lambda failed on " + outcome.conversationSid()
                + ": java.lang.IllegalStateException: CRM is down");
    }

    @Test
    void routerModeNamesAreStableForLambdasAnonymousAndNamedClasses() {
        Router lambda = (conversation, context) -> { };
        Router anonymous = new Router() {
            @Override
            public void route(NewConversation conversation, RoutingContext context) {
            }
        };

        assertThat(lambda.mode()).isEqualTo("lambda");
        assertThat(anonymous.mode()).isEqualTo("RouterSpiTest$1");
        assertThat(new Named().mode()).isEqualTo("Named");
        assertThat(Routers.doNotRoute().mode()).isEqualTo("doNotRoute");
        assertThat(Routers.custom("https://x.example.com/r").mode()).isEqualTo("custom");
        assertThat(Routers.pool().mode()).isEqualTo("pool");
    }

    @Test
    void doNotRouteLeavesTheConversationWithoutAWorkerAndVisible() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router(Routers.doNotRoute())
                .worker("alice@example.com", true)
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, TWILIO, "hello");
        String sid = outcome.conversationSid();

        assertThat(sim.api().listConversations()).extracting(c -> c.sid()).containsExactly(sid);
        assertThat(sim.api().listParticipants(sid)).allSatisfy(p -> assertThat(p.identity()).isNull());
        assertThat(sim.deliveries().all()).noneSatisfy(d -> assertThat(d.scope().wire()).isEqualTo("routing"));
        assertThat(sim.journal()).filteredOn(e -> e instanceof JournalEntry.Routed)
                .singleElement()
                .satisfies(e -> {
                    JournalEntry.Routed r = (JournalEntry.Routed) e;
                    assertThat(r.mode()).isEqualTo("doNotRoute");
                    assertThat(r.worker()).isNull();
                    assertThat(r.queued()).isFalse();
                    assertThat(r.kind()).isEqualTo("routed");
                    assertThat(r.toString()).endsWith("routed CH…01 by doNotRoute: no worker");
                });
    }

    static final class Named implements Router {
        @Override
        public void route(NewConversation conversation, RoutingContext context) {
        }
    }
}
