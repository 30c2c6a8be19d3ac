/**
 * AssertJ assertions in the simulator's words: {@link dev.convsim.assertj.ConvsimAssertions#assertThat} for a
 * simulator, an inbound outcome and the recorded deliveries. Failures show the nearest miss. Needs
 * {@code assertj-core} on the test classpath (an optional dependency of convsim).
 *
 * <pre>{@code
 * assertThat(sim.receive("+15551230001", "+15005550001", "again")).isCaptured().byConversation(first);
 * assertThat(sim).hasPairBoundTo("+15551230001", "+15005550001", first);
 * assertThat(sim.deliveries()).containsExactlyEventTypes("onConversationAdded", "onParticipantAdded", "onMessageAdded");
 * }</pre>
 */
package dev.convsim.assertj;
