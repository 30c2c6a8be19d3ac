package dev.convsim.jqwik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Participant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Each action does what its one-line description says, so a failing chain reads as a script. */
class ConvsimActionsTest {

    static final NumberPair PAIR = NumberPair.of("+15551230001", "+15005550001");
    static final String CH1 = "CH00000000000000000000000000000001";

    final ConvsimActions<ConversationsSimulator> actions = ConvsimActions.simulator();
    final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").build();

    private static <S> Transformer<S> one(Action.Independent<S> action) {
        return action.transformer().sample();
    }

    /** Runs one step of the action on the state and returns what the step says it did. */
    private static <S> String run(Action.Independent<S> action, S state) {
        Transformer<S> step = one(action);
        step.apply(state);
        return step.transformation();
    }

    @Test
    void receiveSaysWhatArrivesAndHandsTheOutcomeOn() {
        List<InboundOutcome> seen = new ArrayList<>();
        Transformer<ConversationsSimulator> step = one(actions.receive(Arbitraries.just(PAIR.message("hello")),
                (s, outcome) -> seen.add(outcome)));

        assertThat(step.transformation()).isEqualTo("receive +15551230001 → +15005550001 \"hello\"");
        step.apply(sim);
        assertThat(seen).singleElement().isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.api().listConversations()).hasSize(1);
    }

    @Test
    void advanceSaysHowFarTheClockMoves() {
        Transformer<ConversationsSimulator> step = one(actions.advance(Arbitraries.just(Duration.ofMinutes(5))));

        assertThat(step.transformation()).isEqualTo("advance PT5M");
        step.apply(sim);
        assertThat(sim.now()).isEqualTo(ConversationsSimulator.DEFAULT_START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void conversationStepsPickTheirConversationWhenTheyRunAndNameIt() {
        assertThat(run(actions.close(), sim)).isEqualTo("close: no open conversation");
        assertThat(run(actions.delete(), sim)).isEqualTo("delete: no conversation");
        assertThat(run(actions.removeParticipant(), sim)).isEqualTo("remove: no participant");
        sim.receive(PAIR.message("hello"));

        assertThat(run(actions.close(), sim)).isEqualTo("close CH…01");
        assertThat(sim.api().fetchConversation(CH1).state()).isEqualTo(ConversationState.CLOSED);
        assertThat(run(actions.close(), sim)).isEqualTo("close: no open conversation");

        assertThat(run(actions.delete(), sim)).isEqualTo("delete CH…01");
        assertThat(sim.api().listConversations()).isEmpty();
    }

    @Test
    void aStepPicksAmongTheCandidatesThereAreWhenItRuns() {
        Transformer<ConversationsSimulator> close = actions.close().transformer().sampleStream()
                .filter(t -> t.transformation().endsWith("(#1)")).findFirst().orElseThrow();
        assertThat(close.transformation()).isEqualTo("close an open conversation (#1)");
        sim.receive(PAIR.message("hello"));
        sim.receive(NumberPair.of("+15551230002", "+15005550001").message("hi"));

        close.apply(sim);

        assertThat(close.transformation()).isEqualTo("close CH…02");
    }

    @Test
    void removeParticipantNamesTheParticipantItsBindingAndItsConversation() {
        sim.receive(PAIR.message("hello"));
        sim.api().createParticipant(CH1, new ParticipantRequest().identity("alice@example.com"));

        assertThat(run(actions.removeParticipant(p -> p.messagingBinding() != null), sim))
                .isEqualTo("remove MB…01 (+15551230001 → +15005550001) from CH…01");
        assertThat(sim.api().listParticipants(CH1)).extracting(Participant::identity)
                .containsExactly("alice@example.com");
        assertThat(run(actions.removeParticipant(p -> p.messagingBinding() != null), sim))
                .isEqualTo("remove: no participant");
    }

    @Test
    void addParticipantTakesTwiliosRefusalOfABoundPairAsAnAnswer() {
        sim.receive(PAIR.message("hello"));
        sim.api().updateConversation(CH1, new ConversationRequest().state("closed"));
        sim.receive(NumberPair.of("+15551230002", "+15005550001").message("hi"));
        Action.Independent<ConversationsSimulator> add = actions.addParticipant(Arbitraries.just(PAIR));

        assertThat(run(add, sim)).isEqualTo("add +15551230001 → +15005550001 to CH…02");
        assertThat(run(add, sim)).isEqualTo("add +15551230001 → +15005550001 to CH…02 (refused: 50437)");
        assertThat(sim.api().findParticipantsByAddress("+15551230001")).hasSize(2);
    }

    @Test
    void setTimersSaysTheStateAndTimersItSends() {
        sim.receive(PAIR.message("hello"));

        List<Transformer<ConversationsSimulator>> steps = actions.setTimers().transformer().sampleStream().limit(200)
                .toList();
        Set<String> seen = steps.stream().map(Transformer::transformation).collect(Collectors.toSet());
        assertThat(seen).allMatch(w -> w.matches("update an open conversation \\(#\\d+\\): State (active|inactive)"
                + "(, Timers\\.Inactive (PT1M|PT5M|PT1H|PT0S))?(, Timers\\.Closed (PT10M|PT30M|PT2H|PT0S))?"));
        assertThat(seen).anyMatch(w -> w.contains("Timers.Inactive")).anyMatch(w -> w.contains("Timers.Closed"));

        Transformer<ConversationsSimulator> step = steps.stream()
                .filter(t -> t.transformation().endsWith(": State active, Timers.Inactive PT5M, Timers.Closed PT2H"))
                .findFirst().orElseThrow();
        step.apply(sim);

        assertThat(step.transformation()).isEqualTo("update CH…01: State active, Timers.Inactive PT5M,"
                + " Timers.Closed PT2H");
        assertThat(sim.api().fetchConversation(CH1).timers().dateInactive())
                .isEqualTo(sim.now().plus(Duration.ofMinutes(5)));
    }

    @Test
    void workerStepsSayWhoAndWhich() {
        Set<String> seen = actions.setWorkerAvailability(Arbitraries.just("alice@example.com")).transformer()
                .sampleStream().limit(100).map(Transformer::transformation).collect(Collectors.toSet());

        assertThat(seen).containsExactlyInAnyOrder("alice@example.com becomes available",
                "alice@example.com becomes unavailable");
    }

    @Test
    void anApiCallReadsAsItsDescription() {
        assertThat(run(actions.apiCall("create conversation Support",
                api -> api.createConversation(new ConversationRequest().friendlyName("Support"))), sim))
                .isEqualTo("create conversation Support");
        assertThat(sim.api().listConversations()).singleElement()
                .satisfies(c -> assertThat(c.friendlyName()).isEqualTo("Support"));
    }

    @Test
    void actionsReachTheSimulatorInsideAnyState() {
        record Holder(ConversationsSimulator inside) {
        }
        Holder holder = new Holder(sim);

        ConvsimActions.on(Holder::inside).receive(Arbitraries.just(PAIR.message("hello"))).transformer().sample()
                .apply(holder);

        assertThat(sim.api().listConversations()).hasSize(1);
    }

    // ------------------------------------------------------------------ a shrunk counterexample

    @Test
    void aShrunkCounterexampleReadsAsAScript() {
        EngineExecutionResults results = EngineTestKit.engine("jqwik")
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .configurationParameter("jqwik.database", "target/jqwik-database-selftest")
                .selectors(selectClass(ClosingIsForbidden.class)).execute();

        List<Throwable> failures = results.testEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).toList();
        assertThat(failures).singleElement().satisfies(t -> assertThat(t.getMessage()).startsWith("""
                Invariant 'no conversation is ever closed' failed after the following actions: [
                    receive +15551230001 → +15005550001 "hello"
                    close CH…01 \s
                ]
                final state: setup at 2026-01-01T00:00:00Z: +15005550001 (address configuration autocreates)
                journal:
                  #1 2026-01-01T00:00:00Z conversation service added IS…01 (Default Conversations Service)
                  #2 2026-01-01T00:00:00Z address configuration added IG…01"""));
    }

    /** A property that fails on purpose; run only by the test above. */
    @AddLifecycleHook(OnlyInsideTheTestKit.class)
    static class ClosingIsForbidden {
        @Property(tries = 100, seed = "42", afterFailure = AfterFailureMode.RANDOM_SEED)
        void noConversationIsEverClosed(@ForAll("chains") ActionChain<SimulatorRun> chain) {
            chain.withInvariant("no conversation is ever closed", run -> assertThat(run.simulator().api()
                    .listConversations()).noneMatch(c -> c.state() == ConversationState.CLOSED)).run();
        }

        @Provide
        Arbitrary<ActionChain<SimulatorRun>> chains() {
            SimulatorSetup setup = new SimulatorSetup(ConversationsSimulator.DEFAULT_START,
                    List.of(new SimulatorSetup.NumberSetup(PAIR.proxyAddress(), SimulatorSetup.AddressConfig.AUTOCREATE,
                            SimulatorSetup.Service.NONE, false)),
                    null, null, java.util.Map.of(), null, false, dev.convsim.FidelityOptions.defaults());
            ConvsimActions<SimulatorRun> runs = ConvsimActions.runs();
            return ActionChain.startWith(() -> SimulatorRun.of(setup))
                    .withAction(3, runs.receive(Arbitraries.just(PAIR.message("hello"))))
                    .withAction(2, runs.advance())
                    .withAction(1, runs.close())
                    .withMaxTransformations(20);
        }
    }

    /** Skips {@link ClosingIsForbidden} unless the EngineTestKit is running it (so an IDE run stays green). */
    public static class OnlyInsideTheTestKit implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            boolean insideTheKit = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                    f -> f.getClassName().equals(EngineTestKit.class.getName())));
            return insideTheKit ? SkipResult.doNotSkip() : SkipResult.skip("run only by ConvsimActionsTest");
        }
    }
}
