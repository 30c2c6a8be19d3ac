package dev.convsim.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.jqwik.ConvsimActions;
import dev.convsim.jqwik.ConvsimArbitraries;
import dev.convsim.jqwik.NumberPair;
import dev.convsim.jqwik.SimulatorRun;
import dev.convsim.jqwik.SimulatorSetup;
import dev.convsim.jqwik.SimulatorSetup.AddressConfig;
import dev.convsim.jqwik.SimulatorSetup.NumberSetup;
import dev.convsim.jqwik.SimulatorSetup.Service;
import dev.convsim.model.Address;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Participant;
import dev.convsim.model.Sids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * Capture-or-autocreate agrees with a small reference model written here from the reference (§3, §4, §5): capture
 * by a non-closed conversation binding the pair (or the number group), else autocreation by an enabled address
 * configuration or an autocreating messaging service (address configuration first unless the option says
 * otherwise), else the messaging webhook or nothing; a rejecting pre-action webhook drops the message; timers
 * close and deactivate conversations from their last activity. The model predicts each outcome, down to the SID
 * of a new conversation, and every conversation's state after every step.
 */
class ReferenceModelProperties {

    @Property(tries = 1000)
    void captureOrAutocreateAgreesWithTheReferenceModel(@ForAll("chains") ActionChain<Modelled> chain) {
        chain.withInvariant("the conversations' states agree with the model", Modelled::statesAgree).run();
    }

    @Provide
    Arbitrary<ActionChain<Modelled>> chains() {
        return ConvsimArbitraries.setups().flatMap(setup -> {
            ConvsimActions<Modelled> kit = ConvsimActions.on(Modelled::simulator);
            ActionChainArbitrary<Modelled> chain = ActionChain.startWith(() -> new Modelled(setup))
                    .withAction(6, kit.receive(ConvsimArbitraries.inboundMessages(setup), Modelled::check))
                    .withAction(2, kit.advance())
                    .withAction(1, close())
                    .withAction(1, delete())
                    .withAction(1, setTimers())
                    .withAction(1, removePair())
                    .withAction(1, addPair(setup));
            if (!setup.workers().isEmpty()) {
                chain = chain.withAction(1, workerAvailability(setup));
            }
            return chain.withMaxTransformations(30);
        }).withoutEdgeCases();
    }

    // ------------------------------------------------------------------ the model

    /** One conversation as the model sees it. */
    static final class Conv {
        final String sid;
        ConversationState state = ConversationState.ACTIVE;
        Instant anchor;
        Duration inactive;
        Duration closed;
        final Set<NumberPair> pairs = new HashSet<>();
        final List<Address> group;

        Conv(String sid, Instant anchor, Duration inactive, Duration closed, List<Address> group) {
            this.sid = sid;
            this.anchor = anchor;
            this.inactive = inactive;
            this.closed = closed;
            this.group = group;
        }

        /** The state at {@code now}, after every timer due by then has fired. */
        ConversationState at(Instant now) {
            if (state == ConversationState.CLOSED) {
                return state;
            }
            if (closed != null && !anchor.plus(closed).isAfter(now)) {
                return ConversationState.CLOSED;
            }
            if (state == ConversationState.ACTIVE && inactive != null && !anchor.plus(inactive).isAfter(now)) {
                return ConversationState.INACTIVE;
            }
            return state;
        }

        void settle(Instant now) {
            state = at(now);
        }

        /** A new message or participant: an inactive conversation becomes active; its timers restart. */
        void activity(Instant now) {
            settle(now);
            state = ConversationState.ACTIVE;
            anchor = now;
        }
    }

    /** The simulator under test beside the model of it. */
    static final class Modelled {
        final SimulatorRun run;
        final SimulatorSetup setup;
        final Map<String, Conv> conversations = new LinkedHashMap<>();
        int created;

        Modelled(SimulatorSetup setup) {
            this.setup = setup;
            this.run = SimulatorRun.of(setup);
        }

        ConversationsSimulator simulator() {
            return run.simulator();
        }

        Instant now() {
            return run.simulator().now();
        }

        List<Conv> open() {
            List<Conv> out = new ArrayList<>();
            for (Conv c : conversations.values()) {
                c.settle(now());
                if (c.state != ConversationState.CLOSED) {
                    out.add(c);
                }
            }
            return out;
        }

        /** What the reference says happens to the message, applied to the model. */
        Expected predict(InboundMessage m) {
            Instant now = now();
            boolean rejected = setup.rejects(m.body());
            for (Conv c : open()) {
                boolean binds = m.isGroup()
                        ? m.numberGroup().equals(c.group)
                        : c.pairs.contains(new NumberPair(m.from(), m.to()));
                if (binds) {
                    if (rejected) {
                        return new Expected("dropped", c.sid, false, null, null);
                    }
                    boolean reactivated = c.state == ConversationState.INACTIVE;
                    c.activity(now);
                    return new Expected("captured", c.sid, reactivated, null, null);
                }
            }
            NumberSetup number = setup.number(m.to()).orElseThrow();
            boolean byAddressConfiguration = number.addressConfiguration() == AddressConfig.AUTOCREATE;
            boolean byService = number.messagingService() == Service.AUTOCREATE;
            if (byAddressConfiguration || byService) {
                if (rejected) {
                    return new Expected("dropped", null, false, null, null);
                }
                String sid = Sids.format(Sids.CONVERSATION, ++created);
                Conv c = new Conv(sid, now, setup.defaultInactiveTimer(), setup.defaultClosedTimer(),
                        m.isGroup() ? m.numberGroup() : null);
                if (!m.isGroup()) {
                    c.pairs.add(new NumberPair(m.from(), m.to()));
                }
                conversations.put(sid, c);
                InboundOutcome.Via via = byAddressConfiguration
                        && (setup.options().addressConfigurationFirst() || !byService)
                        ? InboundOutcome.Via.ADDRESS_CONFIGURATION
                        : InboundOutcome.Via.MESSAGING_SERVICE;
                return new Expected("autocreated", sid, false, via, null);
            }
            if (number.messagingService() == Service.WEBHOOK) {
                return new Expected("messagingWebhook", null, false, null, SimulatorSetup.MESSAGING_URL);
            }
            if (number.smsUrl()) {
                return new Expected("messagingWebhook", null, false, null, SimulatorSetup.SMS_URL);
            }
            return new Expected("unhandled", null, false, null, null);
        }

        /** Compares what the simulator did with what the model predicted. */
        void check(InboundOutcome outcome) {
            Expected expected = predict(outcome.message());
            assertThat(Expected.of(outcome)).as("the outcome of %s", outcome.message()).isEqualTo(expected);
        }

        void statesAgree() {
            ConversationsSimulator sim = simulator();
            List<String> actualSids = new ArrayList<>();
            sim.api().listConversations().forEach(c -> actualSids.add(c.sid()));
            assertThat(actualSids).as("conversations").containsExactlyElementsOf(conversations.keySet());
            for (Conv c : conversations.values()) {
                assertThat(sim.api().fetchConversation(c.sid).state()).as("the state of %s at %s", c.sid, now())
                        .isEqualTo(c.at(now()));
            }
        }

        @Override
        public String toString() {
            return run.toString();
        }
    }

    /** An outcome reduced to what the model can predict. */
    record Expected(String kind, String conversationSid, boolean reactivated, InboundOutcome.Via via, String url) {
        static Expected of(InboundOutcome o) {
            return new Expected(o.kind(), o.conversationSid(),
                    o instanceof InboundOutcome.Captured c && c.reactivated(),
                    o instanceof InboundOutcome.Autocreated a ? a.via() : null,
                    o instanceof InboundOutcome.SentToMessagingWebhook w ? w.url() : null);
        }
    }

    // ------------------------------------------------------------------ steps the model follows

    private static Action.Independent<Modelled> close() {
        return ConvsimActions.onOneOf(Modelled::open, "close: no open conversation", (s, c) -> {
            s.simulator().api().updateConversation(c.sid, new ConversationRequest().state("closed"));
            c.state = ConversationState.CLOSED;
            return "close " + Sids.abbreviate(c.sid);
        });
    }

    private static Action.Independent<Modelled> delete() {
        return ConvsimActions.onOneOf(s -> List.copyOf(s.conversations.keySet()), "delete: no conversation",
                (s, sid) -> {
                    s.simulator().api().deleteConversation(sid, false);
                    s.conversations.remove(sid);
                    return "delete " + Sids.abbreviate(sid);
                });
    }

    private static Action.Independent<Modelled> setTimers() {
        Arbitrary<String> states = Arbitraries.of("active", "inactive");
        Arbitrary<Duration> inactive = Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ZERO)
                .injectNull(0.3);
        Arbitrary<Duration> closed = Arbitraries.of(Duration.ofMinutes(10), Duration.ofHours(2), Duration.ZERO)
                .injectNull(0.3);
        return () -> Combinators.combine(states, inactive, closed).as(Update::new)
                .flatMap(u -> ConvsimActions.<Modelled, Conv>onOneOf(Modelled::open, "update: no open conversation",
                        (s, c) -> {
                            ConversationRequest request = new ConversationRequest().state(u.to());
                            if (u.inactive() != null) {
                                request.timersInactive(u.inactive().toString());
                            }
                            if (u.closed() != null) {
                                request.timersClosed(u.closed().toString());
                            }
                            s.simulator().api().updateConversation(c.sid, request);
                            updateModel(c, s.now(), u.to(), u.inactive(), u.closed());
                            return "update " + Sids.abbreviate(c.sid) + ": State " + u.to()
                                    + (u.inactive() == null ? "" : ", Timers.Inactive " + u.inactive())
                                    + (u.closed() == null ? "" : ", Timers.Closed " + u.closed());
                        }).transformer());
    }

    /** The parameters of one update. */
    private record Update(String to, Duration inactive, Duration closed) {
    }

    /** The reference's update: new timers restart from now, and so does becoming active again. */
    private static void updateModel(Conv c, Instant now, String to, Duration in, Duration cl) {
        c.settle(now);
        ConversationState target = ConversationState.fromWire(to);
        boolean timersChanged = in != null || cl != null;
        if (in != null) {
            c.inactive = in.isZero() ? null : in;
        }
        if (cl != null) {
            c.closed = cl.isZero() ? null : cl;
        }
        if (target != c.state) {
            boolean reactivated = target == ConversationState.ACTIVE;
            c.state = target;
            if (reactivated || timersChanged) {
                c.anchor = now;
            }
        } else if (timersChanged) {
            c.anchor = now;
        }
    }

    private record Bound(Conv conversation, NumberPair pair) {
    }

    private static List<Bound> bound(Modelled state) {
        List<Bound> out = new ArrayList<>();
        for (Conv c : state.conversations.values()) {
            for (NumberPair p : c.pairs) {
                out.add(new Bound(c, p));
            }
        }
        out.sort((a, b) -> (a.conversation().sid + a.pair()).compareTo(b.conversation().sid + b.pair()));
        return out;
    }

    private static Action.Independent<Modelled> removePair() {
        return ConvsimActions.onOneOf(ReferenceModelProperties::bound, "remove: no pair", (s, b) -> {
            String sid = b.conversation().sid;
            String participant = null;
            for (Participant p : s.simulator().api().listParticipants(sid)) {
                if (p.messagingBinding() != null && p.messagingBinding().isPair()
                        && b.pair().address().equals(p.messagingBinding().address())
                        && b.pair().proxyAddress().equals(p.messagingBinding().proxyAddress())) {
                    participant = p.sid();
                }
            }
            assertThat(participant).as("the participant of %s in %s", b.pair(), sid).isNotNull();
            s.simulator().api().deleteParticipant(sid, participant, false);
            b.conversation().pairs.remove(b.pair());
            return "remove " + b.pair() + " from " + Sids.abbreviate(sid);
        });
    }

    /** Adds a pair: refused with 50416 when another non-closed conversation binds it, 50437 when this one does. */
    private static Action.Independent<Modelled> addPair(SimulatorSetup setup) {
        Arbitrary<NumberPair> pairs = ConvsimArbitraries.numberPairs(ConvsimArbitraries.customerAddresses(),
                Arbitraries.of(setup.twilioNumbers()));
        return () -> pairs.flatMap(pair -> ConvsimActions.<Modelled, Conv>onOneOf(Modelled::open,
                "add " + pair + ": no open conversation", (s, c) -> {
                    Conv holder = null;
                    for (Conv open : s.open()) {
                        if (open.pairs.contains(pair)) {
                            holder = open;
                        }
                    }
                    ParticipantRequest request = new ParticipantRequest().address(pair.address().value())
                            .proxyAddress(pair.proxyAddress().value());
                    if (holder == null) {
                        s.simulator().api().createParticipant(c.sid, request);
                        c.pairs.add(pair);
                        c.activity(s.now());
                        return "add " + pair + " to " + Sids.abbreviate(c.sid);
                    }
                    int code = holder.sid.equals(c.sid) ? 50437 : 50416;
                    assertThatThrownBy(() -> s.simulator().api().createParticipant(c.sid, request))
                            .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(code));
                    return "add " + pair + " to " + Sids.abbreviate(c.sid) + " (refused: " + code + ")";
                }).transformer());
    }

    /** A worker's availability; conversations it takes gain a participant, which is activity. */
    private static Action.Independent<Modelled> workerAvailability(SimulatorSetup setup) {
        return () -> Combinators.combine(Arbitraries.of(List.copyOf(setup.workers().keySet())),
                Arbitraries.of(true, false)).as((who, available) -> Transformer.mutate(
                        who + " becomes " + (available ? "available" : "unavailable"), s -> {
                            for (String sid : s.simulator().setWorkerAvailability(who, available)) {
                                s.conversations.get(sid).activity(s.now());
                            }
                        }));
    }
}
