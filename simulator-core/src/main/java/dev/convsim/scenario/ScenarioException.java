package dev.convsim.scenario;

/**
 * A scenario file that is not a valid scenario: the message names the JSON path and what was expected there, e.g.
 * {@code steps[3].receive.from: "555" is not an E.164 number: expected like +15551234567}. Nothing was run; the
 * command-line runner exits with {@link #EXIT_CODE}.
 */
public final class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The exit code of an invalid scenario. */
    public static final int EXIT_CODE = 2;

    private final String path;
    private final String problem;

    /** An error at a JSON path ({@code steps[3].receive.from}, or {@code document} for the whole file). */
    public ScenarioException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** The JSON path of the bad value, e.g. {@code steps[3].receive.from}. */
    public String path() {
        return path;
    }

    /** What is wrong there and what was expected, without the path. */
    public String problem() {
        return problem;
    }
}
