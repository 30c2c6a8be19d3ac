package dev.convsim.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs the benchmarks and prints their figures against the targets of BENCHMARKS.md. Takes JMH's own command-line
 * options (a benchmark filter, {@code -f}, {@code -i}, {@code -prof gc} …); with none it runs every benchmark with
 * the settings in its annotations, about ten minutes on two cores, with the forks of the floor and capture
 * benchmarks alternating one JVM at a time.
 *
 * <pre>{@code
 * java -jar simulator-benchmarks/target/benchmarks.jar              # everything, then the targets table
 * java -jar simulator-benchmarks/target/benchmarks.jar Capture -f 1 # one class, one fork
 * }</pre>
 */
public final class Main {

    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lrf", "-lprof");

    private Main() {
    }

    /**
     * Floor and capture, whose ratio is a target: run with everything, their forks alternate one at a time (floor,
     * capture, floor, capture …), so that a slow spell of a shared host falls on both rather than on one.
     */
    private static final String PAIRED = "dev\\.convsim\\.benchmarks\\.(FloorBenchmark|CaptureBenchmark)\\..*";

    /** Runs JMH with the given options, then prints the targets table for what ran. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException, Exception {
        for (String arg : args) {
            if (JMH_ONLY.contains(arg)) {
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        CommandLineOptions given = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(given);
        if (!given.getProfilers().stream().anyMatch(p -> p.getKlass().contains("CpuTimeProfiler"))) {
            builder.addProfiler(CpuTimeProfiler.class);
        }
        Options base = builder.build();
        File target = new File("simulator-benchmarks/target");
        String resultFile = given.getResult().hasValue()
                ? given.getResult().get()
                : new File(target.isDirectory() ? target : new File("."), "jmh-result.json").getPath();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<RunResult> results = new ArrayList<>();
        if (!given.getIncludes().isEmpty()) {
            results.addAll(new Runner(base).run());
        } else {
            results.addAll(new Runner(new OptionsBuilder().parent(base).include("dev\\.convsim\\.benchmarks\\..*")
                    .exclude(PAIRED).build()).run());
            int rounds = given.getForkCount().hasValue() ? Math.max(1, given.getForkCount().get()) : 3;
            for (int round = 0; round < rounds; round++) {
                for (String live : List.of("1000", "1000000")) {
                    for (String benchmark : List.of("FloorBenchmark", "CaptureBenchmark")) {
                        results.addAll(new Runner(new OptionsBuilder().parent(base)
                                .include("dev\\.convsim\\.benchmarks\\." + benchmark + "\\..*")
                                .param("liveConversations", live).forks(1).build()).run());
                    }
                }
            }
        }
        ResultFormatFactory.getInstance(given.getResultFormat().orElse(ResultFormatType.JSON), resultFile)
                .writeOut(results);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println();
        System.out.println("Results: " + resultFile);
        System.out.println(report(results, loadBefore, loadAfter));
    }

    /** The figures against the targets, as a Markdown table. */
    static String report(Collection<RunResult> results, double loadBefore, double loadAfter) {
        Figures f = new Figures(results);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %d cores, %s, load average %.2f before and %.2f after%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"), loadBefore, loadAfter));
        out.append("Wall clock: medians of the measurement iterations of all forks, ± JMH's 99.9% confidence"
                + " half-width.\nCPU: the same operation per second of the JVM's CPU time (all threads, GC"
                + " included): what one dedicated core does.\n\n");
        out.append("| # | benchmark | wall clock | CPU | target | verdict (wall / CPU) |\n|---|---|---|---|---|---|\n");
        Figure floorSmall = f.primary("FloorBenchmark.lookupAndAppend", "1000");
        Figure floorLarge = f.primary("FloorBenchmark.lookupAndAppend", "1000000");
        Figure captureSmall = f.primary("CaptureBenchmark.receive", "1000");
        Figure captureLarge = f.primary("CaptureBenchmark.receive", "1000000");
        Figure autocreate = f.primary("AutocreateBenchmark.receive", null);
        Figure build = f.primary("BuildBenchmark.buildTypical", null);
        Figure heap = f.secondary("RetainedHeapBenchmark.idleConversations", "default", "bytesPerConversation");
        Figure heapBare = f.secondary("RetainedHeapBenchmark.idleConversations", "1", "bytesPerConversation");
        Figure loopbackClient = f.primary("LoopbackHttpBenchmark.httpClient", null);
        Figure loopbackConnection = f.primary("LoopbackHttpBenchmark.urlConnection", null);
        Figure loopback = loopbackClient == null || loopbackConnection != null
                && loopbackConnection.median > loopbackClient.median ? loopbackConnection : loopbackClient;
        Figure chain = f.primary("ChainBenchmark.chain", null);

        rate(out, "0", "floor, 1,000 live conversations", floorSmall, "msg/s", 0);
        rate(out, "0", "floor, 1,000,000 live conversations", floorLarge, "msg/s", 0);
        rate(out, "1", "receive() captured, 1,000 live", captureSmall, "msg/s", 1_000_000);
        ratio(out, "1", "floor ÷ captured, 1,000 live", floorSmall, captureSmall, 5);
        bestRatio(out, "1", "… the same, fastest iteration of each", floorSmall, captureSmall);
        rate(out, "2", "receive() autocreating, 4 deliveries", autocreate, "msg/s", 150_000);
        ratio(out, "2", "autocreating ÷ the faster loopback round trip", autocreate, loopback, 0);
        rate(out, "3", "receive() captured, 1,000,000 live", captureLarge, "msg/s", 300_000);
        ratio(out, "3", "floor ÷ captured, 1,000,000 live", floorLarge, captureLarge, 5);
        bestRatio(out, "3", "… the same, fastest iteration of each", floorLarge, captureLarge);
        if (build != null) {
            out.append(String.format(Locale.ROOT, "| 4 | build a typical simulator | %s | %s | ≤ 20 µs | %s |%n",
                    build.text("µs"), build.cpuNanos() == null ? "" : String.format(Locale.ROOT, "%.1f µs",
                            build.cpuNanos() / 1000), verdict(build.median <= 20,
                            build.cpuNanos() == null ? null : build.cpuNanos() / 1000 <= 20)));
        }
        if (heap != null) {
            out.append("| 5 | retained heap per idle conversation | ").append(heap.text("bytes"))
                    .append(" | | ≤ 1,024 bytes | ").append(heap.median <= 1024 ? "met" : "**missed**").append(" |\n");
        }
        if (heapBare != null) {
            out.append("| 5 | … of which the conversation itself (journal of 1) | ").append(heapBare.text("bytes"))
                    .append(" | | | |\n");
        }
        rate(out, "6", "loopback round trip, HttpClient", loopbackClient, "req/s", 0);
        rate(out, "6", "loopback round trip, HttpURLConnection", loopbackConnection, "req/s", 0);
        rate(out, "7", "50-step chain with invariants", chain, "chains/s", 500);
        return out.toString();
    }

    private static String verdict(boolean wall, Boolean cpu) {
        return (wall ? "met" : "**missed**") + (cpu == null ? "" : " / " + (cpu ? "met" : "**missed**"));
    }

    private static void rate(StringBuilder out, String number, String what, Figure figure, String unit,
            double atLeast) {
        if (figure == null) {
            return;
        }
        Double cpu = figure.cpuRate();
        out.append("| ").append(number).append(" | ").append(what).append(" | ").append(figure.text(unit))
                .append(" | ").append(cpu == null ? "" : String.format(Locale.ROOT, "%,.0f %s", cpu, unit))
                .append(" | ").append(atLeast > 0 ? String.format(Locale.ROOT, "≥ %,.0f", atLeast) : "")
                .append(" | ").append(atLeast > 0 ? verdict(figure.median >= atLeast, cpu == null ? null : cpu >= atLeast)
                        : "")
                .append(" |\n");
    }

    /** How many times slower the denominator is: a rate ratio, numerator over denominator. */
    private static void ratio(StringBuilder out, String number, String what, Figure numerator, Figure denominator,
            double atMost) {
        if (numerator == null || denominator == null) {
            return;
        }
        double wall = numerator.median / denominator.median;
        Double cpu = numerator.cpuRate() == null || denominator.cpuRate() == null
                ? null
                : numerator.cpuRate() / denominator.cpuRate();
        out.append("| ").append(number).append(" | ").append(what).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f×", wall)).append(" | ")
                .append(cpu == null ? "" : String.format(Locale.ROOT, "%.2f×", cpu)).append(" | ")
                .append(atMost > 0 ? String.format(Locale.ROOT, "≤ %.0f×", atMost) : "").append(" | ")
                .append(atMost > 0 ? verdict(wall <= atMost, cpu == null ? null : cpu <= atMost) : "")
                .append(" |\n");
    }

    /**
     * The ratio of the fastest measured iterations: when other work on the machine slows some iterations of one
     * benchmark and not of the other, this is the ratio of the two costs with the least of that noise in it.
     */
    private static void bestRatio(StringBuilder out, String number, String what, Figure numerator,
            Figure denominator) {
        if (numerator == null || denominator == null || Double.isNaN(numerator.best())
                || Double.isNaN(denominator.best())) {
            return;
        }
        out.append("| ").append(number).append(" | ").append(what).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f× (%,.0f ÷ %,.0f)", numerator.best() / denominator.best(),
                        numerator.best(), denominator.best()))
                .append(" | | | |\n");
    }

    /**
     * A median with its error, the best (highest) iteration, and the CPU nanoseconds per operation when measured.
     */
    record Figure(double median, double error, int samples, double best, Double cpuNanosPerOp) {
        Double cpuNanos() {
            return cpuNanosPerOp;
        }

        /** Operations per second of CPU time. */
        Double cpuRate() {
            return cpuNanosPerOp == null ? null : 1e9 / cpuNanosPerOp;
        }

        String text(String unit) {
            return Double.isNaN(error)
                    ? String.format(Locale.ROOT, "%,.1f %s (%d samples)", median, unit, samples)
                    : String.format(Locale.ROOT, "%,.1f ± %,.1f %s", median, error, unit);
        }
    }

    /** Looks figures up by benchmark and parameter. */
    private static final class Figures {
        private final Collection<RunResult> results;

        Figures(Collection<RunResult> results) {
            this.results = results;
        }

        /** Every run of the benchmark with this parameter value (the paired benchmarks run once per fork). */
        private List<RunResult> find(String benchmark, String param) {
            List<RunResult> found = new ArrayList<>();
            for (RunResult r : results) {
                if (!r.getParams().getBenchmark().endsWith(benchmark)) {
                    continue;
                }
                if (param == null || r.getParams().getParamsKeys().stream()
                        .anyMatch(k -> param.equals(r.getParams().getParam(k)))) {
                    found.add(r);
                }
            }
            return found;
        }

        /** The primary score of every measured iteration of every fork of these runs. */
        Figure primary(String benchmark, String param) {
            List<RunResult> runs = find(benchmark, param);
            if (runs.isEmpty()) {
                return null;
            }
            ListStatistics scores = new ListStatistics();
            for (RunResult r : runs) {
                for (BenchmarkResult fork : r.getBenchmarkResults()) {
                    for (IterationResult iteration : fork.getIterationResults()) {
                        scores.addValue(iteration.getPrimaryResult().getScore());
                    }
                }
            }
            double error = scores.getN() > 2 ? scores.getMeanErrorAt(0.999) : Double.NaN;
            return new Figure(scores.getPercentile(50), error, (int) scores.getN(), scores.getMax(),
                    median(runs, "cpu.ns/op"));
        }

        /** A secondary result per iteration (JMH sums event counters over iterations, so read them one by one). */
        Figure secondary(String benchmark, String param, String name) {
            List<RunResult> runs = find(benchmark, param);
            List<Double> values = values(runs, name);
            if (values.isEmpty()) {
                return null;
            }
            double spread = (values.get(values.size() - 1) - values.get(0)) / 2;
            return new Figure(median(runs, name), values.size() > 1 ? spread : Double.NaN, values.size(), Double.NaN,
                    null);
        }

        private static List<Double> values(List<RunResult> runs, String name) {
            List<Double> values = new ArrayList<>();
            for (RunResult r : runs) {
                for (BenchmarkResult fork : r.getBenchmarkResults()) {
                    for (IterationResult iteration : fork.getIterationResults()) {
                        Result<?> result = iteration.getSecondaryResults().get(name);
                        if (result != null) {
                            values.add(result.getScore());
                        }
                    }
                }
            }
            values.sort(null);
            return values;
        }

        private static Double median(List<RunResult> runs, String name) {
            List<Double> values = values(runs, name);
            if (values.isEmpty()) {
                return null;
            }
            return values.size() % 2 == 1
                    ? values.get(values.size() / 2)
                    : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
        }
    }
}
