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
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints their figures against the targets of BENCHMARKS.md. Takes JMH's own command-line
 * options (a benchmark filter, {@code -f}, {@code -i}, {@code -prof gc} …); with none it runs every benchmark with
 * the settings in its annotations, about eight minutes on two cores.
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
        if (given.getIncludes().isEmpty()) {
            builder.include("dev\\.convsim\\.benchmarks\\..*");
        }
        if (!given.getResult().hasValue()) {
            File target = new File("simulator-benchmarks/target");
            builder.resultFormat(ResultFormatType.JSON)
                    .result(new File(target.isDirectory() ? target : new File("."), "jmh-result.json").getPath());
        }
        Options options = builder.build();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Collection<RunResult> results = new Runner(options).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println();
        System.out.println(report(results, loadBefore, loadAfter));
    }

    /** The figures against the targets, as a Markdown table. */
    static String report(Collection<RunResult> results, double loadBefore, double loadAfter) {
        Figures f = new Figures(results);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %d cores, %s, load average %.2f before and %.2f after%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"), loadBefore, loadAfter));
        out.append("Medians of the measurement iterations of all forks; ± is JMH's 99.9% confidence half-width.\n\n");
        out.append("| # | benchmark | figure | target | verdict |\n|---|---|---|---|---|\n");
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

        row(out, "0", "floor, 1,000 live conversations", floorSmall, "msg/s", null, null);
        row(out, "0", "floor, 1,000,000 live conversations", floorLarge, "msg/s", null, null);
        row(out, "1", "receive() captured, 1,000 live", captureSmall, "msg/s", "≥ 1,000,000",
                captureSmall == null ? null : captureSmall.median >= 1_000_000);
        ratio(out, "1", "floor ÷ captured, 1,000 live", floorSmall, captureSmall, "≤ 5×");
        row(out, "2", "receive() autocreating, 4 deliveries", autocreate, "msg/s", "≥ 150,000",
                autocreate == null ? null : autocreate.median >= 150_000);
        ratio(out, "2", "autocreating ÷ the faster loopback round trip", autocreate, loopback, "(report)");
        row(out, "3", "receive() captured, 1,000,000 live", captureLarge, "msg/s", "≥ 300,000",
                captureLarge == null ? null : captureLarge.median >= 300_000);
        ratio(out, "3", "floor ÷ captured, 1,000,000 live", floorLarge, captureLarge, "≤ 5×");
        row(out, "4", "build a typical simulator", build, "µs", "≤ 20 µs", build == null ? null : build.median <= 20);
        row(out, "5", "retained heap per idle conversation", heap, "bytes", "≤ 1,024",
                heap == null ? null : heap.median <= 1024);
        row(out, "5", "… of which the conversation itself", heapBare, "bytes", null, null);
        row(out, "6", "loopback round trip, HttpClient", loopbackClient, "req/s", null, null);
        row(out, "6", "loopback round trip, HttpURLConnection", loopbackConnection, "req/s", null, null);
        row(out, "7", "50-step chain with invariants", chain, "chains/s", "≥ 500",
                chain == null ? null : chain.median >= 500);
        return out.toString();
    }

    private static void row(StringBuilder out, String number, String what, Figure figure, String unit,
            String target, Boolean met) {
        if (figure == null) {
            return;
        }
        out.append("| ").append(number).append(" | ").append(what).append(" | ").append(figure.text(unit))
                .append(" | ").append(target == null ? "" : target).append(" | ")
                .append(met == null ? "" : met ? "met" : "**missed**").append(" |\n");
    }

    private static void ratio(StringBuilder out, String number, String what, Figure numerator, Figure denominator,
            String target) {
        if (numerator == null || denominator == null) {
            return;
        }
        double ratio = numerator.median / denominator.median;
        Boolean met = target.startsWith("≤") ? ratio <= 5 : null;
        out.append("| ").append(number).append(" | ").append(what).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" | ").append(target).append(" | ")
                .append(met == null ? "" : met ? "met" : "**missed**").append(" |\n");
    }

    /** A median with its error and unit. */
    record Figure(double median, double error, int samples) {
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

        private RunResult find(String benchmark, String param) {
            for (RunResult r : results) {
                if (!r.getParams().getBenchmark().endsWith(benchmark)) {
                    continue;
                }
                if (param == null || r.getParams().getParamsKeys().stream()
                        .anyMatch(k -> param.equals(r.getParams().getParam(k)))) {
                    return r;
                }
            }
            return null;
        }

        Figure primary(String benchmark, String param) {
            RunResult r = find(benchmark, param);
            if (r == null) {
                return null;
            }
            Result<?> primary = r.getPrimaryResult();
            return new Figure(primary.getStatistics().getPercentile(50), primary.getScoreError(),
                    (int) primary.getStatistics().getN());
        }

        /** A secondary result per iteration (JMH sums event counters over iterations, so read them one by one). */
        Figure secondary(String benchmark, String param, String name) {
            RunResult r = find(benchmark, param);
            if (r == null) {
                return null;
            }
            List<Double> values = new ArrayList<>();
            for (BenchmarkResult fork : r.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    Result<?> result = iteration.getSecondaryResults().get(name);
                    if (result != null) {
                        values.add(result.getScore());
                    }
                }
            }
            if (values.isEmpty()) {
                return null;
            }
            values.sort(null);
            double median = values.size() % 2 == 1
                    ? values.get(values.size() / 2)
                    : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
            double spread = (values.get(values.size() - 1) - values.get(0)) / 2;
            return new Figure(median, values.size() > 1 ? spread : Double.NaN, values.size());
        }
    }
}
