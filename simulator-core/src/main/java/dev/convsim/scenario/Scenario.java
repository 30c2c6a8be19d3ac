package dev.convsim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scenario file, loaded and validated: a simulator's setup, the steps that drive it and what must happen
 * (the format is the README's "Scenario files" section). Running it builds a fresh simulator each time, so the same
 * file always gives the same trace.
 *
 * <pre>{@code
 * ScenarioResult result = Scenario.load(Path.of("scenarios/timers-inactive-closed.json")).run();
 * assertThat(result.exitCode()).isZero();
 * }</pre>
 */
public final class Scenario {

    private final Spec.Document document;

    private Scenario(Spec.Document document) {
        this.document = document;
    }

    /**
     * Reads and validates a scenario file (UTF-8).
     *
     * @throws ScenarioException naming the JSON path of the first problem, or the file when it cannot be read
     */
    public static Scenario load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("document", "[" + file + "] does not exist: give the path of a scenario file");
        } catch (IOException e) {
            throw new ScenarioException("document", "[" + file + "] cannot be read: " + e.getMessage());
        }
        return parse(text);
    }

    /**
     * Validates a scenario given as JSON text.
     *
     * @throws ScenarioException naming the JSON path of the first problem
     */
    public static Scenario parse(String json) {
        Objects.requireNonNull(json, "json");
        return new Scenario(ScenarioReader.read(json));
    }

    /** The scenario's {@code name}, or null. */
    public String name() {
        return document.name();
    }

    /** How many steps it has. */
    public int stepCount() {
        return document.steps().size();
    }

    /**
     * Builds the simulator from {@code setup}, runs every step and checks the expectations.
     *
     * @throws ScenarioException when {@code setup} is one the simulator refuses (e.g. an address configuration naming
     *     a conversation service that does not exist): nothing ran
     */
    public ScenarioResult run() {
        return new ScenarioRunner(document, null).run();
    }

    /** Like {@link #run()}, also handing each trace line (JSON) to {@code traceLine} as soon as it is written. */
    public ScenarioResult run(Consumer<String> traceLine) {
        Objects.requireNonNull(traceLine, "traceLine");
        return new ScenarioRunner(document, traceLine).run();
    }

    @Override
    public String toString() {
        return "Scenario[" + (document.name() == null ? "unnamed" : document.name()) + ", " + stepCount() + " steps]";
    }
}
