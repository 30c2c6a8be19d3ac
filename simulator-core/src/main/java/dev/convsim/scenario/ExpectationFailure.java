package dev.convsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One expectation that did not hold: the step, the {@code expect} key, what the file expected and what happened.
 * Prints as one line: {@code steps[2] expect.outcome: expected "captured", actual "autocreated"}.
 *
 * @param index the step's index, from 0
 * @param key the {@code expect} key ({@code outcome}, {@code state}, …), or {@code error} when the step could not run
 */
public record ExpectationFailure(int index, String key, JsonNode expected, JsonNode actual) {

    /** Copies the JSON values. */
    public ExpectationFailure {
        expected = expected.deepCopy();
        actual = actual.deepCopy();
    }

    @Override
    public JsonNode expected() {
        return expected.deepCopy();
    }

    @Override
    public JsonNode actual() {
        return actual.deepCopy();
    }

    @Override
    public String toString() {
        if (key.equals("error")) {
            return "steps[" + index + "] could not run: " + actual.asText();
        }
        return "steps[" + index + "] expect." + key + ": expected " + expected + ", actual " + actual;
    }
}
