package dev.convsim.jqwik;

import dev.convsim.ConversationsSimulator;
import dev.convsim.journal.JournalEntry;
import java.util.List;
import java.util.Objects;

/**
 * One property try: a fresh simulator and the setup it was built from. It prints as the setup followed by the
 * journal, so when a chain fails, jqwik's "final state" says what the simulator was and what it did.
 *
 * <pre>{@code
 * ActionChain.startWith(() -> SimulatorRun.of(setup))
 * }</pre>
 */
public record SimulatorRun(SimulatorSetup setup, ConversationsSimulator simulator) {

    /** How many journal lines {@link #toString()} shows at most (the latest ones). */
    public static final int JOURNAL_LINES_SHOWN = 60;

    /** Requires both. */
    public SimulatorRun {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(simulator, "simulator");
    }

    /** A fresh simulator built from the setup. */
    public static SimulatorRun of(SimulatorSetup setup) {
        return new SimulatorRun(setup, setup.build());
    }

    @Override
    public String toString() {
        List<JournalEntry> journal = simulator.journal();
        StringBuilder s = new StringBuilder(setup.toString()).append("\njournal:");
        int from = Math.max(0, journal.size() - JOURNAL_LINES_SHOWN);
        if (from > 0) {
            s.append("\n  (").append(from).append(" earlier entries)");
        }
        for (JournalEntry e : journal.subList(from, journal.size())) {
            s.append("\n  ").append(e);
        }
        return s.toString();
    }
}
