package dev.convsim.properties;

import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimInvariants;
import dev.convsim.jqwik.SimulatorRun;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * Whatever the traffic and whatever the API does (receive, advance, close, delete, add and remove participants, set
 * timers, workers come and go), a number pair is never held by two non-closed conversations, and the binding index
 * agrees with the conversations.
 */
class BindingProperties {

    @Property(tries = 1000)
    void noNumberPairIsEverInTwoNonClosedConversations(@ForAll("chains") ActionChain<SimulatorRun> chain) {
        chain.withInvariant("no pair in two non-closed conversations",
                        ConvsimInvariants.on(SimulatorRun::simulator, ConvsimInvariants.noPairInTwoNonClosedConversations()))
                .withInvariant("the binding index agrees with the conversations",
                        ConvsimInvariants.on(SimulatorRun::simulator, ConvsimInvariants.bindingIndexConsistent()))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<SimulatorRun>> chains() {
        return ConvsimActions.standardChains(30);
    }
}
