package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 5: retained heap per idle 1:1 conversation (one participant, one message with its own body text),
 * over {@value #CONVERSATIONS} conversations autocreated by {@code receive()}.
 *
 * <p>Method: in a forked JVM with the serial collector and {@code -XX:MarkSweepDeadRatio=0} (so a full collection
 * compacts everything and leaves no dead objects behind as filler), force full collections until the used heap
 * stops shrinking, read {@link MemoryMXBean} heap usage, build the conversations, collect again and divide the
 * difference. The primary score is how long the run took; the figure is the secondary result
 * {@code bytesPerConversation}. With {@code journal=default} the journal holds its default 100,000 entries (its
 * share is included); with {@code journal=1} it holds one entry, which isolates the conversations themselves.
 * The warm-up iteration lets class loading and JIT garbage settle before the first measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseSerialGC", "-XX:MarkSweepDeadRatio=0"})
public class RetainedHeapBenchmark {

    static final int CONVERSATIONS = 100_000;

    /** {@code default}: the default journal bound; {@code 1}: a journal of one entry. */
    @Param({"default", "1"})
    public String journal;

    /** The figure, reported by JMH next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Figures {
        public double bytesPerConversation;
        public double journalEntriesKept;
    }

    /** Builds the conversations between two heap readings. */
    @Benchmark
    public long idleConversations(Figures figures) {
        FidelityOptions options = journal.equals("default")
                ? FidelityOptions.defaults()
                : FidelityOptions.defaults().toBuilder().journalLimit(Integer.parseInt(journal)).build();
        long before = usedAfterFullGc();
        ConversationsSimulator sim = populated(options);
        long retained = usedAfterFullGc() - before;
        figures.bytesPerConversation = (double) retained / CONVERSATIONS;
        figures.journalEntriesKept = sim.journal().size();
        Reference.reachabilityFence(sim);
        return retained;
    }

    private static ConversationsSimulator populated(FidelityOptions options) {
        ConversationsSimulator sim = ConversationsSimulator.builder().options(options)
                .autocreate(Fixtures.TWILIO_NUMBER).build();
        for (int i = 0; i < CONVERSATIONS; i++) {
            InboundOutcome o = sim.receive(InboundMessage.of(Fixtures.sender(i), Fixtures.TWILIO_NUMBER,
                    "hello from customer " + i));
            if (!(o instanceof InboundOutcome.Autocreated)) {
                throw new IllegalStateException("expected an autocreation but got " + o.kind());
            }
        }
        return sim;
    }

    /** Full collections until the used heap stops shrinking, then the used heap. */
    static long usedAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
