package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.journal.JournalEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How cost grows with journal length: benchmark 1 (capture, 1,000 live conversations) with a journal already full
 * at its bound of 1,000, 100,000 (the default) or 1,000,000 entries, so every message also drops the oldest
 * entries; and the cost of taking a snapshot of that journal ({@code sim.journal()}), which tests do per step.
 *
 * <p>Every iteration starts from a fresh simulator whose journal is already full (built before the iteration's
 * clock starts), and iterations are short, so the conversations gain a few hundred messages each, not millions:
 * without that, the messages piling up (not the journal) would decide the figure.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalLengthBenchmark {

    private static final int LIVE = 1_000;

    @Param({"1000", "100000", "1000000"})
    public int journalLimit;

    private ConversationsSimulator sim;
    private InboundMessage[] messages;
    private int next;

    @Setup(Level.Iteration)
    public void setUp() {
        if (messages == null) {
            messages = Fixtures.scatteredMessages(LIVE, 42);
        }
        sim = Fixtures.withLiveConversations(LIVE, journalLimit);
        next = 0;
        while (sim.journalDropped() == 0) {
            receive();
        }
    }

    /** One captured message into a journal at its bound. */
    @Benchmark
    public Object receive() {
        InboundMessage m = messages[next];
        if (++next == messages.length) {
            next = 0;
        }
        return sim.receive(m);
    }

    /** A snapshot of the whole journal, and its newest entry. */
    @Benchmark
    public JournalEntry journalSnapshot() {
        List<JournalEntry> journal = sim.journal();
        return journal.get(journal.size() - 1);
    }
}
