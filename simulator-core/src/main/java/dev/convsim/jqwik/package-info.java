/**
 * jqwik support: arbitraries for addresses, number pairs and groups, inbound messages and simulator setups
 * ({@link dev.convsim.jqwik.ConvsimArbitraries}); actions for an {@code ActionChain} whose descriptions read as a
 * script ({@link dev.convsim.jqwik.ConvsimActions}); invariants anyone can reuse
 * ({@link dev.convsim.jqwik.ConvsimInvariants}). Needs {@code jqwik} on the test classpath (an optional dependency of
 * convsim).
 *
 * <p>jqwik shares one test instance across all tries of a property and does not run Jupiter extensions for
 * {@code @Property} methods, so each try builds its own simulator: {@code ActionChain.startWith(setup::build)}.
 *
 * <pre>{@code
 * @Property(tries = 1000)
 * void invariantsHoldWhateverHappens(@ForAll("chains") ActionChain<SimulatorRun> chain) {
 *     chain.withInvariant("convsim", ConvsimInvariants.on(SimulatorRun::simulator, ConvsimInvariants.all())).run();
 * }
 *
 * @Provide
 * Arbitrary<ActionChain<SimulatorRun>> chains() {
 *     return ConvsimActions.standardChains(30);
 * }
 * }</pre>
 */
package dev.convsim.jqwik;
