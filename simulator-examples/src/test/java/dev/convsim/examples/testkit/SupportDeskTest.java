package dev.convsim.examples.testkit;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.junit5.ConvsimTest;
import dev.convsim.model.ConversationState;
import org.junit.jupiter.api.Test;

/**
 * The desk's tests with the declarative extension: each test gets a fresh simulator from
 * {@link SupportDesk#simulator()}, must take every webhook delivery it causes, and the simulator's invariants are
 * checked after it.
 */
@ConvsimTest(factory = "simulator", failOnUnconsumedWebhooks = true)
class SupportDeskTest {

    static final String CUSTOMER = "+15551230001";

    static ConversationsSimulator.Builder simulator() {
        return SupportDesk.simulator();
    }

    @Test
    void aNewCustomerGetsAConversationNamedAfterThem(ConversationsSimulator sim) {
        InboundOutcome outcome = sim.receive(CUSTOMER, SupportDesk.NUMBER, "my order is late");

        assertThat(outcome).isAutocreated();
        String conversation = outcome.conversationSid();
        assertThat(sim.api().fetchConversation(conversation).friendlyName()).isEqualTo("SMS with " + CUSTOMER);
        assertThat(sim).hasPairBoundTo(CUSTOMER, SupportDesk.NUMBER, conversation)
                .hasMessageWithBody(conversation, "my order is late");
        assertThat(sim.deliveries())
                .containsExactlyEventTypes("onConversationAdd", "onConversationAdded", "onMessageAdded")
                .containsEventWithParam("onConversationAdd", "MessageBody", "my order is late")
                .allAnsweredSuccessfully();
        sim.deliveries().takeNext("onConversationAdd");
        sim.deliveries().takeNext("onConversationAdded");
        sim.deliveries().takeNext("onMessageAdded");
    }

    @Test
    void theCustomersNextMessageJoinsTheirConversation(ConversationsSimulator sim) {
        String conversation = sim.receive(CUSTOMER, SupportDesk.NUMBER, "my order is late").conversationSid();

        assertThat(sim.receive(CUSTOMER, SupportDesk.NUMBER, "order 1234")).isCaptured().byConversation(conversation);
        assertThat(sim).hasConversationCount(1).hasMessageCount(conversation, 2)
                .hasConversationInState(conversation, ConversationState.ACTIVE);
        while (sim.deliveries().pending() > 0) {
            sim.deliveries().takeNext();
        }
    }

    @Test
    void aBareStopOpensNoConversation(ConversationsSimulator sim) {
        InboundOutcome outcome = sim.receive(CUSTOMER, SupportDesk.NUMBER, "STOP");

        assertThat(outcome).isDropped().explanationContains("answered 403, so the message was dropped");
        assertThat(sim).hasConversationCount(0).hasPairUnbound(CUSTOMER, SupportDesk.NUMBER);
        assertThat(sim.deliveries().takeNext("onConversationAdd").status()).isEqualTo(403);
    }
}
