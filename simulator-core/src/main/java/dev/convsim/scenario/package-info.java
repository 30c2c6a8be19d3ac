/**
 * Scenario files: load one with {@link dev.convsim.scenario.Scenario#load(java.nio.file.Path)}, run it, and read the
 * trace, the failed expectations and the exit code from the {@link dev.convsim.scenario.ScenarioResult}.
 */
package dev.convsim.scenario;
