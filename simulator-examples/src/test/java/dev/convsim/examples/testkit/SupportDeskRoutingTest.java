package dev.convsim.examples.testkit;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.junit5.ConvsimExtension;
import dev.convsim.routing.Routers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The desk's routing tests with the programmatic extension: the same desk, plus Frontline pool routing. */
class SupportDeskRoutingTest {

    @RegisterExtension
    static final ConvsimExtension CONVSIM = ConvsimExtension.builder()
            .simulator(() -> SupportDesk.simulator()
                    .router(Routers.pool())
                    .worker("alice@example.com", false)
                    .worker("bob@example.com", false))
            .build();

    @Test
    void aConversationWaitsUntilAnAgentIsAvailable(ConversationsSimulator sim) {
        String conversation = sim.receive("+15551230001", SupportDesk.NUMBER, "hello?").conversationSid();
        assertThat(sim.routingQueue()).containsExactly(conversation);

        assertThat(sim.setWorkerAvailability("bob@example.com", true)).containsExactly(conversation);

        assertThat(sim).hasParticipantWithIdentity(conversation, "bob@example.com");
        assertThat(sim.routingQueue()).isEmpty();
    }

    @Test
    void closingAWaitingConversationTakesItOffTheQueue(ConversationsSimulator sim) {
        String first = sim.receive("+15551230001", SupportDesk.NUMBER, "hello?").conversationSid();
        String second = sim.receive("+15551230002", SupportDesk.NUMBER, "anyone?").conversationSid();
        sim.api().updateConversation(first, new ConversationRequest().state("closed"));

        assertThat(sim.setWorkerAvailability("alice@example.com", true)).containsExactly(second);
        assertThat(sim).hasParticipantWithIdentity(second, "alice@example.com");
    }
}
