package dev.convsim.junit5;

import dev.convsim.ConversationsSimulator;
import dev.convsim.webhook.RecordedDelivery;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Gives each test a fresh {@link ConversationsSimulator} as a parameter of its {@code @Test} or {@code @BeforeEach}
 * methods (the same instance for both), and after the test checks {@link ConversationsSimulator#verifyInvariants()}
 * and, on request, that every webhook delivery was taken.
 *
 * <p>Declaratively, with {@link ConvsimTest @ConvsimTest} (or plain {@code @ExtendWith(ConvsimExtension.class)} for
 * a default simulator). Programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ConvsimExtension convsim = ConvsimExtension.builder()
 *         .simulator(() -> ConversationsSimulator.builder().autocreate("+15005550001"))
 *         .failOnUnconsumedWebhooks(true)
 *         .build();
 * }</pre>
 *
 * <p>The extension holds only its configuration; each test's simulator lives in that test's
 * {@link ExtensionContext.Store}, so tests may run in parallel. Use one form per test class: two extensions offering a
 * simulator make JUnit refuse the parameter.
 */
public final class ConvsimExtension implements ParameterResolver, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(ConvsimExtension.class);
    private static final String SIMULATOR = "simulator";

    /** Set when built programmatically; null when the configuration comes from {@link ConvsimTest}. */
    private final Config programmatic;

    /** For {@code @ExtendWith}: the configuration comes from the nearest {@link ConvsimTest}, if any. */
    public ConvsimExtension() {
        this.programmatic = null;
    }

    private ConvsimExtension(Config config) {
        this.programmatic = config;
    }

    /** Starts a programmatic configuration, for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    /** How one test's simulator is built and checked. */
    private record Config(String source, Supplier<ConversationsSimulator.Builder> factory,
            boolean failOnUnconsumedWebhooks) {
    }

    /** What the extension keeps for one test. */
    private record PerTest(ConversationsSimulator simulator, Config config) {
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ConversationsSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (extensionContext.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("[" + parameterContext.getDeclaringExecutable()
                    + "] asks for a ConversationsSimulator outside a test: convsim makes one per test, so take it as "
                    + "a parameter of a @Test or @BeforeEach method, not of a constructor or @BeforeAll method");
        }
        return extensionContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(SIMULATOR, key -> create(extensionContext), PerTest.class)
                .simulator();
    }

    private PerTest create(ExtensionContext context) {
        Config config = programmatic != null ? programmatic : declared(context);
        ConversationsSimulator.Builder builder;
        try {
            builder = config.factory().get();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("building the simulator from " + config.source() + " failed: "
                    + e.getMessage(), e);
        }
        if (builder == null) {
            throw new ParameterResolutionException(config.source()
                    + " gave null: return a ConversationsSimulator.Builder");
        }
        try {
            return new PerTest(builder.build(), config);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("building the simulator from " + config.source() + " failed: "
                    + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ after each test

    @Override
    public void afterEach(ExtensionContext context) {
        PerTest perTest = context.getStore(NAMESPACE).get(SIMULATOR, PerTest.class);
        if (perTest == null) {
            return;
        }
        ConversationsSimulator sim = perTest.simulator();
        try {
            sim.verifyInvariants();
        } catch (AssertionError broken) {
            throw new AssertionError("the simulator's invariants do not hold after the test: "
                    + broken.getMessage(), broken);
        }
        if (perTest.config().failOnUnconsumedWebhooks() && context.getExecutionException().isEmpty()) {
            long pending = sim.deliveries().pending();
            if (pending > 0) {
                throw new AssertionError(unconsumed(sim.deliveries().all(), pending));
            }
        }
    }

    private static String unconsumed(List<RecordedDelivery> kept, long pending) {
        StringBuilder s = new StringBuilder();
        s.append(pending).append(pending == 1 ? " webhook delivery was" : " webhook deliveries were")
                .append(" made but not taken (failOnUnconsumedWebhooks is on):");
        int shown = (int) Math.min(pending, kept.size());
        for (RecordedDelivery d : kept.subList(kept.size() - shown, kept.size())) {
            s.append("\n  ").append(d);
        }
        if (shown < pending) {
            s.append("\n  (").append(pending - shown).append(" older ones were dropped by the journal bound)");
        }
        s.append("\ntake each with sim.deliveries().takeNext(), or turn failOnUnconsumedWebhooks off");
        return s.toString();
    }

    // ------------------------------------------------------------------ the declarative configuration

    private static Config declared(ExtensionContext context) {
        Optional<ExtensionContext> at = Optional.of(context);
        while (at.isPresent()) {
            Optional<AnnotatedElement> element = at.get().getElement();
            Optional<ConvsimTest> found = AnnotationSupport.findAnnotation(element, ConvsimTest.class);
            if (found.isPresent()) {
                return fromAnnotation(found.get(), element.get(), context);
            }
            at = at.get().getParent();
        }
        return new Config("the default configuration", ConversationsSimulator::builder, false);
    }

    private static Config fromAnnotation(ConvsimTest a, AnnotatedElement where, ExtensionContext context) {
        String source = "@ConvsimTest on " + name(where);
        if (!a.factory().isEmpty()) {
            if (a.autocreate().length > 0 || !a.start().isEmpty()) {
                throw new ParameterResolutionException(source + ": factory cannot be combined with "
                        + (a.autocreate().length > 0 ? "autocreate" : "start")
                        + ": configure the simulator in the factory's builder");
            }
            return new Config("the factory method " + a.factory() + "()", factory(a.factory(), source, context),
                    a.failOnUnconsumedWebhooks());
        }
        Instant start = null;
        if (!a.start().isEmpty()) {
            try {
                start = Instant.parse(a.start());
            } catch (DateTimeParseException e) {
                throw new ParameterResolutionException(source + ": start [" + a.start()
                        + "] is not an ISO-8601 instant: expected like 2026-01-01T00:00:00Z", e);
            }
        }
        Instant first = start;
        List<String> numbers = List.of(a.autocreate());
        return new Config(source, () -> {
            ConversationsSimulator.Builder b = ConversationsSimulator.builder();
            if (first != null) {
                b.start(first);
            }
            for (String number : numbers) {
                b.autocreate(number);
            }
            return b;
        }, a.failOnUnconsumedWebhooks());
    }

    private static Supplier<ConversationsSimulator.Builder> factory(String name, String source,
            ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        List<Object> instances = context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of());
        // innermost first: a nested class's own method wins over an enclosing class's
        for (int i = instances.size() - 1; i >= -1; i--) {
            Object instance = i >= 0 ? instances.get(i) : null;
            Class<?> type = instance != null ? instance.getClass() : testClass;
            Optional<Method> method = ReflectionSupport.findMethod(type, name);
            if (method.isPresent()) {
                Method m = method.get();
                if (!ConversationsSimulator.Builder.class.isAssignableFrom(m.getReturnType())) {
                    throw new ParameterResolutionException(source + ": the factory method [" + name + "] in "
                            + type.getSimpleName() + " returns " + m.getReturnType().getSimpleName()
                            + ": return a ConversationsSimulator.Builder");
                }
                Object target = Modifier.isStatic(m.getModifiers()) ? null : instance;
                if (target == null && !Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                return () -> (ConversationsSimulator.Builder) ReflectionSupport.invokeMethod(m, target);
            }
        }
        throw new ParameterResolutionException(source + ": there is no factory method [" + name + "()] in "
                + testClass.getSimpleName() + ": declare ConversationsSimulator.Builder " + name
                + "() in the test class");
    }

    private static String name(AnnotatedElement element) {
        if (element instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (element instanceof Method m) {
            return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()";
        }
        return element.toString();
    }

    // ------------------------------------------------------------------ builder

    /**
     * Configures a {@link ConvsimExtension} for {@code @RegisterExtension}. Errors name the knob.
     */
    public static final class Builder {
        private Supplier<ConversationsSimulator.Builder> factory;
        private boolean failOnUnconsumedWebhooks;

        private Builder() {
        }

        /**
         * How to start each test's simulator; called once per test (default: {@code ConversationsSimulator::builder}).
         */
        public Builder simulator(Supplier<ConversationsSimulator.Builder> factory) {
            Objects.requireNonNull(factory, "factory");
            if (this.factory != null) {
                throw new IllegalStateException("simulator was already set: give one factory per extension");
            }
            this.factory = factory;
            return this;
        }

        /** Fails a test that passed when webhook deliveries it made were not taken (default off). */
        public Builder failOnUnconsumedWebhooks(boolean fail) {
            this.failOnUnconsumedWebhooks = fail;
            return this;
        }

        /** The extension. */
        public ConvsimExtension build() {
            return new ConvsimExtension(new Config("the extension's simulator factory",
                    factory != null ? factory : ConversationsSimulator::builder, failOnUnconsumedWebhooks));
        }
    }
}
