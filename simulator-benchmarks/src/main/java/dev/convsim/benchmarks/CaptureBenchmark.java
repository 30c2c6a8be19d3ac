package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
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
 * Benchmarks 1 and 3: {@code receive()} captured into an existing 1:1 conversation, no endpoints or webhooks
 * configured, with 1,000 and 1,000,000 live conversations, senders in a scattered order.
 *
 * <p>A simulator keeps every message, as Twilio does. So that 1,000 conversations do not grow to millions of
 * messages each (no test does that; the collector would then spend its time copying them), with 1,000 live
 * conversations the benchmark starts again from a fresh simulator every {@value #MESSAGES_PER_SIMULATOR}
 * messages, and counts the rebuild (about 1% of the time) in the score. With 1,000,000 live conversations the
 * simulator is built once per fork, and the few messages each conversation gains do not matter.
 */
@State(Scope.Thread)
@Fork(value = 3, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CaptureBenchmark {

    /**
     * Up to this many live conversations, every measurement iteration starts from a freshly built simulator (so the
     * messages captured by earlier iterations do not pile up); above it the simulator is built once per fork, since
     * building a million conversations takes seconds.
     */
    static final int REBUILD_LIMIT = 10_000;

    /** With at most {@link #REBUILD_LIMIT} live conversations, how many messages one simulator takes. */
    static final int MESSAGES_PER_SIMULATOR = 100_000;

    @Param({"1000", "1000000"})
    public int liveConversations;

    private ConversationsSimulator sim;
    private InboundMessage[] messages;
    private InboundMessage[] firstMessages;
    private int next;
    private int taken;

    @Setup(Level.Iteration)
    public void setUp() {
        if (sim != null && liveConversations > REBUILD_LIMIT) {
            return;
        }
        if (messages == null) {
            messages = Fixtures.scatteredMessages(liveConversations, 42);
            firstMessages = Fixtures.firstMessages(liveConversations);
        }
        rebuild();
        InboundOutcome probe = sim.receive(messages[messages.length - 1]);
        if (!(probe instanceof InboundOutcome.Captured)) {
            throw new IllegalStateException("expected a capture but got " + probe.kind() + ": " + probe.explanation());
        }
    }

    private void rebuild() {
        sim = Fixtures.withLiveConversations(firstMessages);
        next = 0;
        taken = 0;
    }

    /** One inbound message captured by the conversation that binds its number pair. */
    @Benchmark
    public InboundOutcome receive() {
        if (++taken > MESSAGES_PER_SIMULATOR && liveConversations <= REBUILD_LIMIT) {
            rebuild();
        }
        InboundMessage m = messages[next];
        if (++next == messages.length) {
            next = 0;
        }
        return sim.receive(m);
    }
}
