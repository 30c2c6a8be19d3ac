package dev.convsim.assertj;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.webhook.RecordedDeliveries;

/**
 * Entry point of the AssertJ assertions. Static-import {@code assertThat} from here beside AssertJ's own: the
 * overloads do not clash.
 *
 * <pre>{@code
 * import static dev.convsim.assertj.ConvsimAssertions.assertThat;
 *
 * assertThat(outcome).isAutocreated().explanationContains("address configuration IG…01");
 * }</pre>
 */
public final class ConvsimAssertions {

    private ConvsimAssertions() {
    }

    /** Assertions on a simulator's conversations, bindings and messages. */
    public static SimulatorAssert assertThat(ConversationsSimulator actual) {
        return new SimulatorAssert(actual);
    }

    /** Assertions on what happened to one inbound message. */
    public static InboundOutcomeAssert assertThat(InboundOutcome actual) {
        return new InboundOutcomeAssert(actual);
    }

    /** Assertions on the webhook deliveries a simulator made. */
    public static DeliveriesAssert assertThat(RecordedDeliveries actual) {
        return new DeliveriesAssert(actual);
    }
}
