package dev.convsim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimArbitraries;
import dev.convsim.jqwik.SimulatorRun;
import dev.convsim.jqwik.SimulatorSetup;
import dev.convsim.model.Address;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Participant;
import dev.convsim.model.Sids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Group capture depends on the number group, a set, not on the order the carrier lists the other recipients in.
 * Two simulators built from one setup take the same steps, except that each group MMS reaches the second with its
 * other recipients reordered; every outcome and every conversation must be the same in both.
 */
class GroupCaptureProperties {

    @Property(tries = 1000)
    void groupCaptureIsIndependentOfRecipientOrder(@ForAll("chains") ActionChain<Twin> chain) {
        chain.withInvariant("both simulators hold the same conversations", Twin::same).run();
    }

    @Provide
    Arbitrary<ActionChain<Twin>> chains() {
        return ConvsimArbitraries.setups().flatMap(setup -> ActionChain.startWith(() -> new Twin(setup))
                        .withAction(6, receiveReordered(setup))
                        .withAction(2, advance())
                        .withAction(1, close())
                        .withAction(1, removeParticipant())
                        .withMaxTransformations(30))
                .withoutEdgeCases();
    }

    /** Two simulators from one setup. */
    static final class Twin {
        final SimulatorRun first;
        final SimulatorRun second;

        Twin(SimulatorSetup setup) {
            this.first = SimulatorRun.of(setup);
            this.second = SimulatorRun.of(setup);
        }

        ConversationsSimulator a() {
            return first.simulator();
        }

        ConversationsSimulator b() {
            return second.simulator();
        }

        void same() {
            List<Conversation> conversations = a().api().listConversations();
            assertThat(b().api().listConversations()).isEqualTo(conversations);
            for (Conversation c : conversations) {
                assertThat(b().api().listParticipants(c.sid())).isEqualTo(a().api().listParticipants(c.sid()));
                assertThat(b().api().listMessages(c.sid())).isEqualTo(a().api().listMessages(c.sid()));
            }
        }

        @Override
        public String toString() {
            return first.toString();
        }
    }

    /** Mostly group messages, from groups of up to four customers, so there is an order to change. */
    private static Action.Independent<Twin> receiveReordered(SimulatorSetup setup) {
        Arbitrary<Address> to = Arbitraries.of(setup.twilioNumbers());
        Arbitrary<Address> customers = ConvsimArbitraries.customerAddresses(5);
        Arbitrary<InboundMessage> group = Combinators.combine(
                ConvsimArbitraries.numberGroups(customers, to, 4), Arbitraries.integers().between(0, 3),
                ConvsimArbitraries.bodies())
                .as((g, from, body) -> g.messageFrom(from % g.members().size(), body));
        Arbitrary<InboundMessage> messages = Arbitraries.frequencyOf(Tuple.of(3, group),
                Tuple.of(1, ConvsimArbitraries.inboundMessages(setup)));
        return () -> Combinators.combine(messages, Arbitraries.integers().between(0, 5)).as((m, k) -> {
            InboundMessage reordered = new InboundMessage(m.from(), m.to(), m.body(),
                    permutation(m.otherRecipients(), k), m.media());
            String words = "receive " + m + (reordered.equals(m) ? "" : " (the second gets +"
                    + reordered.otherRecipients() + ")");
            return Transformer.mutate(words, (Twin t) -> {
                InboundOutcome one = t.a().receive(m);
                InboundOutcome other = t.b().receive(reordered);
                assertThat(other.kind()).as("the outcome of %s", reordered).isEqualTo(one.kind());
                assertThat(other.conversationSid()).as("the conversation of %s", reordered)
                        .isEqualTo(one.conversationSid());
                assertThat(other.messageSid()).as("the message of %s", reordered).isEqualTo(one.messageSid());
            });
        });
    }

    /** The k-th permutation (mod n!) of the list, in lexicographic order of positions; 0 keeps the order. */
    static List<Address> permutation(List<Address> list, int k) {
        List<Address> rest = new ArrayList<>(list);
        List<Address> out = new ArrayList<>(list.size());
        int n = rest.size();
        int factorial = 1;
        for (int i = 2; i <= n; i++) {
            factorial *= i;
        }
        k = factorial == 0 ? 0 : k % factorial;
        while (!rest.isEmpty()) {
            factorial /= rest.size();
            out.add(rest.remove(k / factorial));
            k %= factorial;
        }
        return out;
    }

    private static Action.Independent<Twin> advance() {
        return () -> ConvsimArbitraries.advances().map((Duration d) -> Transformer.mutate("advance " + d, (Twin t) -> {
            t.a().advance(d);
            t.b().advance(d);
        }));
    }

    private static Action.Independent<Twin> close() {
        return ConvsimActions.onOneOf(t -> t.a().api().listConversations().stream()
                .filter(c -> c.state() != ConversationState.CLOSED).map(Conversation::sid).toList(),
                "close: no open conversation", (t, sid) -> {
                    t.a().api().updateConversation(sid, new ConversationRequest().state("closed"));
                    t.b().api().updateConversation(sid, new ConversationRequest().state("closed"));
                    return "close " + Sids.abbreviate(sid);
                });
    }

    /** Removes a participant, group members included: the number group shrinks the same way in both. */
    private static Action.Independent<Twin> removeParticipant() {
        return ConvsimActions.onOneOf(t -> {
            List<Participant> out = new ArrayList<>();
            for (Conversation c : t.a().api().listConversations()) {
                out.addAll(t.a().api().listParticipants(c.sid()));
            }
            return out;
        }, "remove: no participant", (t, p) -> {
            String words = "remove " + Sids.abbreviate(p.sid()) + " from " + Sids.abbreviate(p.conversationSid());
            Integer refusedA = removeOrRefuse(t.a(), p);
            Integer refusedB = removeOrRefuse(t.b(), p);
            if (!java.util.Objects.equals(refusedA, refusedB)) {
                throw new AssertionError(words + ": the twins disagree, refused with " + refusedA + " and " + refusedB);
            }
            return refusedA == null ? words : words + " (refused: " + refusedA + ")";
        });
    }

    /** Removes the participant, or returns the 50438 code when that would duplicate another conversation's group. */
    private static Integer removeOrRefuse(dev.convsim.ConversationsSimulator sim, Participant p) {
        try {
            sim.api().deleteParticipant(p.conversationSid(), p.sid(), false);
            return null;
        } catch (dev.convsim.api.TwilioApiException e) {
            if (e.code() != 50438) {
                throw e;
            }
            return e.code();
        }
    }
}
