package dev.convsim.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.scenario.Scenario;
import dev.convsim.scenario.ScenarioResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what it prints and the exit codes of the contract. */
class MainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run of the command line, captured. */
    private record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private static Run main(String... args) {
        return main(new ByteArrayInputStream(new byte[0]), args);
    }

    private static Run main(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path write(Path dir, String json) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, json);
        return file;
    }

    private static final String PASSING = """
            { "name": "passing", "setup": { "addressConfigurations": [
                { "address": "+15005550001", "type": "sms", "autoCreation": { "enabled": true } } ] },
              "steps": [ { "receive": { "from": "+15551230001", "to": "+15005550001", "body": "hi" },
                           "expect": { "outcome": "autocreated" } } ] }""";

    @Test
    void withNoArgumentTheDemoRunsReadablyAndEveryExpectationHolds() {
        Run run = main();
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("convsim · convsim demo: a support line on Twilio Conversations\n\n▶ step 0 receive");
        assertThat(run.out()).contains(
                "    webhook pre global onConversationAdd +15551230001 \"Hi, my order #1042 hasn't arrived\" → POST"
                        + " https://svc.example.com/conversations/pre: 200 {\"friendly_name\":\"Dana Whitfield\"}",
                "    routed CH…01 by pool to alice@example.com",
                "    ⇒ captured CH…01, message IM…02",
                "    routed CH…02 by pool to sam@example.com",
                "    ⇒ messagingWebhook: ",
                "    state CH…01 active → inactive (TIMER) at 2026-01-01T09:30:00Z",
                "✓ every expectation held");
        assertThat(run.outLines()).noneMatch(l -> l.startsWith("{"));
    }

    @Test
    void theDemoShowsEverythingTheReadmePromises() throws Exception {
        ScenarioResult demo;
        try (InputStream in = Main.class.getResourceAsStream(Main.DEMO_RESOURCE)) {
            demo = Scenario.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).run();
        }
        demo.assertPassed();
        assertThat(demo.simulator().api().fetchConversation("CH00000000000000000000000000000001").friendlyName())
                .as("the pre-action hook named the conversation").isEqualTo("Dana Whitfield");
        assertThat(demo.lines("result")).extracting(l -> l.path("outcome").asText(""))
                .containsSubsequence("autocreated", "captured", "autocreated", "messagingWebhook");
        assertThat(demo.lines("routed")).allSatisfy(l -> assertThat(l.path("worker").isTextual()).isTrue());
        assertThat(demo.lines("stateChanged")).anySatisfy(l -> assertThat(l.path("reason").asText()).isEqualTo("TIMER"));
    }

    @Test
    void demoJsonPrintsTheTraceAsJsonLines() throws Exception {
        Run run = main("demo", "--json");
        assertThat(run.code()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSizeGreaterThan(20);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(JSON.readTree(lines.get(i)).path("seq").asInt()).isEqualTo(i + 1);
        }
    }

    @Test
    void runPrintsTheTraceAsJsonLinesAndExitsZero(@TempDir Path dir) throws Exception {
        Path file = write(dir, PASSING);
        Run run = main("run", file.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines).isEqualTo(Scenario.load(file).run().traceLines());
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("seq").asInt()).isEqualTo(1);
        assertThat(first.path("type").asText()).isEqualTo("step");
    }

    @Test
    void runPrettyRendersForPeopleInEitherArgumentOrder(@TempDir Path dir) throws Exception {
        Path file = write(dir, PASSING);
        Run before = main("run", "--pretty", file.toString());
        Run after = main("run", file.toString(), "--pretty");
        assertThat(before).isEqualTo(after);
        assertThat(before.code()).isZero();
        assertThat(before.outLines()).startsWith("convsim · passing", "",
                "▶ step 0 receive +15551230001 → +15005550001 \"hi\" at 2026-01-01T00:00:00Z");
        assertThat(before.outLines()).endsWith("", "✓ every expectation held");
    }

    @Test
    void aFailedExpectationExitsOneAndSaysSoOnStandardError(@TempDir Path dir) throws Exception {
        Path file = write(dir, PASSING.replace("\"outcome\": \"autocreated\"", "\"outcome\": \"captured\""));
        Run run = main("run", file.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).contains("\"type\":\"expectation\""));
        assertThat(run.err()).isEqualTo("convsim: 1 expectation failed\n");
        Run pretty = main("run", "--pretty", file.toString());
        assertThat(pretty.code()).isEqualTo(1);
        assertThat(pretty.outLines()).last().isEqualTo("✗ 1 expectation failed");
    }

    @Test
    void anInvalidScenarioExitsTwoNamingTheJsonPathAndPrintsNoTrace(@TempDir Path dir) throws Exception {
        Path file = write(dir, PASSING.replace("\"from\": \"+15551230001\"", "\"from\": \"555\""));
        Run run = main("run", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("convsim: " + file + " is not a valid scenario: steps[0].receive.from: \"555\""
                + " is not an E.164 number: expected like +15551234567\n");
    }

    @Test
    void aSetupTheSimulatorRefusesExitsTwo(@TempDir Path dir) throws Exception {
        Path file = write(dir, "{\"setup\": {\"defaults\": {\"closedTimer\": \"PT1M\"}}, \"steps\": [{\"advance\": \"PT1M\"}]}");
        Run run = main("run", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("convsim: not a valid scenario: setup.defaults.closedTimer: DefaultClosedTimer [PT1M]");
    }

    @Test
    void aMissingFileExitsTwo(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        Run run = main("run", missing.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("convsim: " + missing + " is not a valid scenario: document: [" + missing
                + "] does not exist: give the path of a scenario file\n");
    }

    @Test
    void aDashReadsTheScenarioFromStandardInput() {
        Run run = main(new ByteArrayInputStream(PASSING.getBytes(StandardCharsets.UTF_8)), "run", "-");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).hasSizeGreaterThan(3);
    }

    @Test
    void usageErrorsExitTwoWithAClearMessage() {
        Run noFile = main("run");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).startsWith("convsim: run needs a scenario file, e.g. run scenarios/group-mms.json\nusage:");
        Run twoFiles = main("run", "a.json", "b.json");
        assertThat(twoFiles.code()).isEqualTo(2);
        assertThat(twoFiles.err()).startsWith("convsim: run takes one scenario file, got [a.json, b.json]");
        Run badOption = main("run", "--json", "a.json");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).startsWith("convsim: [--json] is not an option of run: expected --pretty");
        Run badCommand = main("check", "a.json");
        assertThat(badCommand.code()).isEqualTo(2);
        assertThat(badCommand.err()).startsWith("convsim: [check] is not a command: expected run, demo or help");
        assertThat(badCommand.out()).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        Run run = main("help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(Main.USAGE + "\n");
        assertThat(Main.USAGE).contains("0 every expectation held, 1 some expectation failed, 2 invalid scenario or usage");
    }
}
