package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2: {@code receive()} autocreating a 1:1 conversation with global pre and post webhooks answered by
 * the default endpoint: {@code onConversationAdd} (pre), then {@code onConversationAdded},
 * {@code onParticipantAdded} and {@code onMessageAdded} (post), four deliveries recorded per message. Every
 * {@value #SENDERS} messages the benchmark starts a fresh simulator (its cost, amortised, is included), so live
 * conversations stay between 0 and {@value #SENDERS}.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AutocreateBenchmark {

    static final int SENDERS = 10_000;

    private InboundMessage[] messages;
    private ConversationsSimulator sim;
    private int next;

    @Setup
    public void setUp() {
        messages = Fixtures.scatteredMessages(SENDERS, 7);
        ConversationsSimulator probe = Fixtures.autocreatingWithGlobalWebhooks();
        InboundOutcome outcome = probe.receive(messages[0]);
        if (!(outcome instanceof InboundOutcome.Autocreated) || probe.deliveries().count() != 4) {
            throw new IllegalStateException("expected an autocreation with 4 deliveries but got " + outcome.kind()
                    + " with " + probe.deliveries().count() + ":\n" + probe.deliveries());
        }
        sim = Fixtures.autocreatingWithGlobalWebhooks();
        next = 0;
    }

    /** One inbound message from a new sender: autocreation, with one pre and three post deliveries. */
    @Benchmark
    public InboundOutcome receive() {
        if (next == messages.length) {
            sim = Fixtures.autocreatingWithGlobalWebhooks();
            next = 0;
        }
        return sim.receive(messages[next++]);
    }
}
