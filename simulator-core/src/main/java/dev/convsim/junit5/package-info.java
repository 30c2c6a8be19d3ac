/**
 * The JUnit 5 extension: a fresh {@link dev.convsim.ConversationsSimulator} injected into each test, with the
 * simulator's invariants checked after it. Needs {@code junit-jupiter-api} on the test classpath (an optional
 * dependency of convsim).
 *
 * <pre>{@code
 * @ConvsimTest(autocreate = "+15005550001")
 * class InboundTest {
 *     @Test
 *     void firstMessageAutocreates(ConversationsSimulator sim) {
 *         sim.receive("+15551230001", "+15005550001", "hello");
 *     }
 * }
 * }</pre>
 */
package dev.convsim.junit5;
