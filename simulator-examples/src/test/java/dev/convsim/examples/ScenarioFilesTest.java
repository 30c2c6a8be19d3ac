package dev.convsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.scenario.Scenario;
import dev.convsim.scenario.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every file in {@code simulator-examples/scenarios/} runs with every expectation holding (exit 0). */
class ScenarioFilesTest {

    private static final Path FOLDER = Path.of("scenarios");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CH1 = "CH00000000000000000000000000000001";
    private static final String CH2 = "CH00000000000000000000000000000002";

    private static List<Path> files() {
        try (Stream<Path> list = Files.list(FOLDER)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the file has a rest step or an endpoint rule with calls: those need the REST dispatcher. */
    private static boolean usesRest(Path file) {
        JsonNode doc = tree(file);
        for (JsonNode step : doc.path("steps")) {
            if (step.has("rest")) {
                return true;
            }
        }
        for (JsonNode rules : doc.path("endpoints")) {
            for (JsonNode rule : rules) {
                if (rule.has("calls")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Stream<DynamicTest> runEach(boolean withRest) {
        return files().stream().filter(f -> usesRest(f) == withRest).map(f -> DynamicTest.dynamicTest(
                f.getFileName().toString(), () -> {
                    ScenarioResult result = Scenario.load(f).run();
                    result.assertPassed();
                    assertThat(result.exitCode()).isZero();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioFileRunsWithEveryExpectationHolding() {
        return runEach(false);
    }

        @TestFactory
    Stream<DynamicTest> everyScenarioFileWithRestStepsRunsWithEveryExpectationHolding() {
        return runEach(true);
    }

    @Test
    void theFolderHoldsAtLeastEightScenariosEachWithANameAndExpectations() {
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        assertThat(files.stream().filter(f -> !usesRest(f)).count()).isGreaterThanOrEqualTo(8);
        for (Path f : files) {
            JsonNode doc = tree(f);
            assertThat(doc.path("name").asText()).as(f + " has a name").isNotBlank();
            long expectations = 0;
            for (JsonNode step : doc.path("steps")) {
                expectations += step.path("expect").size();
            }
            assertThat(expectations).as(f + " states what must happen").isGreaterThanOrEqualTo(3);
        }
    }

    private static ScenarioResult run(String file) {
        return Scenario.load(FOLDER.resolve(file)).run();
    }

    @Test
    void groupMmsAutocreationGoesFromInitializingToActiveWithReasonEvent() {
        JsonNode change = run("group-mms.json").lines("stateChanged").get(0);
        assertThat(change.path("conversationSid").asText()).isEqualTo(CH1);
        assertThat(change.path("from").asText()).isEqualTo("initializing");
        assertThat(change.path("to").asText()).isEqualTo("active");
        assertThat(change.path("reason").asText()).isEqualTo("EVENT");
    }

    @Test
    void aStudioAddressSendsMessagesToTheFlowThroughAConversationScopedWebhook() {
        JsonNode hook = run("flex-studio-address.json").lines("webhook").get(0);
        assertThat(hook.path("scope").asText()).isEqualTo("conversation");
        assertThat(hook.path("url").asText()).isEqualTo(
                "https://webhooks.twilio.com/v1/Accounts/AC00000000000000000000000000000001/Flows/FW00000000000000000000000000000001");
    }

    @Test
    void aRejectedAutocreationDoesNotFallBackToTheMessagingWebhook() {
        ScenarioResult r = run("pre-action-rejection.json");
        assertThat(r.lines("webhook")).noneSatisfy(w -> assertThat(w.path("scope").asText()).isEqualTo("messaging"));
        assertThat(r.lines("result").get(0).path("outcome").asText()).isEqualTo("dropped");
        assertThat(r.simulator().api().listMessages(CH1)).extracting(m -> m.body())
                .containsExactly("Hi, I need help", "my card is [redacted]");
    }

    @Test
    void aConsoleChangeWaitsForThePropagationDelay() {
        JsonNode configured = run("console-propagation-delay.json").lines("result").get(0);
        assertThat(configured.path("applied").asBoolean()).isFalse();
        assertThat(configured.path("appliesAt").asText()).isEqualTo("2026-01-01T00:01:00Z");
    }

    @Test
    void poolRoutingHandsTheQueueToTheFirstWorkerWhoBecomesAvailable() {
        ScenarioResult r = run("frontline-pool-routing.json");
        assertThat(r.lines("result").get(2).path("assigned").toString()).isEqualTo("[\"" + CH1 + "\",\"" + CH2 + "\"]");
        assertThat(r.lines("routed")).extracting(l -> l.path("worker").asText(null))
                .containsExactly(null, null, "alice@example.com", "alice@example.com", "bob@example.com");
    }

    @Test
    void timersCloseWithReasonTimerAndActivityReactivatesWithReasonEvent() {
        assertThat(run("timers-inactive-closed.json").lines("stateChanged"))
                .extracting(l -> l.path("from").asText() + "→" + l.path("to").asText() + " " + l.path("reason").asText())
                .containsExactly("active→inactive TIMER", "inactive→active EVENT", "active→inactive TIMER",
                        "inactive→closed TIMER");
    }
}
