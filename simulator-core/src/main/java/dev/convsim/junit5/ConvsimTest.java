package dev.convsim.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers {@link ConvsimExtension} and says how to build each test's simulator: from these attributes, or from a
 * factory method of the test class that returns a {@code ConversationsSimulator.Builder}. On a test method it
 * replaces the class's configuration for that method (the method still needs {@code @Test}).
 *
 * <pre>{@code
 * @ConvsimTest(factory = "simulator", failOnUnconsumedWebhooks = true)
 * class RoutingTest {
 *     static ConversationsSimulator.Builder simulator() {
 *         return ConversationsSimulator.builder().autocreate("+15005550001").router(Routers.pool());
 *     }
 *
 *     @Test
 *     void newConversationWaitsForAWorker(ConversationsSimulator sim) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ConvsimExtension.class)
public @interface ConvsimTest {

    /**
     * Twilio numbers that get an SMS (or {@code whatsapp:}) address configuration with autocreation of type
     * {@code default}, in this order (the first is {@code IG…01}). Not with {@link #factory()}.
     */
    String[] autocreate() default {};

    /**
     * The clock's first instant, ISO-8601 (e.g. {@code 2026-03-01T09:00:00Z}); empty for the default. Not with
     * {@link #factory()}.
     */
    String start() default "";

    /**
     * The name of a method of the test class (static, or an instance method of the test instance or an enclosing
     * instance) that takes no arguments and returns a {@code ConversationsSimulator.Builder}. Called once per test.
     */
    String factory() default "";

    /**
     * Fails a test that passed when webhook deliveries it made were not taken with
     * {@code sim.deliveries().takeNext()}.
     */
    boolean failOnUnconsumedWebhooks() default false;
}
