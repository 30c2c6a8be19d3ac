package dev.convsim.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.convsim.ConversationsSimulator;
import dev.convsim.EngineBackdoor;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension's lifecycle, seen from outside: each nested class below is a small test suite that this test runs
 * through JUnit's EngineTestKit, then checks which of its tests passed and what the failures said.
 */
class ConvsimExtensionTest {

    static final String NUMBER = "+15005550001";
    static final String CUSTOMER = "+15551230001";
    static final String FIRST = "CH00000000000000000000000000000001";

    private static EngineExecutionResults run(Class<?> testClass, String... configuration) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").configurationParameter(SelfTest.KEY, "true");
        for (int i = 0; i < configuration.length; i += 2) {
            kit.configurationParameter(configuration[i], configuration[i + 1]);
        }
        return kit.selectors(selectClass(testClass)).execute();
    }

    /** Each failed test's method name and the message of what it threw. */
    private static Map<String, String> failures(EngineExecutionResults results) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Event e : results.testEvents().failed().list()) {
            Throwable t = e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
            out.put(e.getTestDescriptor().getDisplayName(), t.getMessage());
        }
        return out;
    }

    private static ConversationsSimulator.Builder postingWebhooks() {
        return ConversationsSimulator.builder().autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl("https://hooks.example.com/post")
                        .filters("onConversationAdded", "onMessageAdded"));
    }

    // ------------------------------------------------------------------ a fresh simulator per test

    @Test
    void eachTestGetsAFreshSimulatorSharedWithItsBeforeEach() {
        EngineExecutionResults results = run(FreshPerTest.class);

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    @SelfTest
    @ConvsimTest(autocreate = NUMBER)
    static class FreshPerTest {
        ConversationsSimulator fromBeforeEach;

        @BeforeEach
        void remember(ConversationsSimulator sim) {
            fromBeforeEach = sim;
        }

        void firstMessageAutocreatesTheFirstConversation(ConversationsSimulator sim) {
            assertThat(sim).isSameAs(fromBeforeEach);
            assertThat(sim.api().listConversations()).isEmpty();
            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hello");
            assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
            assertThat(outcome.conversationSid()).isEqualTo(FIRST);
        }

        @Test
        void one(ConversationsSimulator sim) {
            firstMessageAutocreatesTheFirstConversation(sim);
        }

        @Test
        void two(ConversationsSimulator sim) {
            firstMessageAutocreatesTheFirstConversation(sim);
        }

        @Test
        void three(ConversationsSimulator sim, ConversationsSimulator again) {
            assertThat(again).isSameAs(sim);
            firstMessageAutocreatesTheFirstConversation(sim);
        }
    }

    @Test
    void testsRunningInParallelEachGetTheirOwnSimulator() {
        EngineExecutionResults results = run(InParallel.class,
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "3");

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    @SelfTest
    @ConvsimTest(autocreate = NUMBER)
    @Execution(ExecutionMode.CONCURRENT)
    static class InParallel {
        static final CountDownLatch ALL_STARTED = new CountDownLatch(3);
        static final Set<ConversationsSimulator> SEEN = ConcurrentHashMap.newKeySet();

        void inParallel(ConversationsSimulator sim, String customer) throws InterruptedException {
            ALL_STARTED.countDown();
            // the three tests hold their simulators at the same time
            assertThat(ALL_STARTED.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(SEEN.add(sim)).isTrue();
            assertThat(sim.receive(customer, NUMBER, "hello").conversationSid()).isEqualTo(FIRST);
            assertThat(sim.api().listConversations()).hasSize(1);
        }

        @Test
        void one(ConversationsSimulator sim) throws InterruptedException {
            inParallel(sim, "+15551230001");
        }

        @Test
        void two(ConversationsSimulator sim) throws InterruptedException {
            inParallel(sim, "+15551230002");
        }

        @Test
        void three(ConversationsSimulator sim) throws InterruptedException {
            inParallel(sim, "+15551230003");
        }
    }

    // ------------------------------------------------------------------ where the configuration comes from

    @Test
    void annotationAttributesConfigureTheSimulatorAndAMethodsAnnotationReplacesTheClasss() {
        EngineExecutionResults results = run(Declared.class);

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @SelfTest
    @ConvsimTest(autocreate = NUMBER, start = "2026-03-01T09:00:00Z")
    static class Declared {
        @Test
        void fromTheClass(ConversationsSimulator sim) {
            assertThat(sim.now()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
            assertThat(sim.receive(CUSTOMER, NUMBER, "hello")).isInstanceOf(InboundOutcome.Autocreated.class);
        }

        @Test
        @ConvsimTest(start = "2027-01-01T00:00:00Z")
        void fromTheMethod(ConversationsSimulator sim) {
            assertThat(sim.now()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(sim.receive(CUSTOMER, NUMBER, "hello")).isInstanceOf(InboundOutcome.Unhandled.class);
        }
    }

    @Test
    void plainExtendWithGivesADefaultSimulator() {
        EngineExecutionResults results = run(Plain.class);

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @SelfTest
    @ExtendWith(ConvsimExtension.class)
    static class Plain {
        @Test
        void defaults(ConversationsSimulator sim) {
            assertThat(sim.now()).isEqualTo(ConversationsSimulator.DEFAULT_START);
            assertThat(sim.receive(CUSTOMER, NUMBER, "hello")).isInstanceOf(InboundOutcome.Unhandled.class);
        }
    }

    @Test
    void aFactoryMethodBuildsEachTestsSimulator() {
        EngineExecutionResults results = run(StaticFactory.class);
        EngineExecutionResults instance = run(InstanceFactory.class);

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(failures(instance)).isEmpty();
        instance.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @SelfTest
    @ConvsimTest(factory = "simulator")
    static class StaticFactory {
        static ConversationsSimulator.Builder simulator() {
            return ConversationsSimulator.builder().autocreate(NUMBER).start(Instant.parse("2026-05-05T05:05:05Z"));
        }

        @Test
        void usesTheFactory(ConversationsSimulator sim) {
            assertThat(sim.now()).isEqualTo(Instant.parse("2026-05-05T05:05:05Z"));
            assertThat(sim.receive(CUSTOMER, NUMBER, "hello")).isInstanceOf(InboundOutcome.Autocreated.class);
        }

        @Nested
        class Inner {
            @Test
            void usesTheEnclosingClasssFactory(ConversationsSimulator sim) {
                assertThat(sim.now()).isEqualTo(Instant.parse("2026-05-05T05:05:05Z"));
            }
        }
    }

    @SelfTest
    @ConvsimTest(factory = "simulator")
    static class InstanceFactory {
        final String number = "+15005550009";

        ConversationsSimulator.Builder simulator() {
            return ConversationsSimulator.builder().autocreate(number);
        }

        @Test
        void usesTheInstancesFactory(ConversationsSimulator sim) {
            assertThat(sim.receive(CUSTOMER, number, "hello")).isInstanceOf(InboundOutcome.Autocreated.class);
        }
    }

    @Test
    void configurationMistakesAreNamedWithTheFix() {
        EngineExecutionResults results = run(Mistakes.class);

        assertThat(failures(results)).containsOnly(
                Map.entry("factoryAndAutocreate(ConversationsSimulator)", "@ConvsimTest on"
                        + " Mistakes.factoryAndAutocreate(): factory cannot be combined with autocreate: configure the"
                        + " simulator in the factory's builder"),
                Map.entry("noSuchFactory(ConversationsSimulator)", "@ConvsimTest on Mistakes.noSuchFactory(): there is"
                        + " no factory method [missing()] in Mistakes: declare ConversationsSimulator.Builder missing()"
                        + " in the test class"),
                Map.entry("factoryOfTheWrongType(ConversationsSimulator)", "@ConvsimTest on"
                        + " Mistakes.factoryOfTheWrongType(): the factory method [notABuilder] in Mistakes returns"
                        + " String: return a ConversationsSimulator.Builder"),
                Map.entry("badStart(ConversationsSimulator)", "@ConvsimTest on Mistakes.badStart(): start"
                        + " [yesterday] is not an ISO-8601 instant: expected like 2026-01-01T00:00:00Z"),
                Map.entry("factoryThatThrows(ConversationsSimulator)", "building the simulator from the factory"
                        + " method throwing() failed: Invalid messaging binding address: Address [555] is not an E.164"
                        + " number: expected like +15551234567 (or whatsapp:+15551234567)"));
    }

    @SelfTest
    @ExtendWith(ConvsimExtension.class)
    static class Mistakes {
        static String notABuilder() {
            return "no";
        }

        static ConversationsSimulator.Builder throwing() {
            return ConversationsSimulator.builder().autocreate("555");
        }

        @Test
        @ConvsimTest(factory = "simulator", autocreate = NUMBER)
        void factoryAndAutocreate(ConversationsSimulator sim) {
        }

        @Test
        @ConvsimTest(factory = "missing")
        void noSuchFactory(ConversationsSimulator sim) {
        }

        @Test
        @ConvsimTest(factory = "notABuilder")
        void factoryOfTheWrongType(ConversationsSimulator sim) {
        }

        @Test
        @ConvsimTest(start = "yesterday")
        void badStart(ConversationsSimulator sim) {
        }

        @Test
        @ConvsimTest(factory = "throwing")
        void factoryThatThrows(ConversationsSimulator sim) {
        }
    }

    @Test
    void aSimulatorOutsideATestIsRefused() {
        EngineExecutionResults constructor = run(InConstructor.class);
        EngineExecutionResults beforeAll = run(InBeforeAll.class);

        assertThat(failures(constructor).values()).singleElement().asString().contains(
                "asks for a ConversationsSimulator outside a test: convsim makes one per test, so take it as a"
                        + " parameter of a @Test or @BeforeEach method, not of a constructor or @BeforeAll method");
        assertThat(beforeAll.containerEvents().failed().list()).singleElement().satisfies(e ->
                assertThat(e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                        .hasMessageContaining("asks for a ConversationsSimulator outside a test"));
    }

    @SelfTest
    @ExtendWith(ConvsimExtension.class)
    static class InConstructor {
        InConstructor(ConversationsSimulator sim) {
        }

        @Test
        void never() {
        }
    }

    @SelfTest
    @ExtendWith(ConvsimExtension.class)
    static class InBeforeAll {
        @BeforeAll
        static void shared(ConversationsSimulator sim) {
        }

        @Test
        void never() {
        }
    }

    // ------------------------------------------------------------------ after each test

    @Test
    void aBrokenInvariantFailsATestThatPassed() {
        EngineExecutionResults results = run(BrokenInvariant.class);

        assertThat(failures(results)).containsExactly(Map.entry("breaksTheBindingIndex(ConversationsSimulator)",
                "the simulator's invariants do not hold after the test: the pair +15551230001 → +15005550001 held by"
                        + " MB00000000000000000000000000000001 in CH00000000000000000000000000000001 is missing from the"
                        + " binding index"));
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    }

    @SelfTest
    @ConvsimTest(autocreate = NUMBER)
    static class BrokenInvariant {
        @Test
        void breaksTheBindingIndex(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            EngineBackdoor.forgetPairBindings(sim);
        }

        @Test
        void leavesItWhole(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
        }
    }

    @Test
    void unconsumedWebhooksFailATestThatPassedWhenAskedTo() {
        EngineExecutionResults results = run(Unconsumed.class);

        assertThat(failures(results)).containsOnly(
                Map.entry("leavesTwo(ConversationsSimulator)", """
                        2 webhook deliveries were made but not taken (failOnUnconsumedWebhooks is on):
                          #2 post global onMessageAdded CH…01 "hello" → 200
                          #3 post global onMessageAdded CH…01 "again" → 200
                        take each with sim.deliveries().takeNext(), or turn failOnUnconsumedWebhooks off"""),
                Map.entry("failsOnItsOwn(ConversationsSimulator)", "the test's own failure"));
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
    }

    @SelfTest
    @ConvsimTest(factory = "simulator", failOnUnconsumedWebhooks = true)
    static class Unconsumed {
        static ConversationsSimulator.Builder simulator() {
            return postingWebhooks();
        }

        @Test
        void leavesTwo(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            sim.receive(CUSTOMER, NUMBER, "again");
            assertThat(sim.deliveries().takeNext().eventType()).isEqualTo("onConversationAdded");
        }

        @Test
        void takesAll(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            sim.deliveries().takeNext("onConversationAdded");
            sim.deliveries().takeNext("onMessageAdded");
        }

        @Test
        void makesNone(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, "+15005550002", "nobody listens");
        }

        @Test
        void failsOnItsOwn(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            throw new AssertionError("the test's own failure");
        }
    }

    @Test
    void unconsumedWebhooksAreFineByDefault() {
        EngineExecutionResults results = run(UnconsumedAllowed.class);

        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @SelfTest
    @ConvsimTest(factory = "simulator")
    static class UnconsumedAllowed {
        static ConversationsSimulator.Builder simulator() {
            return postingWebhooks();
        }

        @Test
        void leavesThem(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            assertThat(sim.deliveries().pending()).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------------ programmatic registration

    @Test
    void aRegisteredExtensionBuildsFromItsFactoryAndChecksWhatItWasTold() {
        EngineExecutionResults statically = run(RegisteredStatic.class);
        EngineExecutionResults perInstance = run(RegisteredPerInstance.class);

        assertThat(failures(statically)).containsOnly(Map.entry("leavesOne(ConversationsSimulator)", """
                1 webhook delivery was made but not taken (failOnUnconsumedWebhooks is on):
                  #2 post global onMessageAdded CH…01 "hello" → 200
                take each with sim.deliveries().takeNext(), or turn failOnUnconsumedWebhooks off"""));
        statically.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(failures(perInstance)).isEmpty();
        perInstance.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @SelfTest
    static class RegisteredStatic {
        @RegisterExtension
        static ConvsimExtension convsim = ConvsimExtension.builder()
                .simulator(ConvsimExtensionTest::postingWebhooks)
                .failOnUnconsumedWebhooks(true)
                .build();

        @Test
        void leavesOne(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            sim.deliveries().takeNext("onConversationAdded");
        }

        @Test
        void takesAll(ConversationsSimulator sim) {
            sim.receive(CUSTOMER, NUMBER, "hello");
            sim.deliveries().takeNext("onConversationAdded");
            sim.deliveries().takeNext("onMessageAdded");
        }
    }

    @SelfTest
    static class RegisteredPerInstance {
        final String number = "+15005550007";

        @RegisterExtension
        ConvsimExtension convsim = ConvsimExtension.builder()
                .simulator(() -> ConversationsSimulator.builder().autocreate(number))
                .build();

        @Test
        void usesTheInstance(ConversationsSimulator sim) {
            assertThat(sim.receive(CUSTOMER, number, "hello")).isInstanceOf(InboundOutcome.Autocreated.class);
        }
    }

    @Test
    void theBuilderTakesOneFactory() {
        ConvsimExtension.Builder builder = ConvsimExtension.builder().simulator(ConversationsSimulator::builder);

        assertThatThrownBy(() -> builder.simulator(ConversationsSimulator::builder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("simulator was already set: give one factory per extension");
    }

    @Test
    void theExtensionHoldsNoStaticMutableState() {
        for (Field f : ConvsimExtension.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                assertThat(Modifier.isFinal(f.getModifiers())).as("%s is final", f.getName()).isTrue();
                assertThat(f.getType()).as("the type of %s", f.getName())
                        .isIn(String.class, org.junit.jupiter.api.extension.ExtensionContext.Namespace.class);
            } else {
                assertThat(Modifier.isFinal(f.getModifiers())).as("%s is final", f.getName()).isTrue();
            }
        }
    }
}
