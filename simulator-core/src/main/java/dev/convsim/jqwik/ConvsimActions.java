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
import dev.convsim.model.Participant;
import dev.convsim.model.Sids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.ShrinkingDistance;
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
 * <p>Steps that act on an existing conversation or participant pick it when they run (the n-th of those there are
 * then) and describe what they picked. They never look at the state while the chain is generated, which lets jqwik
 * drop any step while shrinking: a counterexample shrinks to the few steps that matter.
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

    /** Steps pick the n-th candidate (modulo how many there are), n from 0 to this; shrinking goes toward 0. */
    private static final int MAX_PICK = 15;

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

    /** Actions on a chain whose state holds a simulator, reached through {@code view}. */
    public static <S> ConvsimActions<S> on(Function<? super S, ConversationsSimulator> view) {
        return new ConvsimActions<>(Objects.requireNonNull(view, "view"));
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

    /**
     * An action on one of the candidates the state offers when the step runs: the n-th, n generated. {@code step}
     * acts on it and returns its one-line description; with no candidate the step does nothing and reads
     * {@code ifNone}. For steps of your own with the same shrinking behaviour as the built-in ones.
     *
     * <pre>{@code
     * ConvsimActions.onOneOf(Model::openConversations, "close: no open conversation", (model, c) -> {
     *     model.close(c);
     *     return "close " + c;
     * });
     * }</pre>
     */
    public static <S, T> Action.Independent<S> onOneOf(Function<? super S, ? extends List<T>> candidates,
            String ifNone, BiFunction<? super S, ? super T, String> step) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(ifNone, "ifNone");
        Objects.requireNonNull(step, "step");
        return () -> stable(picks().map(n -> new Step<S>("one of the candidates (#" + n + ")",
                state -> pick(candidates.apply(state), n, ifNone, c -> step.apply(state, c)))));
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
    public Action.Independent<S> close() {
        return () -> stable(picks().map(n -> new Step<S>("close an open conversation (#" + n + ")",
                state -> pick(open(state), n, "close: no open conversation", sid -> {
                    api(state).updateConversation(sid, new ConversationRequest().state("closed"));
                    return "close " + Sids.abbreviate(sid);
                }))));
    }

    /** Deletes a conversation through the API: {@code delete CH…01}. */
    public Action.Independent<S> delete() {
        return () -> stable(picks().map(n -> new Step<S>("delete a conversation (#" + n + ")",
                state -> pick(all(state), n, "delete: no conversation", sid -> {
                    api(state).deleteConversation(sid, false);
                    return "delete " + Sids.abbreviate(sid);
                }))));
    }

    /**
     * Updates a non-closed conversation's state and timers, as {@code POST /v1/Conversations/{Sid}} with
     * {@code State}, {@code Timers.Inactive} and {@code Timers.Closed}:
     * {@code update CH…01: State active, Timers.Inactive PT5M, Timers.Closed PT2H}.
     */
    public Action.Independent<S> setTimers() {
        Arbitrary<String> states = Arbitraries.of("active", "inactive");
        Arbitrary<Duration> inactive = Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ZERO).injectNull(0.2);
        Arbitrary<Duration> closed = Arbitraries.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ZERO).injectNull(0.2);
        return () -> stable(Combinators.combine(picks(), states, inactive, closed).as((n, to, in, cl) -> {
            ConversationRequest request = new ConversationRequest().state(to);
            StringBuilder words = new StringBuilder(": State ").append(to);
            if (in != null) {
                request.timersInactive(in.toString());
                words.append(", Timers.Inactive ").append(in);
            }
            if (cl != null) {
                request.timersClosed(cl.toString());
                words.append(", Timers.Closed ").append(cl);
            }
            return new Step<S>("update an open conversation (#" + n + ")" + words,
                    state -> pick(open(state), n, "update: no open conversation", sid -> {
                        api(state).updateConversation(sid, request);
                        return "update " + Sids.abbreviate(sid) + words;
                    }));
        }));
    }

    // ------------------------------------------------------------------ participants

    /**
     * Removes a participant from a conversation through the API:
     * {@code remove MB…02 (+15550100001 → +15005550001) from CH…01}. Removing a group member whose conversation
     * would then have the number group of another non-closed conversation is refused (50438): the step says so and
     * the chain goes on.
     */
    public Action.Independent<S> removeParticipant() {
        return removeParticipant(p -> true);
    }

    /** Removes a participant that passes {@code which} (e.g. only number pairs) from a conversation. */
    public Action.Independent<S> removeParticipant(Predicate<Participant> which) {
        Objects.requireNonNull(which, "which");
        return () -> stable(picks().map(n -> new Step<S>("remove a participant (#" + n + ")",
                state -> pick(participants(state, which), n, "remove: no participant", p -> {
                    String words = "remove " + Sids.abbreviate(p.sid()) + " (" + describe(p) + ") from "
                            + Sids.abbreviate(p.conversationSid());
                    try {
                        api(state).deleteParticipant(p.conversationSid(), p.sid(), false);
                        return words;
                    } catch (TwilioApiException e) {
                        if (e.code() != 50438) {
                            throw e;
                        }
                        return words + " (refused: 50438)";
                    }
                }))));
    }

    /**
     * Adds a number pair's participant to a non-closed conversation through the API:
     * {@code add +15550100001 → +15005550001 to CH…01}. Twilio's refusals for a pair bound elsewhere (50416) or
     * already in the conversation (50437) are answers, not failures: the step says so and the chain goes on.
     */
    public Action.Independent<S> addParticipant(Arbitrary<NumberPair> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        return () -> stable(Combinators.combine(picks(), pairs).as((n, pair) -> new Step<S>(
                "add " + pair + " to an open conversation (#" + n + ")",
                state -> pick(open(state), n, "add " + pair + ": no open conversation", sid -> {
                    String words = "add " + pair + " to " + Sids.abbreviate(sid);
                    try {
                        api(state).createParticipant(sid, new ParticipantRequest().address(pair.address().value())
                                .proxyAddress(pair.proxyAddress().value()));
                        return words;
                    } catch (TwilioApiException e) {
                        if (!ADD_PARTICIPANT_REFUSALS.contains(e.code())) {
                            throw e;
                        }
                        return words + " (refused: " + e.code() + ")";
                    }
                }))));
    }

    // ------------------------------------------------------------------ workers and the API

    /** A Frontline worker becomes available or unavailable: {@code alice@example.com becomes available}. */
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

    // ------------------------------------------------------------------ steps that pick when they run

    private static Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, MAX_PICK);
    }

    private static <T> String pick(List<T> candidates, int n, String ifNone, Function<T, String> step) {
        if (candidates.isEmpty()) {
            return ifNone;
        }
        return step.apply(candidates.get(n % candidates.size()));
    }

    /**
     * The same transformer instance for every {@code value()} of a generated shrinkable (jqwik maps values afresh
     * on each call), so the instance that ran is the one whose description jqwik prints.
     */
    private static <T> Arbitrary<T> stable(Arbitrary<T> arbitrary) {
        return Arbitraries.fromGeneratorWithSize(genSize -> arbitrary.generator(genSize).mapShrinkable(Stable::new));
    }

    /** A shrinkable that computes its value once. */
    private static final class Stable<T> implements Shrinkable<T> {
        private final Shrinkable<T> inner;
        private T value;

        Stable(Shrinkable<T> inner) {
            this.inner = inner;
        }

        @Override
        public synchronized T value() {
            if (value == null) {
                value = inner.value();
            }
            return value;
        }

        @Override
        public Stream<Shrinkable<T>> shrink() {
            return inner.shrink().map(Stable::new);
        }

        @Override
        public ShrinkingDistance distance() {
            return inner.distance();
        }
    }

    /**
     * A step that decides its target when it runs and then describes what it did. jqwik reads a chain's
     * descriptions after running it, so the script shows the SIDs actually acted on.
     */
    private static final class Step<S> implements Transformer<S> {
        private final String planned;
        private final Function<S, String> run;
        private volatile String done;

        Step(String planned, Function<S, String> run) {
            this.planned = planned;
            this.run = run;
        }

        @Override
        public S apply(S state) {
            done = run.apply(state);
            return state;
        }

        @Override
        public String transformation() {
            String words = done;
            return words != null ? words : planned;
        }

        @Override
        public String toString() {
            return transformation();
        }
    }

    // ------------------------------------------------------------------ reading the state

    private ConversationsApi api(S state) {
        return view.apply(state).api();
    }

    private List<String> all(S state) {
        List<String> out = new ArrayList<>();
        for (Conversation c : api(state).listConversations()) {
            out.add(c.sid());
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
        return p.describe();
    }
}
