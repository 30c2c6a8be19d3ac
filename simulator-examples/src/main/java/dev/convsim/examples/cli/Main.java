package dev.convsim.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.scenario.PrettyTrace;
import dev.convsim.scenario.Scenario;
import dev.convsim.scenario.ScenarioException;
import dev.convsim.scenario.ScenarioResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The command-line runner: runs a scenario file and prints its trace.
 *
 * <pre>
 * java -jar simulator-examples/target/convsim.jar                       # the built-in demo, readable
 * java -jar simulator-examples/target/convsim.jar run FILE              # the trace as JSON Lines
 * java -jar simulator-examples/target/convsim.jar run --pretty FILE     # the trace, readable
 * </pre>
 *
 * <p>Exit codes: 0 every expectation held, 1 some expectation failed, 2 the file is not a valid scenario or the
 * command line is wrong.
 */
public final class Main {

    /** The built-in demo scenario, a classpath resource. */
    public static final String DEMO_RESOURCE = "/dev/convsim/examples/cli/demo.json";

    static final String USAGE = String.join("\n",
            "usage: java -jar convsim.jar                        run the built-in demo, readable",
            "       java -jar convsim.jar run [--pretty] FILE    run a scenario file (FILE - reads standard input);",
            "                                                    prints the trace as JSON Lines, or readable with --pretty",
            "       java -jar convsim.jar demo [--json]          the built-in demo; --json prints its JSON Lines trace",
            "       java -jar convsim.jar help                   this text",
            "exit codes: 0 every expectation held, 1 some expectation failed, 2 invalid scenario or usage");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line against the given streams.
     *
     * @return the exit code
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty()) {
            return demo(true, out, err);
        }
        String command = rest.remove(0);
        switch (command) {
            case "help", "--help", "-h" -> {
                if (!rest.isEmpty()) {
                    return usage(err, "help takes no arguments, got " + rest);
                }
                out.println(USAGE);
                return 0;
            }
            case "demo" -> {
                boolean json = rest.remove("--json");
                if (!rest.isEmpty()) {
                    return usage(err, "demo takes only --json, got " + rest);
                }
                return demo(!json, out, err);
            }
            case "run" -> {
                boolean pretty = rest.remove("--pretty");
                for (String arg : rest) {
                    if (arg.startsWith("--")) {
                        return usage(err, "[" + arg + "] is not an option of run: expected --pretty");
                    }
                }
                if (rest.size() != 1) {
                    return usage(err, rest.isEmpty() ? "run needs a scenario file, e.g. run scenarios/group-mms.json"
                            : "run takes one scenario file, got " + rest);
                }
                String file = rest.get(0);
                Scenario scenario;
                try {
                    scenario = file.equals("-") ? Scenario.parse(readAll(in)) : Scenario.load(Path.of(file));
                } catch (ScenarioException e) {
                    err.println("convsim: " + file + " is not a valid scenario: " + e.getMessage());
                    return ScenarioException.EXIT_CODE;
                }
                return execute(scenario, pretty, out, err);
            }
            default -> {
                return usage(err, "[" + command + "] is not a command: expected run, demo or help");
            }
        }
    }

    private static int demo(boolean pretty, PrintStream out, PrintStream err) {
        String text;
        try (InputStream in = Main.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo scenario " + DEMO_RESOURCE + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int code = execute(Scenario.parse(text), pretty, out, err);
        if (pretty) {
            out.println();
            out.println("This was the built-in demo. Run your own scenario file:");
            out.println("  java -jar simulator-examples/target/convsim.jar run --pretty simulator-examples/scenarios/group-mms.json");
            out.println("  java -jar simulator-examples/target/convsim.jar run FILE        (JSON Lines, for tools)");
        }
        return code;
    }

    private static int execute(Scenario scenario, boolean pretty, PrintStream out, PrintStream err) {
        if (pretty && scenario.name() != null) {
            out.println("convsim · " + scenario.name());
            out.println();
        }
        Consumer<String> sink = pretty ? line -> out.println(PrettyTrace.line(parse(line))) : out::println;
        ScenarioResult result;
        try {
            result = scenario.run(sink);
        } catch (ScenarioException e) {
            err.println("convsim: not a valid scenario: " + e.getMessage());
            return ScenarioException.EXIT_CODE;
        }
        int failed = result.failures().size();
        String summary = failed == 0 ? "✓ every expectation held"
                : "✗ " + failed + (failed == 1 ? " expectation" : " expectations") + " failed";
        if (pretty) {
            out.println();
            out.println(summary);
        } else if (failed > 0) {
            err.println("convsim: " + summary.substring(2));
        }
        return result.exitCode();
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the runner wrote a line that is not JSON: " + line, e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException("document", "standard input cannot be read: " + e.getMessage());
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("convsim: " + problem);
        err.println(USAGE);
        return 2;
    }
}
