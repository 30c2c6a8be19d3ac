package dev.convsim.jqwik;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import dev.convsim.model.MessagingBinding;
import dev.convsim.model.Participant;
import dev.convsim.model.Sids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * Actions for a jqwik {@code ActionChain} that drive a simulator: receive, advance the clock, remove a participant,
 * close, delete, change a worker's availability, set timers, add a participant, any API call. Each step describes
 * itself as one line of a script ({@code receive +15550100001 → +15005550001 "m1"}, {@code close CH…01},
 * {@code advance PT5M}), so a shrunk counterexample reads as what to type to reproduce it.
 *
 * <p>The chain's state may be the simulator itself ({@link #simulator()}) or any state that holds one, such as a
 * simulator with a reference model beside it ({@link #on(Function)}).
 *
 * <pre>{@code
 * ConvsimActions<ConversationsSimulator> actions = ConvsimActions.simulator();
 * ActionChain.startWith(setup::build)
 *         .withAction(3, actions.receive(ConvsimArbitraries.inboundMessages(setup)))
 *         .withAction(actions.advance())
 *         .withAction(actions.close());
 * }</pre>
 *
 * @param <S> the chain's state
 */
public final class ConvsimActions<S> {

    /** Twilio's answers an add-participant step expects: the pair is bound (50416) or already here (50437). */
    private static final Set<Integer> ADD_PARTICIPANT_REFUSALS = Set.of(50416, 50437);

    private final Function<? super S, ConversationsSimulator> view;

    private ConvsimActions(Function<? super S, ConversationsSimulator> view) {
        this.view = view;
    }

    /** Actions on a chain whose state is the simulator. */
    public static ConvsimActions<ConversationsSimulator> simulator() {
        return new ConvsimActions<>(Function.identity());
    }

    /** Actions on a chain whose state is a {@link SimulatorRun}: the simulator beside its setup. */
    public static ConvsimActions<SimulatorRun> runs() {
        return new ConvsimActions<>(SimulatorRun::simulator);
    }

    /**
     * Chains of the {@linkplain #addStandardActions standard actions} over any {@linkplain ConvsimArbitraries#setups()
     * setup}, each try starting from a fresh simulator; at most {@code maxSteps} steps.
     */
    public static Arbitrary<ActionChain<SimulatorRun>> standardChains(int maxSteps) {
        return ConvsimArbitraries.setups().flatMap(setup -> runs()
                .addStandardActions(ActionChain.startWith(() -> SimulatorRun.of(setup)), setup)
                .withMaxTransformations(maxSteps))
                .withoutEdgeCases();
    }

    /** Actions on a chain whose state holds a simulator, reached through {@code view}. */
    public static <S> ConvsimActions<S> on(Function<? super S, ConversationsSimulator> view) {
        return new ConvsimActions<>(Objects.requireNonNull(view, "view"));
    }

    // ------------------------------------------------------------------ inbound and time

    /** Receives one of these messages: {@code receive +15550100001 → +15005550001 "m1"}. */
    public Action.Independent<S> receive(Arbitrary<InboundMessage> messages) {
        return receive(messages, (state, outcome) -> { });
    }

    /**
     * Receives one of these messages, then hands the outcome to {@code then} with the state, for a postcondition or
     * to update a model.
     */
    public Action.Independent<S> receive(Arbitrary<InboundMessage> messages,
            BiConsumer<? super S, InboundOutcome> then) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(then, "then");
        return () -> messages.map(m -> Transformer.mutate("receive " + m,
                state -> then.accept(state, view.apply(state).receive(m))));
    }

    /** Moves the clock by one of {@link ConvsimArbitraries#advances()}: {@code advance PT5M}. */
    public Action.Independent<S> advance() {
        return advance(ConvsimArbitraries.advances());
    }

    /** Moves the clock by one of these durations. */
    public Action.Independent<S> advance(Arbitrary<Duration> durations) {
        Objects.requireNonNull(durations, "durations");
        return () -> durations.map(d -> Transformer.mutate("advance " + d, state -> view.apply(state).advance(d)));
    }

    // ------------------------------------------------------------------ conversations

    /** Closes a non-closed conversation through the API: {@code close CH…01}. */
    public Action.Dependent<S> close() {
        return onConversation(c -> c.state() != ConversationState.CLOSED && c.state() != ConversationState.INITIALIZING,
                c -> Transformer.mutate("close " + Sids.abbreviate(c.sid()),
                        state -> api(state).updateConversation(c.sid(), new ConversationRequest().state("closed"))));
    }

    /** Deletes a conversation through the API: {@code delete CH…01}. */
    public Action.Dependent<S> delete() {
        return onConversation(c -> true, c -> Transformer.mutate("delete " + Sids.abbreviate(c.sid()),
                state -> api(state).deleteConversation(c.sid(), false)));
    }

    /**
     * Updates a non-closed conversation's state and timers, as {@code POST /v1/Conversations/{Sid}} with
     * {@code State}, {@code Timers.Inactive} and {@code Timers.Closed}:
     * {@code update CH…01: State active, Timers.Inactive PT5M, Timers.Closed PT1H}.
     */
    public Action.Dependent<S> setTimers() {
        Arbitrary<String> states = Arbitraries.of("active", "inactive");
        Arbitrary<Duration> inactive = Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ZERO).injectNull(0.2);
        Arbitrary<Duration> closed = Arbitraries.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ZERO).injectNull(0.2);
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(S state) {
                return !open(state).isEmpty();
            }

            @Override
            public Arbitrary<Transformer<S>> transformer(S state) {
                return Combinators.combine(Arbitraries.of(open(state)), states, inactive, closed)
                        .as((sid, s, in, cl) -> {
                            ConversationRequest request = new ConversationRequest().state(s);
                            StringBuilder words = new StringBuilder("update ").append(Sids.abbreviate(sid))
                                    .append(": State ").append(s);
                            if (in != null) {
                                request.timersInactive(in.toString());
                                words.append(", Timers.Inactive ").append(in);
                            }
                            if (cl != null) {
                                request.timersClosed(cl.toString());
                                words.append(", Timers.Closed ").append(cl);
                            }
                            return Transformer.mutate(words.toString(),
                                    st -> api(st).updateConversation(sid, request));
                        });
            }
        };
    }

    // ------------------------------------------------------------------ participants

    /**
     * Removes a participant from a conversation through the API:
     * {@code remove MB…02 (+15550100001 → +15005550001) from CH…01}.
     */
    public Action.Dependent<S> removeParticipant() {
        return removeParticipant(p -> true);
    }

    /** Removes a participant that passes {@code which} (e.g. only number pairs) from a conversation. */
    public Action.Dependent<S> removeParticipant(Predicate<Participant> which) {
        Objects.requireNonNull(which, "which");
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(S state) {
                return !participants(state, which).isEmpty();
            }

            @Override
            public Arbitrary<Transformer<S>> transformer(S state) {
                return Arbitraries.of(participants(state, which)).map(p -> Transformer.mutate(
                        "remove " + Sids.abbreviate(p.sid()) + " (" + describe(p) + ") from "
                                + Sids.abbreviate(p.conversationSid()),
                        st -> api(st).deleteParticipant(p.conversationSid(), p.sid(), false)));
            }
        };
    }

    /**
     * Adds a number pair's participant to a non-closed conversation through the API:
     * {@code add +15550100001 → +15005550001 to CH…01}. Twilio's refusals for a pair bound elsewhere (50416) or
     * already in the conversation (50437) are answers, not failures: the step ends and the chain goes on.
     */
    public Action.Dependent<S> addParticipant(Arbitrary<NumberPair> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(S state) {
                return !open(state).isEmpty();
            }

            @Override
            public Arbitrary<Transformer<S>> transformer(S state) {
                return Combinators.combine(Arbitraries.of(open(state)), pairs).as((sid, pair) -> Transformer.mutate(
                        "add " + pair + " to " + Sids.abbreviate(sid), st -> {
                            try {
                                api(st).createParticipant(sid, new ParticipantRequest()
                                        .address(pair.address().value())
                                        .proxyAddress(pair.proxyAddress().value()));
                            } catch (TwilioApiException e) {
                                if (!ADD_PARTICIPANT_REFUSALS.contains(e.code())) {
                                    throw e;
                                }
                            }
                        }));
            }
        };
    }

    // ------------------------------------------------------------------ workers and the API

    /**
     * A Frontline worker becomes available or unavailable: {@code alice@example.com becomes available}.
     */
    public Action.Independent<S> setWorkerAvailability(Arbitrary<String> identities) {
        Objects.requireNonNull(identities, "identities");
        return () -> Combinators.combine(identities, Arbitraries.of(true, false)).as((who, available) ->
                Transformer.mutate(who + " becomes " + (available ? "available" : "unavailable"),
                        state -> view.apply(state).setWorkerAvailability(who, available)));
    }

    /** Any API call, described by {@code description} in the script; a {@link TwilioApiException} fails the step. */
    public Action.Independent<S> apiCall(String description, Consumer<ConversationsApi> call) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(call, "call");
        return Action.just(Transformer.mutate(description, state -> call.accept(api(state))));
    }

    /**
     * Adds every action above to a chain, weighted toward receiving: receive (to the setup's numbers), advance,
     * close, delete, set timers, add and remove participants, and worker availability when the setup has workers.
     */
    public ActionChainArbitrary<S> addStandardActions(ActionChainArbitrary<S> chain, SimulatorSetup setup) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(setup, "setup");
        ActionChainArbitrary<S> out = chain
                .withAction(6, receive(ConvsimArbitraries.inboundMessages(setup)))
                .withAction(2, advance())
                .withAction(1, close())
                .withAction(1, delete())
                .withAction(1, setTimers())
                .withAction(1, removeParticipant())
                .withAction(1, addParticipant(ConvsimArbitraries.numberPairs(ConvsimArbitraries.customerAddresses(),
                        Arbitraries.of(setup.twilioNumbers()))));
        if (!setup.workers().isEmpty()) {
            out = out.withAction(1, setWorkerAvailability(Arbitraries.of(List.copyOf(setup.workers().keySet()))));
        }
        return out;
    }

    // ------------------------------------------------------------------ reading the state

    private ConversationsApi api(S state) {
        return view.apply(state).api();
    }

    private Action.Dependent<S> onConversation(Predicate<Conversation> eligible,
            Function<Conversation, Transformer<S>> step) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(S state) {
                return !eligible(state, eligible).isEmpty();
            }

            @Override
            public Arbitrary<Transformer<S>> transformer(S state) {
                return Arbitraries.of(eligible(state, eligible)).map(step);
            }
        };
    }

    private List<Conversation> eligible(S state, Predicate<Conversation> test) {
        List<Conversation> out = new ArrayList<>();
        for (Conversation c : api(state).listConversations()) {
            if (test.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private List<String> open(S state) {
        List<String> out = new ArrayList<>();
        for (Conversation c : api(state).listConversations()) {
            if (c.state() != ConversationState.CLOSED && c.state() != ConversationState.INITIALIZING) {
                out.add(c.sid());
            }
        }
        return out;
    }

    private List<Participant> participants(S state, Predicate<Participant> which) {
        List<Participant> out = new ArrayList<>();
        ConversationsApi api = api(state);
        for (Conversation c : api.listConversations()) {
            if (c.state() != ConversationState.INITIALIZING) {
                for (Participant p : api.listParticipants(c.sid())) {
                    if (which.test(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    private static String describe(Participant p) {
        MessagingBinding b = p.messagingBinding();
        if (b != null && b.isPair()) {
            return b.address() + " → " + b.proxyAddress();
        }
        if (b != null && b.address() != null) {
            return "group member " + b.address();
        }
        if (b != null && b.projectedAddress() != null) {
            return (p.identity() == null ? "" : p.identity() + " ") + "projected " + b.projectedAddress();
        }
        return p.identity();
    }
}
