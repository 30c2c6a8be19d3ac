package dev.convsim.properties;

import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimArbitraries;
import dev.convsim.jqwik.ConvsimInvariants;
import dev.convsim.jqwik.SimulatorRun;
import dev.convsim.jqwik.SimulatorSetup;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * With pool routing, whatever happens to conversations and workers, no conversation waits in the routing queue
 * while a worker is available. (This property found that a closed conversation stayed queued and blocked every
 * conversation behind it: {@code PoolQueueTest}.)
 */
class PoolRoutingProperties {

    @Property(tries = 1000)
    void noConversationWaitsWhileAWorkerIsAvailable(@ForAll("chains") ActionChain<SimulatorRun> chain) {
        chain.withInvariant("no conversation waits while a worker is available",
                        ConvsimInvariants.on(SimulatorRun::simulator,
                                ConvsimInvariants.noConversationWaitsWhileAWorkerIsAvailable()))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<SimulatorRun>> chains() {
        return ConvsimArbitraries.setups().map(PoolRoutingProperties::withWorkers)
                .flatMap(setup -> ConvsimActions.runs()
                        .addStandardActions(ActionChain.startWith(() -> SimulatorRun.of(setup)), setup)
                        .withMaxTransformations(30))
                .withoutEdgeCases();
    }

    private static SimulatorSetup withWorkers(SimulatorSetup setup) {
        if (!setup.workers().isEmpty()) {
            return setup;
        }
        Map<String, Boolean> workers = new LinkedHashMap<>();
        workers.put("alice@example.com", false);
        workers.put("bob@example.com", false);
        return new SimulatorSetup(setup.start(), setup.numbers(), setup.defaultInactiveTimer(),
                setup.defaultClosedTimer(), workers, setup.rejectWord(), setup.postWebhooks(), setup.options());
    }
}
