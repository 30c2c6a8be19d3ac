package dev.convsim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.SimulatorRun;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** The same steps on the same setup give the same journal, byte for byte: SIDs, instants, deliveries, words. */
class DeterminismProperties {

    @Property(tries = 1000)
    void theSameChainRunTwiceGivesIdenticalJournals(@ForAll("chains") ActionChain<SimulatorRun> chain) {
        SimulatorRun first = chain.run();

        SimulatorRun second = SimulatorRun.of(first.setup());
        for (Transformer<SimulatorRun> step : chain.transformers()) {
            if (!step.isEndOfChain()) {
                second = step.apply(second);
            }
        }

        assertThat(second.simulator().journalText()).isEqualTo(first.simulator().journalText());
        assertThat(second.simulator().deliveries().all()).isEqualTo(first.simulator().deliveries().all());
    }

    @Provide
    Arbitrary<ActionChain<SimulatorRun>> chains() {
        return ConvsimActions.standardChains(30);
    }
}
