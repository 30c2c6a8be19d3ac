package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.model.Address;
import dev.convsim.model.PhoneNumber;
import dev.convsim.rest.RestDispatcher;
import dev.convsim.rest.RestResponse;
import dev.convsim.scenario.Scenario;
import dev.convsim.scenario.ScenarioException;
import dev.convsim.scenario.ScenarioResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inputs the fuzz properties ({@link RestFuzzProperties}, {@code ScenarioFuzzProperties}) found failing, kept as
 * examples. Each once escaped as an unexpected exception (a 500 with code 20500 from the dispatcher, an
 * {@link ArithmeticException} or {@link java.time.DateTimeException} from the engine); each is now a documented error
 * that names the value and changes nothing.
 */
class FuzzCounterexamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER = "+15005550001";
    private static final String CH1 = "CH00000000000000000000000000000001";
    /** {@code Long.MAX_VALUE} seconds, as {@link Duration#toString()} writes it: Instant arithmetic overflows on it. */
    private static final String HUGE = "PT2562047788015215H";

    private final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER).build();
    private final RestDispatcher rest = new RestDispatcher(sim);

    private RestResponse post(String path, String name, String value) {
        return rest.handle("POST", path, Map.of(name, List.of(value)), Map.of());
    }

    private static JsonNode json(RestResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    // ------------------------------------------------------------------ REST

    @Test
    void aListFilterOnTheLastDayJavaCanHoldIsA400NamingTheValue() throws Exception {
        RestResponse r = rest.handle("GET", "/v1/Conversations?EndDate=%2B999999999-12-31", Map.of(), Map.of());

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("code").asInt()).isEqualTo(20001);
        assertThat(json(r).get("message").asText()).isEqualTo("EndDate [+999999999-12-31] is not an ISO-8601 date:"
                + " expected like 2026-01-01T00:00:00Z or 2026-01-01");
    }

    @Test
    void aConversationTimerJavaCannotAddIsA400ThatChangesNothing() throws Exception {
        String created = rest.handle("POST", "/v1/Conversations", Map.of(), Map.of()).body();
        String journal = sim.journalText();

        RestResponse r = post("/v1/Conversations/" + CH1, "Timers.Closed", HUGE);

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("code").asInt()).isEqualTo(20001);
        assertThat(json(r).get("message").asText()).isEqualTo("Timers.Closed [" + HUGE + "] is longer than"
                + " convsim's maximum of 36500 days: use at most P36500D, or PT0S to disable");
        assertThat(rest.handle("GET", "/v1/Conversations/" + CH1, Map.of(), Map.of()).body()).isEqualTo(created);
        assertThat(sim.journalText()).isEqualTo(journal);
    }

    @Test
    void aDefaultTimerJavaCannotAddIsRefusedSoLaterConversationsStillAutocreate() throws Exception {
        RestResponse r = post("/v1/Configuration", "DefaultInactiveTimer", HUGE);

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("code").asInt()).isEqualTo(20001);
        assertThat(sim.api().fetchConfiguration().defaultInactiveTimer()).isNull();
        assertThat(sim.receive("+15551230001", NUMBER, "hi").kind()).isEqualTo("autocreated");
    }

    @Test
    void theLongestTimerIsAHundredYears() throws Exception {
        RestResponse longest = rest.handle("POST", "/v1/Conversations",
                Map.of("State", List.of("active"), "Timers.Inactive", List.of("P36500D")), Map.of());
        RestResponse longer = rest.handle("POST", "/v1/Conversations",
                Map.of("State", List.of("active"), "Timers.Inactive", List.of("P36501D")), Map.of());

        assertThat(longest.status()).isEqualTo(201);
        assertThat(json(longest).get("timers").get("date_inactive").asText()).isEqualTo("2125-12-08T00:00:00Z");
        assertThat(longer.status()).isEqualTo(400);
        assertThat(json(longer).get("message").asText()).startsWith("Timers.Inactive [P36501D] is longer than");
    }

    // ------------------------------------------------------------------ the clock and the options

    @Test
    void advancingPastTheLastInstantIsRefusedNamingTheDurationAndLeavesTheClock() {
        Instant before = sim.now();

        assertThatThrownBy(() -> sim.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("[PT2562047788015215H30M7S] moves the clock past 9999-12-31T23:59:59Z, the last instant"
                        + " convsim simulates: advance by at most PT69898631H59M59S");
        assertThat(sim.now()).isEqualTo(before);
        assertThat(sim.advance(Duration.between(before, ConversationsSimulator.LAST_INSTANT)))
                .isEqualTo(ConversationsSimulator.LAST_INSTANT);
    }

    @Test
    void aStartAfterTheLastInstantIsRefused() {
        assertThatThrownBy(() -> ConversationsSimulator.builder().start(Instant.MAX))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("start [+1000000000-12-31T23:59:59.999999999Z] is after 9999-12-31T23:59:59Z");
    }

    @Test
    void aPropagationDelayJavaCannotAddIsRefusedBeforeAnyChangeIsScheduled() {
        FidelityOptions.Builder options = FidelityOptions.defaults().toBuilder()
                .autocreationPropagationDelay(Duration.ofDays(106_751_991_167_300L));

        // it was accepted, and the next console change threw ArithmeticException from putPhoneNumber
        assertThatThrownBy(options::build).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("autocreationPropagationDelay [PT2562047788015200H] is longer than");
        ConversationsSimulator longest = ConversationsSimulator.builder().options(FidelityOptions.defaults()
                .toBuilder().autocreationPropagationDelay(ConversationsSimulator.MAX_DELAY).build()).build();
        longest.putPhoneNumber(new PhoneNumber(Address.parse("+15005550009"), null, "POST"));
        assertThat(longest.phoneNumbers()).isEmpty();
    }

    @Test
    void aWebhookTimeoutOverADayIsRefused() {
        assertThatThrownBy(() -> FidelityOptions.defaults().toBuilder().webhookTimeout(Duration.ofDays(2)).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhookTimeout [PT48H] is longer than a day: use at most P1D");
    }

    // ------------------------------------------------------------------ scenario files

    private static ScenarioException invalid(String json) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenario.parse(json));
        assertThat(e).as("expected %s to be rejected", json).isNotNull();
        return e;
    }

    @Test
    void aScenarioStartingAfterTheLastInstantIsRejectedAtStart() {
        // it loaded, and its first inbound message failed with "Instant exceeds minimum or maximum instant"
        ScenarioException e = invalid("""
                { "start": "+1000000000-12-31T23:59:59Z", "steps": [] }""");

        assertThat(e.getMessage()).isEqualTo("start: \"+1000000000-12-31T23:59:59Z\" is after 9999-12-31T23:59:59Z,"
                + " the last instant convsim simulates: expected like 2026-01-01T00:00:00Z");
    }

    @Test
    void anAdvanceJavaCannotAddIsRejectedAtItsStep() {
        // it loaded, and the step failed with "long overflow"
        ScenarioException e = invalid("{ \"steps\": [ { \"advance\": \"" + HUGE + "\" } ] }");

        assertThat(e.path()).isEqualTo("steps[0].advance");
        assertThat(e.problem()).isEqualTo("\"" + HUGE + "\" moves the clock from 2026-01-01T00:00:00Z past"
                + " 9999-12-31T23:59:59Z, the last instant convsim simulates: advance by at most PT69898631H59M59S");
    }

    @Test
    void advancesThatTogetherPassTheLastInstantAreRejectedAtTheOneThatCrosses() {
        ScenarioException e = invalid("""
                { "start": "9999-01-01T00:00:00Z",
                  "steps": [ { "advance": "P300D" }, { "receive": { "from": "+15551230001", "to": "+15005550001" } },
                             { "advance": "P65D" } ] }""");

        assertThat(e.path()).isEqualTo("steps[2].advance");
        assertThat(e.problem()).startsWith("\"P65D\" moves the clock from 9999-10-28T00:00:00Z past");
    }

    @Test
    void aScenarioPropagationDelayJavaCannotAddIsRejectedAtItsOption() {
        // it loaded, and its configure step failed with "long overflow"
        ScenarioException e = invalid("""
                { "setup": { "options": { "autocreationPropagationDelay": "P106751991167300D" } }, "steps": [] }""");

        assertThat(e.path()).isEqualTo("setup.options.autocreationPropagationDelay");
    }

    @Test
    void aStepThatFailsNamesTheExceptionTypeInItsTraceSoAConvsimBugStandsOut() {
        ScenarioResult r = Scenario.parse("""
                { "steps": [ { "configure": { "addressConfigurations": [ { "address": "+15005550001", "type": "sms",
                    "autoCreation": { "enabled": true, "conversationServiceSid": "IS00000000000000000000000000000007" }
                  } ] } } ] }""").run();

        JsonNode error = r.lines("result").get(0).path("error");
        assertThat(error.path("exception").asText()).isEqualTo("ScenarioException");
        assertThat(error.path("message").asText()).startsWith("steps[0].configure.addressConfigurations[0]: ");
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
