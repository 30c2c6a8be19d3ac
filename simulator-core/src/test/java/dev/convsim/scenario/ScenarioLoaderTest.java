package dev.convsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed scenario files fail to load with the JSON path and what was expected there; nothing runs. */
class ScenarioLoaderTest {

    private static ScenarioException invalid(String json) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenario.parse(json));
        assertThat(e).as("expected %s to be rejected", json).isNotNull();
        return e;
    }

    /** A document whose only step is the given JSON. */
    private static String oneStep(String step) {
        return "{\"steps\": [" + step + "]}";
    }

    private static String withSetup(String setup) {
        return "{\"setup\": " + setup + ", \"steps\": []}";
    }

    // ------------------------------------------------------------------ the document

    @Test
    void textThatIsNotJsonNamesTheLineAndColumn() {
        ScenarioException e = invalid("{\"steps\": [\n  {\"advance\": PT1M}\n]}");
        assertThat(e.path()).isEqualTo("document");
        assertThat(e.getMessage()).startsWith("document: is not valid JSON at line 2, column 19: Unrecognized token 'PT1M'");
    }

    @Test
    void aKeyWrittenTwiceInOneObjectIsRejected() {
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"advance\": \"PT2M\"}")).getMessage())
                .startsWith("document: is not valid JSON at line 1").contains("Duplicate field 'advance'");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() {
        assertThat(invalid("[1, 2]").getMessage())
                .isEqualTo("document: [1,2] is not an object: expected a JSON object with \"steps\"");
        assertThat(invalid("").getMessage()).isEqualTo("document: is empty: expected a JSON object with \"steps\"");
    }

    @Test
    void stepsAreRequired() {
        assertThat(invalid("{\"name\": \"x\"}").getMessage()).isEqualTo("steps: missing: expected a list of steps");
    }

    @Test
    void anUnknownTopLevelKeyIsRejectedWithTheKnownOnes() {
        assertThat(invalid("{\"steps\": [], \"step\": []}").getMessage()).isEqualTo(
                "step: is not a known key here: expected one of [name, start, setup, endpoints, steps]");
    }

    @Test
    void startMustBeAnIsoInstant() {
        assertThat(invalid("{\"start\": \"2026-01-01\", \"steps\": []}").getMessage()).isEqualTo(
                "start: \"2026-01-01\" is not an ISO-8601 instant: expected like 2026-01-01T00:00:00Z");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Scenario.load(missing)).isInstanceOf(ScenarioException.class)
                .hasMessage("document: [" + missing + "] does not exist: give the path of a scenario file");
    }

    @Test
    void aFileLoadsLikeItsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"name\": \"from a file\", \"steps\": [{\"advance\": \"PT1M\"}]}");
        Scenario s = Scenario.load(file);
        assertThat(s.name()).isEqualTo("from a file");
        assertThat(s.stepCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ steps

    @Test
    void anUnknownStepKindIsRejectedWithTheKinds() {
        assertThat(invalid(oneStep("{\"send\": {}}")).getMessage()).isEqualTo(
                "steps[0].send: is not a step key: expected exactly one of [receive, advance, rest, worker, configure],"
                        + " plus optional \"expect\" (and \"note\")");
    }

    @Test
    void aStepWithTwoStepKeysIsRejected() {
        ScenarioException e = invalid(oneStep("{\"advance\": \"PT1M\", \"worker\": {\"identity\": \"a\", \"available\": true}}"));
        assertThat(e.path()).isEqualTo("steps[0]");
        assertThat(e.getMessage()).isEqualTo("steps[0]: has both \"advance\" and \"worker\": a step has exactly one of"
                + " [receive, advance, rest, worker, configure]; split it into two steps");
    }

    @Test
    void aStepWithNoStepKeyIsRejected() {
        assertThat(invalid(oneStep("{\"expect\": {}}")).getMessage())
                .isEqualTo("steps[0]: has no step: expected exactly one of [receive, advance, rest, worker, configure]");
    }

    @Test
    void aBadNumberNamesItsPathAsTheContractShows() {
        String json = "{\"steps\": [{\"advance\": \"PT1M\"}, {\"advance\": \"PT1M\"}, {\"advance\": \"PT1M\"},"
                + " {\"receive\": {\"from\": \"555\", \"to\": \"+15005550001\"}}]}";
        ScenarioException e = invalid(json);
        assertThat(e.path()).isEqualTo("steps[3].receive.from");
        assertThat(e.getMessage()).isEqualTo(
                "steps[3].receive.from: \"555\" is not an E.164 number: expected like +15551234567");
    }

    @Test
    void aBadWhatsAppAddressIsNamed() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"whatsapp:555\", \"to\": \"whatsapp:+15005550001\"}}"))
                .getMessage()).isEqualTo(
                "steps[0].receive.from: \"whatsapp:555\" is not a WhatsApp address: expected like whatsapp:+15551234567");
    }

    @Test
    void aBadOtherRecipientIsNamedByIndex() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\","
                + " \"otherRecipients\": [\"+15551230002\", \"12\"]}}")).path())
                .isEqualTo("steps[0].receive.otherRecipients[1]");
    }

    @Test
    void aMessageTheCarrierCouldNotSendIsRejectedAtTheReceiveStep() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"whatsapp:+15005550001\"}}"))
                .getMessage()).isEqualTo("steps[0].receive: [+15551230001 → whatsapp:+15005550001] mixes channels:"
                        + " From and To must both be SMS numbers or both WhatsApp addresses");
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15551230001\"}}"))
                .getMessage()).isEqualTo("steps[0].receive: [+15551230001] is both From and To:"
                        + " a message goes between two addresses");
    }

    @Test
    void aBodyOverTwilioLimitIsRejected() {
        String body = "x".repeat(1601);
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\", \"body\": \""
                + body + "\"}}")).getMessage()).isEqualTo(
                "steps[0].receive.body: is 1601 characters long: Twilio accepts at most 1600 (error 21617)");
    }

    @Test
    void mediaNeedsAContentType() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\","
                + " \"media\": [{\"filename\": \"a.jpg\"}]}}")).getMessage())
                .isEqualTo("steps[0].receive.media[0].contentType: missing: expected a content type like \"image/jpeg\"");
    }

    @Test
    void wrongTypesNameWhatWasExpected() {
        assertThat(invalid("{\"steps\": {}}").getMessage()).isEqualTo("steps: {} is not a list: expected a JSON array");
        assertThat(invalid(oneStep("{\"receive\": {\"from\": 15551230001, \"to\": \"+15005550001\"}}")).getMessage())
                .isEqualTo("steps[0].receive.from: 15551230001 is not a string: expected a JSON string");
        assertThat(invalid(oneStep("{\"worker\": {\"identity\": \"a@example.com\", \"available\": \"yes\"}}"))
                .getMessage()).isEqualTo("steps[0].worker.available: \"yes\" is not a boolean: expected true or false");
        assertThat(invalid(oneStep("{\"receive\": \"hello\"}")).getMessage()).isEqualTo(
                "steps[0].receive: \"hello\" is not an object: expected an object like"
                        + " {\"from\": \"+15551230001\", \"to\": \"+15005550001\", \"body\": \"hello\"}");
        assertThat(invalid(oneStep("{\"advance\": 30}")).getMessage())
                .isEqualTo("steps[0].advance: 30 is not a string: expected a JSON string");
    }

    @Test
    void anUnknownKeyInsideAStepIsRejected() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\", \"text\": \"hi\"}}"))
                .getMessage()).isEqualTo("steps[0].receive.text: is not a known key here:"
                        + " expected one of [from, to, body, otherRecipients, media]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30m    | steps[0].advance: \"30m\" is not an ISO-8601 duration: expected like PT30M, PT5S or P1D",
        "P1M    | steps[0].advance: \"P1M\" is not an ISO-8601 duration: expected like PT30M, PT5S or P1D",
        "PT-5M  | steps[0].advance: \"PT-5M\" is negative: the clock only moves forward",
    })
    void badAdvanceDurationsAreRejected(String duration, String message) {
        assertThat(invalid(oneStep("{\"advance\": \"" + duration + "\"}")).getMessage()).isEqualTo(message);
    }

    @Test
    void aWorkerNeedsAnIdentity() {
        assertThat(invalid(oneStep("{\"worker\": {\"identity\": \" \", \"available\": true}}")).getMessage())
                .isEqualTo("steps[0].worker.identity: is blank: expected the worker's identity, e.g. \"alice@example.com\"");
        assertThat(invalid(oneStep("{\"worker\": {\"available\": true}}")).getMessage())
                .isEqualTo("steps[0].worker.identity: missing: expected the worker's identity, e.g. \"alice@example.com\"");
    }

    @Test
    void aRestStepSpeaksTwilioMethodsAndV1Paths() {
        assertThat(invalid(oneStep("{\"rest\": {\"method\": \"PUT\", \"path\": \"/v1/Conversations\"}}")).getMessage())
                .isEqualTo("steps[0].rest.method: \"PUT\" is not a method of Twilio's API: expected \"GET\", \"POST\" or \"DELETE\"");
        assertThat(invalid(oneStep("{\"rest\": {\"method\": \"GET\", \"path\": \"/Conversations\"}}")).getMessage())
                .isEqualTo("steps[0].rest.path: \"/Conversations\" is not a Conversations v1 path: expected like /v1/Conversations");
        assertThat(invalid(oneStep("{\"rest\": {\"method\": \"POST\", \"path\": \"/v1/Conversations\","
                + " \"params\": {\"Attributes\": {\"a\": 1}}}}")).getMessage())
                .isEqualTo("steps[0].rest.params.Attributes: {\"a\":1} is not a string, number or boolean: expected a single value");
        assertThat(invalid(oneStep("{\"rest\": {\"method\": \"POST\", \"path\": \"/v1/Conversations\","
                + " \"params\": {\"X\": [\"a\", null]}}}")).path()).isEqualTo("steps[0].rest.params.X[1]");
    }

    @Test
    void aConfigureStepNeedsSomethingToChange() {
        assertThat(invalid(oneStep("{\"configure\": {}}")).getMessage()).isEqualTo(
                "steps[0].configure: is empty: expected at least one of addressConfigurations, messagingServices, phoneNumbers");
        assertThat(invalid(oneStep("{\"configure\": {\"phoneNumbers\": [{\"number\": \"+1\"}]}}")).getMessage())
                .isEqualTo("steps[0].configure.phoneNumbers[0].number: \"+1\" is not an E.164 number: expected like +15551234567");
    }

    // ------------------------------------------------------------------ expect

    @Test
    void anUnknownExpectationIsRejected() {
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"states\": {}}}")).getMessage())
                .isEqualTo("steps[0].expect.states: is not an expectation: expected one of"
                        + " [outcome, conversationSid, status, errorCode, webhooks, state]");
    }

    @Test
    void anOutcomeMustBeOneOfTheContractsNames() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\"},"
                + " \"expect\": {\"outcome\": \"created\"}}")).getMessage())
                .isEqualTo("steps[0].expect.outcome: \"created\" is not an outcome: expected one of"
                        + " [captured, autocreated, dropped, messagingWebhook, unhandled]");
    }

    @Test
    void expectationsThatCannotApplyToTheStepKindAreRejected() {
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"outcome\": \"captured\"}}")).getMessage())
                .isEqualTo("steps[0].expect.outcome: applies to receive steps only, and this is an advance step");
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"status\": 200}}")).getMessage())
                .isEqualTo("steps[0].expect.status: applies to rest steps only, and this is an advance step");
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"errorCode\": 50416}}")).path())
                .isEqualTo("steps[0].expect.errorCode");
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"conversationSid\": null}}")).path())
                .isEqualTo("steps[0].expect.conversationSid");
    }

    @Test
    void stateExpectationsNeedConversationSidsAndStates() {
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"state\": {\"CH1\": \"closed\"}}}"))
                .getMessage()).isEqualTo("steps[0].expect.state.CH1: \"CH1\" is not a conversation SID:"
                        + " expected CH followed by 32 hex digits");
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"state\": {\"CH00000000000000000000000000000001\": \"open\"}}}"))
                .getMessage()).isEqualTo("steps[0].expect.state.CH00000000000000000000000000000001: \"open\" is not a"
                        + " conversation state: expected initializing, active, inactive or closed");
    }

    @Test
    void expectedConversationSidsAndWebhooksAreTyped() {
        assertThat(invalid(oneStep("{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\"},"
                + " \"expect\": {\"conversationSid\": \"CH01\"}}")).getMessage())
                .isEqualTo("steps[0].expect.conversationSid: \"CH01\" is not a conversation SID (or null):"
                        + " expected CH followed by 32 hex digits");
        assertThat(invalid(oneStep("{\"advance\": \"PT1M\", \"expect\": {\"webhooks\": \"onMessageAdded\"}}"))
                .getMessage()).isEqualTo("steps[0].expect.webhooks: \"onMessageAdded\" is not a list: expected a JSON array");
        assertThat(invalid(oneStep("{\"rest\": {\"method\": \"GET\", \"path\": \"/v1/Conversations\"},"
                + " \"expect\": {\"status\": \"200\"}}")).getMessage())
                .isEqualTo("steps[0].expect.status: \"200\" is not an integer: expected a whole number");
    }

    // ------------------------------------------------------------------ setup

    @Test
    void anUnknownSetupKeyIsRejected() {
        assertThat(invalid(withSetup("{\"numbers\": []}")).getMessage()).isEqualTo("setup.numbers: is not a known key"
                + " here: expected one of [addressConfigurations, messagingServices, phoneNumbers, globalWebhooks,"
                + " services, defaults, routing, account, options]");
    }

    @Test
    void anUnknownOptionIsRejectedWithTheOptionNames() {
        ScenarioException e = invalid(withSetup("{\"options\": {\"groupMms\": true}}"));
        assertThat(e.path()).isEqualTo("setup.options.groupMms");
        assertThat(e.getMessage()).isEqualTo("setup.options.groupMms: is not a fidelity option: expected one of"
                + " [numberWebhookFiresAlongside, addressConfigurationFirst, reactivationReason,"
                + " globalAndServiceBothReceive, serviceSkipsCarrierMessageAdded, restPreActionHooks,"
                + " uniqueNameFromPreAction, stateUpdatedOnOneToOneAutocreation, groupMmsEnabled,"
                + " groupParticipantLimit, webhookTimeout, refusedConnection, brokenResponse, autocreationPropagationDelay, poolSelection,"
                + " scopedWebhookSeesAutocreation, webhookRetries, journalLimit]");
    }

    @Test
    void optionValuesAreTypedAndValidated() {
        assertThat(invalid(withSetup("{\"options\": {\"groupMmsEnabled\": \"no\"}}")).getMessage())
                .isEqualTo("setup.options.groupMmsEnabled: \"no\" is not a boolean: expected true or false");
        assertThat(invalid(withSetup("{\"options\": {\"groupParticipantLimit\": 2}}")).getMessage())
                .isEqualTo("setup.options.groupParticipantLimit: 2 is not allowed: groupParticipantLimit [2] is too"
                        + " small: a group MMS needs at least 3 participants");
        assertThat(invalid(withSetup("{\"options\": {\"webhookTimeout\": \"5s\"}}")).getMessage())
                .isEqualTo("setup.options.webhookTimeout: \"5s\" is not an ISO-8601 duration: expected like PT30M, PT5S or P1D");
        assertThat(invalid(withSetup("{\"options\": {\"reactivationReason\": \"USER\"}}")).getMessage())
                .isEqualTo("setup.options.reactivationReason: \"USER\" is not allowed: reactivationReason [USER] is not"
                        + " a Reason: expected EVENT, API or TIMER");
        assertThat(invalid(withSetup("{\"options\": {\"poolSelection\": \"random\"}}")).getMessage())
                .isEqualTo("setup.options.poolSelection: \"random\" is not a pool selection: expected leastAssigned,"
                        + " roundRobin or firstAvailable");
        assertThat(invalid(withSetup("{\"options\": {\"journalLimit\": 1.5}}")).getMessage())
                .isEqualTo("setup.options.journalLimit: 1.5 is not an integer: expected a whole number");
    }

    @Test
    void defaultTimersMustBeDurations() {
        assertThat(invalid(withSetup("{\"defaults\": {\"inactiveTimer\": \"5 minutes\"}}")).getMessage())
                .isEqualTo("setup.defaults.inactiveTimer: \"5 minutes\" is not an ISO-8601 duration: expected like"
                        + " PT30M, PT5S or P1D");
    }

    @Test
    void addressConfigurationsAreCheckedFieldByField() {
        String good = "{\"address\": \"+15005550001\", \"type\": \"sms\", \"autoCreation\": {\"enabled\": true}}";
        Scenario.parse(withSetup("{\"addressConfigurations\": [" + good + "]}"));
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"mms\","
                + " \"autoCreation\": {\"enabled\": true}}]}")).getMessage())
                .isEqualTo("setup.addressConfigurations[0].type: \"mms\" is not an address type: expected \"sms\" or \"whatsapp\"");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"whatsapp\","
                + " \"autoCreation\": {\"enabled\": true}}]}")).getMessage())
                .isEqualTo("setup.addressConfigurations[0].address: \"+15005550001\" is not a whatsapp address:"
                        + " expected like whatsapp:+15005550001");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"sms\"}]}"))
                .getMessage()).isEqualTo("setup.addressConfigurations[0].autoCreation: missing: expected an object"
                        + " like {\"enabled\": true, \"type\": \"default\"}");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"sms\","
                + " \"autoCreation\": {\"enabled\": true, \"type\": \"webhook\"}}]}")).getMessage())
                .isEqualTo("setup.addressConfigurations[0].autoCreation.webhookUrl: missing: autocreation of type"
                        + " \"webhook\" needs the URL of its conversation-scoped webhook");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"sms\","
                + " \"autoCreation\": {\"enabled\": true, \"type\": \"studio\"}}]}")).getMessage())
                .isEqualTo("setup.addressConfigurations[0].autoCreation.studioFlowSid: missing: autocreation of type"
                        + " \"studio\" needs the FW… SID of the flow");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"sms\","
                + " \"autoCreation\": {\"enabled\": true, \"type\": \"studio\", \"studioFlowSid\": \"FW00000000000000000000000000000001\","
                + " \"studioRetryCount\": 4}}]}")).getMessage())
                .isEqualTo("setup.addressConfigurations[0].autoCreation.studioRetryCount: 4 is out of range: expected 0 to 3");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"sms\","
                + " \"autoCreation\": {\"enabled\": true, \"webhookFilters\": [\"onConversationAdd\"]}}]}")).getMessage())
                .startsWith("setup.addressConfigurations[0].autoCreation.webhookFilters[0]: \"onConversationAdd\" is not"
                        + " an event this scope can filter: expected one of [");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [" + good + ", " + good + "]}")).getMessage())
                .isEqualTo("setup.addressConfigurations[1].address: \"+15005550001\" is listed twice: an address has one configuration");
        assertThat(invalid(withSetup("{\"addressConfigurations\": [{\"address\": \"+15005550001\", \"type\": \"sms\","
                + " \"autoCreation\": {\"enabled\": true, \"conversationServiceSid\": \"MG00000000000000000000000000000001\"}}]}"))
                .getMessage()).isEqualTo("setup.addressConfigurations[0].autoCreation.conversationServiceSid:"
                        + " \"MG00000000000000000000000000000001\" is not a conversation service SID: expected IS"
                        + " followed by 32 hex digits");
    }

    @Test
    void webhookScopesNeedFiltersTheScopeMayList() {
        assertThat(invalid(withSetup("{\"globalWebhooks\": {\"preWebhookUrl\": \"https://svc.example.com/pre\"}}"))
                .getMessage()).isEqualTo("setup.globalWebhooks.filters: missing: expected a list of event names, e.g."
                        + " [\"onConversationAdd\", \"onMessageAdded\"]");
        assertThat(invalid(withSetup("{\"globalWebhooks\": {\"filters\": [\"onMessageSent\"]}}")).getMessage())
                .startsWith("setup.globalWebhooks.filters[0]: \"onMessageSent\" is not an event this scope can filter");
        assertThat(invalid(withSetup("{\"services\": [{\"friendlyName\": \"S\", \"webhooks\": {\"filters\": [\"onUserAdded\"]}}]}"))
                .getMessage()).startsWith("setup.services[0].webhooks.filters[0]: \"onUserAdded\" is not an event this"
                        + " scope can filter");
        assertThat(invalid(withSetup("{\"globalWebhooks\": {\"method\": \"PUT\", \"filters\": []}}")).getMessage())
                .isEqualTo("setup.globalWebhooks.method: \"PUT\" is not a webhook method: expected \"GET\" or \"POST\"");
        assertThat(invalid(withSetup("{\"globalWebhooks\": {\"postWebhookUrl\": \"svc.example.com\", \"filters\": []}}"))
                .getMessage()).isEqualTo("setup.globalWebhooks.postWebhookUrl: \"svc.example.com\" is not a URL:"
                        + " expected like https://svc.example.com/hook");
    }

    @Test
    void servicesMessagingServicesAndNumbersAreChecked() {
        assertThat(invalid(withSetup("{\"services\": [{\"sid\": \"IS1\", \"friendlyName\": \"S\"}]}")).getMessage())
                .isEqualTo("setup.services[0].sid: \"IS1\" is not a conversation service SID: expected IS followed by 32 hex digits");
        assertThat(invalid(withSetup("{\"services\": [{}]}")).getMessage())
                .isEqualTo("setup.services[0].friendlyName: missing: expected the service's friendly name, e.g. \"Support\"");
        assertThat(invalid(withSetup("{\"messagingServices\": [{\"senders\": [\"+15005550001\", \"+15005550001\"],"
                + " \"autocreateConversations\": true}]}")).getMessage())
                .isEqualTo("setup.messagingServices[0].senders[1]: \"+15005550001\" is listed twice in the sender pool");
        assertThat(invalid(withSetup("{\"messagingServices\": [{\"senders\": []}]}")).getMessage())
                .isEqualTo("setup.messagingServices[0].autocreateConversations: missing: expected true or false:"
                        + " whether the integration autocreates conversations");
        assertThat(invalid(withSetup("{\"phoneNumbers\": [{\"number\": \"+15005550001\"}, {\"number\": \"+15005550001\"}]}"))
                .getMessage()).isEqualTo("setup.phoneNumbers[1].number: \"+15005550001\" is listed twice: list each number once");
    }

    @Test
    void routingModesAreChecked() {
        assertThat(invalid(withSetup("{\"routing\": {\"mode\": \"roundRobin\"}}")).getMessage())
                .isEqualTo("setup.routing.mode: \"roundRobin\" is not a routing mode: expected \"doNotRoute\", \"custom\" or \"pool\"");
        assertThat(invalid(withSetup("{\"routing\": {\"mode\": \"custom\"}}")).getMessage())
                .isEqualTo("setup.routing.callbackUrl: missing: expected the custom routing callback URL, e.g."
                        + " \"https://svc.example.com/callbacks/routing\"");
        assertThat(invalid(withSetup("{\"routing\": {\"mode\": \"pool\"}}")).path()).isEqualTo("setup.routing.workers");
        assertThat(invalid(withSetup("{\"routing\": {\"mode\": \"doNotRoute\", \"workers\": []}}")).getMessage())
                .isEqualTo("setup.routing.workers: is not a known key here: expected one of [mode]");
    }

    @Test
    void theAccountIsChecked() {
        assertThat(invalid(withSetup("{\"account\": {\"accountSid\": \"AC123\"}}")).getMessage())
                .isEqualTo("setup.account.accountSid: \"AC123\" is not an account SID: expected AC followed by 32 hex digits");
        assertThat(invalid(withSetup("{\"account\": {\"authToken\": \"\"}}")).getMessage())
                .isEqualTo("setup.account.authToken: is empty: expected the auth token that signs webhooks");
    }

    // ------------------------------------------------------------------ endpoints

    @Test
    void endpointRulesAreChecked() {
        assertThat(invalid("{\"endpoints\": {\"https://svc.example.com/pre\": [{\"status\": 999}]}, \"steps\": []}")
                .getMessage()).isEqualTo("endpoints[\"https://svc.example.com/pre\"][0].status: 999 is not an HTTP"
                        + " status: expected 100 to 599");
        assertThat(invalid("{\"endpoints\": {\"https://svc.example.com/pre\": [{\"body\": {}}]}, \"steps\": []}")
                .getMessage()).isEqualTo("endpoints[\"https://svc.example.com/pre\"][0].status: missing: expected the"
                        + " HTTP status the endpoint answers, e.g. 200");
        assertThat(invalid("{\"endpoints\": {\"svc\": []}, \"steps\": []}").getMessage())
                .isEqualTo("endpoints.svc: \"svc\" is not an endpoint URL: expected like https://svc.example.com/hook");
        assertThat(invalid("{\"endpoints\": {\"https://svc.example.com/pre\": {\"status\": 200}}, \"steps\": []}")
                .getMessage()).isEqualTo("endpoints[\"https://svc.example.com/pre\"]: {\"status\":200} is not a list:"
                        + " expected a JSON array");
        assertThat(invalid("{\"endpoints\": {\"https://svc.example.com/pre\": [{\"status\": 200, \"match\": {\"A\": [1]}}]},"
                + " \"steps\": []}").path()).isEqualTo("endpoints[\"https://svc.example.com/pre\"][0].match.A");
    }

    @Test
    void aTimeoutRuleNeedsNoStatus() {
        Scenario.parse("{\"endpoints\": {\"https://svc.example.com/pre\": [{\"timeout\": true}]}, \"steps\": []}");
    }

    // ------------------------------------------------------------------ nothing runs

    @Test
    void aSetupTheSimulatorRefusesNamesItsPathAndRunsNoStep() {
        Scenario s = Scenario.parse("{\"setup\": {\"addressConfigurations\": [{\"address\": \"+15005550001\","
                + " \"type\": \"sms\", \"autoCreation\": {\"enabled\": true,"
                + " \"conversationServiceSid\": \"IS00000000000000000000000000000009\"}}]},"
                + " \"steps\": [{\"receive\": {\"from\": \"+15551230001\", \"to\": \"+15005550001\"}}]}");
        List<String> lines = new ArrayList<>();
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> s.run(lines::add));
        assertThat(e.getMessage()).isEqualTo("setup.addressConfigurations[0]: The requested resource"
                + " /Services/IS00000000000000000000000000000009 was not found (Twilio error 20404, HTTP 404)");
        assertThat(lines).isEmpty();
    }

    @Test
    void aDefaultTimerBelowTwilioMinimumIsRefusedAtItsPath() {
        Scenario s = Scenario.parse(withSetup("{\"defaults\": {\"inactiveTimer\": \"PT30S\"}}"));
        assertThatThrownBy(s::run).isInstanceOf(ScenarioException.class)
                .hasMessage("setup.defaults.inactiveTimer: DefaultInactiveTimer [PT30S] is below Twilio's minimum of"
                        + " PT1M: use at least PT1M, or PT0S to disable (Twilio error 50375, HTTP 400)");
    }

    @Test
    void webhooksOfAServiceWithoutSidGoToTheServiceListedAtThatPosition() {
        Scenario s = Scenario.parse(withSetup("{\"services\": [{\"friendlyName\": \"A\"},"
                + " {\"friendlyName\": \"B\", \"webhooks\": {\"method\": \"GET\", \"filters\": [\"onMessageAdded\"],"
                + " \"postWebhookUrl\": \"https://b.example.com\"}}]}"));
        assertThat(s.run().simulator().api().fetchServiceWebhooks("IS00000000000000000000000000000002").method())
                .isEqualTo("GET");
    }
}
