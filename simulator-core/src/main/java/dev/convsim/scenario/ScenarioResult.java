package dev.convsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convsim.ConversationsSimulator;
import java.util.ArrayList;
import java.util.List;

/**
 * What running a scenario produced: the trace (JSON Lines), the expectations that failed, the exit code, and the
 * simulator itself for further assertions.
 *
 * <pre>{@code
 * ScenarioResult result = Scenario.load(Path.of("scenarios/group-mms.json")).run();
 * result.assertPassed();                       // AssertionError listing every failed expectation
 * result.lines("webhook")                      // the webhook lines, parsed
 * }</pre>
 */
public final class ScenarioResult {

    private final String name;
    private final List<ObjectNode> trace;
    private final List<String> lines;
    private final List<ExpectationFailure> failures;
    private final ConversationsSimulator simulator;

    ScenarioResult(String name, List<ObjectNode> trace, List<ExpectationFailure> failures,
            ConversationsSimulator simulator) {
        this.name = name;
        this.trace = List.copyOf(trace);
        List<String> text = new ArrayList<>(trace.size());
        trace.forEach(line -> text.add(line.toString()));
        this.lines = List.copyOf(text);
        this.failures = List.copyOf(failures);
        this.simulator = simulator;
    }

    /** The scenario's {@code name}, or null. */
    public String name() {
        return name;
    }

    /** The trace as JSON Lines, in order: exactly what the command-line runner prints. */
    public List<String> traceLines() {
        return lines;
    }

    /** The trace, parsed (copies). */
    public List<JsonNode> trace() {
        List<JsonNode> out = new ArrayList<>(trace.size());
        trace.forEach(line -> out.add(line.deepCopy()));
        return out;
    }

    /** The trace lines of one {@code type} ({@code step}, {@code webhook}, {@code result}, …), parsed (copies). */
    public List<JsonNode> lines(String type) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode line : trace) {
            if (line.path("type").asText().equals(type)) {
                out.add(line.deepCopy());
            }
        }
        return out;
    }

    /** The trace rendered for people, one line per trace line (see {@link PrettyTrace}). */
    public String pretty() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode line : trace) {
            out.append(PrettyTrace.line(line)).append('\n');
        }
        return out.toString();
    }

    /** Every expectation that did not hold, in order. */
    public List<ExpectationFailure> failures() {
        return failures;
    }

    /** True when every expectation held. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** 0 when every expectation held, 1 otherwise (an invalid file never gets here: it exits 2). */
    public int exitCode() {
        return failures.isEmpty() ? 0 : 1;
    }

    /** The simulator the scenario ran on, in its final state. */
    public ConversationsSimulator simulator() {
        return simulator;
    }

    /**
     * Throws unless every expectation held.
     *
     * @throws AssertionError listing each failed expectation, followed by the readable trace
     */
    public void assertPassed() {
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder();
            message.append(failures.size()).append(failures.size() == 1 ? " expectation" : " expectations")
                    .append(" failed in scenario ").append(name == null ? "(unnamed)" : "\"" + name + "\"")
                    .append(":\n");
            failures.forEach(f -> message.append("  ").append(f).append('\n'));
            message.append("trace:\n").append(pretty());
            throw new AssertionError(message.toString());
        }
    }

    @Override
    public String toString() {
        return "ScenarioResult[" + (name == null ? "unnamed" : name) + ": " + trace.size() + " trace lines, "
                + failures.size() + " failed expectations, exit " + exitCode() + "]";
    }
}
