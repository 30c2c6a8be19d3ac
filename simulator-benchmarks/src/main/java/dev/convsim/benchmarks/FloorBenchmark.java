package dev.convsim.benchmarks;

import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Benchmark 0, the floor: the bare work any capture must do, and nothing else. It looks the message's number pair
 * up in a hash map of live conversations and appends a message record to that conversation's list. Same input as
 * {@link CaptureBenchmark} (equal addresses, scattered order), so the ratio between the two is the price of
 * everything the simulator does beyond that: decision, SIDs, journal, timers, webhook planning. It starts again
 * from fresh lists on the same schedule as the capture benchmark.
 */
@State(Scope.Thread)
@Fork(value = 3, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FloorBenchmark {

    /** A number pair, as the simulator's binding index keys it. */
    record NumberPair(Address address, Address proxyAddress) {
    }

    /** The least a message record can be: its index and body. */
    record MessageRecord(int index, String body) {
    }

    @Param({"1000", "1000000"})
    public int liveConversations;

    private Map<NumberPair, List<MessageRecord>> conversations;
    private InboundMessage[] messages;
    private InboundMessage[] firstMessages;
    private int next;
    private int taken;

    @Setup(Level.Iteration)
    public void setUp() {
        if (conversations != null && liveConversations > CaptureBenchmark.REBUILD_LIMIT) {
            return;
        }
        if (messages == null) {
            messages = Fixtures.scatteredMessages(liveConversations, 42);
            firstMessages = Fixtures.firstMessages(liveConversations);
        }
        rebuild();
    }

    private void rebuild() {
        conversations = new HashMap<>();
        for (InboundMessage first : firstMessages) {
            List<MessageRecord> list = new ArrayList<>(2);
            list.add(new MessageRecord(0, first.body()));
            conversations.put(new NumberPair(first.from(), first.to()), list);
        }
        next = 0;
        taken = 0;
    }

    /** One captured message at the floor: a lookup and an append. */
    @Benchmark
    public MessageRecord lookupAndAppend() {
        if (++taken > CaptureBenchmark.MESSAGES_PER_SIMULATOR && liveConversations <= CaptureBenchmark.REBUILD_LIMIT) {
            rebuild();
        }
        InboundMessage m = messages[next];
        if (++next == messages.length) {
            next = 0;
        }
        List<MessageRecord> list = conversations.get(new NumberPair(m.from(), m.to()));
        MessageRecord record = new MessageRecord(list.size(), m.body());
        list.add(record);
        return record;
    }
}
