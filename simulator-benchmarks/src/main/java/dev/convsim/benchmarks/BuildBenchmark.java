package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: building a simulator with a typical setup (an SMS and a WhatsApp address configuration, global
 * pre and post webhooks, pool routing), as a test does once per test method.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BuildBenchmark {

    /** One simulator, built from scratch. */
    @Benchmark
    public ConversationsSimulator buildTypical() {
        return Fixtures.typical();
    }
}
