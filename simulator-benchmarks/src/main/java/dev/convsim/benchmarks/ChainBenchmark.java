package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 7: what one try of a stateful property costs. Each chain builds a simulator (an autocreating SMS
 * number with timers) and takes {@value #STEPS} random steps drawn from a seeded {@link Random}, as a jqwik
 * action chain would: receive from one of a few senders, advance the clock, remove a participant, close or delete
 * a conversation. {@link ConversationsSimulator#verifyInvariants()} runs after every step.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChainBenchmark {

    static final int STEPS = 50;
    private static final int SENDERS = 6;

    private long seed;

    /** One 50-step chain with invariants checked after each step; returns the journal length. */
    @Benchmark
    public long chain() {
        return run(new Random(++seed));
    }

    static long run(Random random) {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(Fixtures.TWILIO_NUMBER)
                .configuration(new ConfigurationRequest().defaultInactiveTimer("PT5M").defaultClosedTimer("PT30M"))
                .build();
        for (int step = 0; step < STEPS; step++) {
            try {
                switch (random.nextInt(5)) {
                    case 0 -> sim.receive(Fixtures.sender(random.nextInt(SENDERS)), Fixtures.TWILIO_NUMBER,
                            "step " + step);
                    case 1 -> sim.advance(Duration.ofMinutes(random.nextInt(20)));
                    case 2 -> {
                        Conversation c = pick(sim, random);
                        if (c != null) {
                            List<Participant> participants = sim.api().listParticipants(c.sid());
                            if (!participants.isEmpty()) {
                                Participant p = participants.get(random.nextInt(participants.size()));
                                sim.api().deleteParticipant(c.sid(), p.sid(), false);
                            }
                        }
                    }
                    case 3 -> {
                        Conversation c = pick(sim, random);
                        if (c != null) {
                            sim.api().updateConversation(c.sid(), new ConversationRequest().state("closed"));
                        }
                    }
                    default -> {
                        Conversation c = pick(sim, random);
                        if (c != null) {
                            sim.api().deleteConversation(c.sid(), false);
                        }
                    }
                }
            } catch (TwilioApiException expected) {
                // a step the API refuses (e.g. changing a closed conversation) is a legal outcome of a random chain
            }
            sim.verifyInvariants();
        }
        return sim.journalDropped() + sim.journal().size();
    }

    private static Conversation pick(ConversationsSimulator sim, Random random) {
        List<Conversation> all = sim.api().listConversations();
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }
}
