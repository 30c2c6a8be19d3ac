package dev.convsim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimArbitraries;
import dev.convsim.jqwik.SimulatorRun;
import dev.convsim.jqwik.SimulatorSetup;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.Message;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * No inbound message is lost or doubled: every receive has exactly one outcome, journaled once; a captured or
 * autocreated message is in exactly one conversation, the one its outcome names; any other outcome adds no message
 * anywhere.
 */
class InboundOutcomeProperties {

    @Property(tries = 1000)
    void noInboundMessageIsLost(@ForAll("chains") ActionChain<SimulatorRun> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<SimulatorRun>> chains() {
        ConvsimActions<SimulatorRun> actions = ConvsimActions.runs();
        return ConvsimArbitraries.setups().flatMap(setup -> ActionChain.startWith(() -> SimulatorRun.of(setup))
                        .withAction(6, receiveExactlyOnce(setup))
                        .withAction(2, actions.advance())
                        .withAction(1, actions.close())
                        .withAction(1, actions.delete())
                        .withAction(1, actions.setTimers())
                        .withAction(1, actions.removeParticipant())
                        .withMaxTransformations(30))
                .withoutEdgeCases();
    }

    /** Receives a message and checks its one outcome against the journal and the conversations. */
    private static Action.Independent<SimulatorRun> receiveExactlyOnce(SimulatorSetup setup) {
        return () -> ConvsimArbitraries.inboundMessages(setup).map(m -> Transformer.mutate("receive " + m, run -> {
            ConversationsSimulator sim = run.simulator();
            List<InboundOutcome> journaledBefore = inboundOutcomes(sim);
            List<Message> messagesBefore = allMessages(sim);

            InboundOutcome outcome = sim.receive(m);

            assertThat(outcome.message()).isEqualTo(m);
            List<InboundOutcome> journaled = inboundOutcomes(sim);
            assertThat(journaled).as("inbound journal entries").hasSize(journaledBefore.size() + 1);
            assertThat(journaled.get(journaled.size() - 1)).isEqualTo(outcome);
            List<Message> messages = allMessages(sim);
            if (outcome instanceof InboundOutcome.Captured || outcome instanceof InboundOutcome.Autocreated) {
                assertThat(messages).as("messages after %s", outcome.kind()).hasSize(messagesBefore.size() + 1);
                List<Message> landed = messages.stream().filter(x -> x.sid().equals(outcome.messageSid())).toList();
                assertThat(landed).as("conversations holding %s", outcome.messageSid()).singleElement()
                        .satisfies(x -> {
                            assertThat(x.conversationSid()).isEqualTo(outcome.conversationSid());
                            assertThat(x.body()).isEqualTo(m.body());
                            assertThat(x.author()).isEqualTo(m.from().value());
                        });
            } else {
                assertThat(messages).as("messages after %s", outcome.kind()).isEqualTo(messagesBefore);
                assertThat(outcome.messageSid()).isNull();
            }
        }));
    }

    private static List<InboundOutcome> inboundOutcomes(ConversationsSimulator sim) {
        List<InboundOutcome> out = new ArrayList<>();
        for (JournalEntry e : sim.journal()) {
            if (e instanceof JournalEntry.Inbound inbound) {
                out.add(inbound.outcome());
            }
        }
        return out;
    }

    private static List<Message> allMessages(ConversationsSimulator sim) {
        List<Message> out = new ArrayList<>();
        for (Conversation c : sim.api().listConversations()) {
            out.addAll(sim.api().listMessages(c.sid()));
        }
        return out;
    }
}
