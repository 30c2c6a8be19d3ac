package dev.convsim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimArbitraries;
import dev.convsim.jqwik.ConvsimInvariants;
import dev.convsim.jqwik.SimulatorRun;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Timers never fire early, late or out of order. Conversations get timers from the account defaults and from
 * {@code POST /v1/Conversations/{Sid}} with {@code State} and {@code Timers.Inactive} / {@code Timers.Closed}; each
 * advance of the clock must fire exactly the timers whose {@code timers.date_inactive} / {@code timers.date_closed}
 * it passes, each journaled ({@code StateChanged}, reason {@code TIMER}) at its own due instant, in due order.
 */
class TimerProperties {

    @Property(tries = 1000)
    void timersNeverFireEarlyOrOutOfOrder(@ForAll("chains") ActionChain<SimulatorRun> chain) {
        chain.withInvariant("no timer overdue", ConvsimInvariants.on(SimulatorRun::simulator,
                        ConvsimInvariants.noTimerOverdue()))
                .withInvariant("journal in order", ConvsimInvariants.on(SimulatorRun::simulator,
                        ConvsimInvariants.journalInOrder()))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<SimulatorRun>> chains() {
        ConvsimActions<SimulatorRun> kit = ConvsimActions.runs();
        return ConvsimArbitraries.setups().flatMap(setup -> ActionChain.startWith(() -> SimulatorRun.of(setup))
                        .withAction(4, kit.receive(ConvsimArbitraries.inboundMessages(setup)))
                        .withAction(3, kit.setTimers())
                        .withAction(3, advanceFiringExactlyTheDueTimers())
                        .withAction(1, kit.close())
                        .withMaxTransformations(30))
                .withoutEdgeCases();
    }

    /** A timer that should fire: the conversation and the state it goes to. */
    private record Firing(String conversationSid, ConversationState to, Instant at) {
    }

    private static Action.Independent<SimulatorRun> advanceFiringExactlyTheDueTimers() {
        return () -> ConvsimArbitraries.advances().map(d -> Transformer.mutate("advance " + d, run -> {
            ConversationsSimulator sim = run.simulator();
            Instant before = sim.now();
            Instant until = before.plus(d);
            Set<Firing> due = dueBetween(sim.api().listConversations(), until);
            long lastSequence = sim.journal().get(sim.journal().size() - 1).sequence();

            assertThat(sim.advance(d)).isEqualTo(until);

            List<Firing> fired = new ArrayList<>();
            for (JournalEntry e : sim.journal()) {
                if (e.sequence() > lastSequence && e instanceof JournalEntry.StateChanged s) {
                    assertThat(s.reason()).as("the reason of %s", s).isEqualTo("TIMER");
                    fired.add(new Firing(s.conversationSid(), s.to(), s.at()));
                }
            }
            assertThat(fired).as("timers fired advancing from %s to %s", before, until)
                    .containsExactlyInAnyOrderElementsOf(due);
            for (int i = 1; i < fired.size(); i++) {
                assertThat(fired.get(i).at()).as("%s fired after %s", fired.get(i), fired.get(i - 1))
                        .isAfterOrEqualTo(fired.get(i - 1).at());
            }
        }));
    }

    /**
     * The timers due by {@code until}, from the conversations' own {@code timers.date_*}: a closed timer fires when
     * due; an inactive timer fires when due on an active conversation, unless its closed timer falls due first.
     */
    private static Set<Firing> dueBetween(List<Conversation> conversations, Instant until) {
        Set<Firing> due = new HashSet<>();
        Map<String, Instant> closes = new HashMap<>();
        for (Conversation c : conversations) {
            Instant closed = c.timers().dateClosed();
            if (c.state() != ConversationState.CLOSED && closed != null && !closed.isAfter(until)) {
                due.add(new Firing(c.sid(), ConversationState.CLOSED, closed));
                closes.put(c.sid(), closed);
            }
            Instant inactive = c.timers().dateInactive();
            if (c.state() == ConversationState.ACTIVE && inactive != null && !inactive.isAfter(until)
                    && (!closes.containsKey(c.sid()) || !inactive.isAfter(closes.get(c.sid())))) {
                due.add(new Firing(c.sid(), ConversationState.INACTIVE, inactive));
            }
        }
        return due;
    }
}
