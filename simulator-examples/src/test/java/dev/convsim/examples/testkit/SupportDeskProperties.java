package dev.convsim.examples.testkit;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimArbitraries;
import dev.convsim.jqwik.ConvsimInvariants;
import dev.convsim.model.Address;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * The desk's properties with the jqwik kit: whatever customers text, in whatever order, with conversations closed
 * and time passing in between, every conversation the desk opens is named after its customer, a bare STOP never
 * opens one, and the simulator's invariants hold. Each try starts from its own simulator.
 */
class SupportDeskProperties {

    @Property(tries = 300)
    void everyOpenedConversationIsNamedAfterItsCustomer(@ForAll("traffic") ActionChain<ConversationsSimulator> chain) {
        chain.withInvariant("convsim", ConvsimInvariants.all()).run();
    }

    @Provide
    Arbitrary<ActionChain<ConversationsSimulator>> traffic() {
        Arbitrary<String> bodies = Arbitraries.of("hi", "STOP", "stop ", "where is my order?");
        Arbitrary<InboundMessage> texts = Combinators.combine(ConvsimArbitraries.customerAddresses(),
                Arbitraries.just(Address.parse(SupportDesk.NUMBER)), bodies)
                .as((from, to, body) -> InboundMessage.of(from.value(), to.value(), body));
        ConvsimActions<ConversationsSimulator> actions = ConvsimActions.simulator();
        return ActionChain.startWith(() -> SupportDesk.simulator().build())
                .withAction(4, actions.receive(texts, SupportDeskProperties::namedOrRefused))
                .withAction(1, actions.advance())
                .withAction(1, actions.close())
                .withMaxTransformations(20);
    }

    private static void namedOrRefused(ConversationsSimulator sim, InboundOutcome outcome) {
        InboundMessage m = outcome.message();
        if (m.body().trim().equalsIgnoreCase("STOP") && !(outcome instanceof InboundOutcome.Captured)) {
            assertThat(outcome).isDropped();
        } else if (outcome instanceof InboundOutcome.Autocreated created) {
            assertThat(sim.api().fetchConversation(created.conversationSid()).friendlyName())
                    .isEqualTo("SMS with " + m.from());
        } else {
            assertThat(outcome).isCaptured();
        }
    }
}
