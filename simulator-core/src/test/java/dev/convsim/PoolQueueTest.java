package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.api.ConversationRequest;
import dev.convsim.routing.Routers;
import org.junit.jupiter.api.Test;

/**
 * The pool-routing queue and closed conversations, found by the test kit's property
 * {@code noConversationWaitsWhileAWorkerIsAvailable}: a closed conversation left in the queue made the next
 * available worker's assignment fail (50377), which stopped the assignment of every conversation behind it.
 */
class PoolQueueTest {

    @Test
    void closingAQueuedConversationTakesItOutOfTheRoutingQueue() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
                .router(Routers.pool()).worker("alice@example.com", false).build();
        String first = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        String second = sim.receive("+15551230002", "+15005550001", "hello").conversationSid();
        assertThat(sim.routingQueue()).containsExactly(first, second);

        sim.api().updateConversation(first, new ConversationRequest().state("closed"));

        assertThat(sim.routingQueue()).containsExactly(second);
    }

    @Test
    void aWorkerBecomingAvailableTakesTheOpenConversationsBehindAClosedOne() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
                .router(Routers.pool()).worker("alice@example.com", false).build();
        String first = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        String second = sim.receive("+15551230002", "+15005550001", "hello").conversationSid();
        sim.api().updateConversation(first, new ConversationRequest().state("closed"));

        assertThat(sim.setWorkerAvailability("alice@example.com", true)).containsExactly(second);

        assertThat(sim.routingQueue()).isEmpty();
        assertThat(sim.api().listParticipants(second)).anyMatch(p -> "alice@example.com".equals(p.identity()));
        assertThat(sim.api().listParticipants(first)).noneMatch(p -> p.identity() != null);
    }
}
