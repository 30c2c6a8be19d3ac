package dev.convsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.FidelityOptions;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import dev.convsim.model.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The validated content of a scenario file: what {@link ScenarioReader} produces and the runner executes. */
final class Spec {

    private Spec() {
    }

    /** The whole document. */
    record Document(String name, Instant start, Setup setup, Map<String, List<Rule>> endpoints, List<Step> steps) {
    }

    /** The {@code setup} object; absent parts are empty lists or null. */
    record Setup(
            String accountSid,
            String authToken,
            FidelityOptions options,
            List<Service> services,
            Webhooks globalWebhooks,
            String defaultInactiveTimer,
            String defaultClosedTimer,
            List<MessagingService> messagingServices,
            List<PhoneNumber> phoneNumbers,
            List<AddressConfig> addressConfigurations,
            Routing routing) {
    }

    /** A conversation service and its webhooks (null for none). */
    record Service(String path, String sid, String friendlyName, Webhooks webhooks) {
    }

    /** The webhooks of the global or a service scope. */
    record Webhooks(String path, String preWebhookUrl, String postWebhookUrl, String method, List<String> filters) {
    }

    /** An address configuration entry. */
    record AddressConfig(
            String path,
            Address address,
            String type,
            String friendlyName,
            boolean enabled,
            String autoCreationType,
            String conversationServiceSid,
            String webhookUrl,
            String webhookMethod,
            List<String> webhookFilters,
            String studioFlowSid,
            Integer studioRetryCount) {
    }

    /** The {@code routing} object: {@code mode} is doNotRoute, custom or pool. */
    record Routing(String mode, String callbackUrl, List<Worker> workers) {
    }

    /** A Frontline worker and its availability. */
    record Worker(String identity, boolean available) {
    }

    /**
     * One endpoint rule.
     *
     * @param match parameter name → exact value; empty matches everything
     * @param body null for an empty body; a text node is sent as text/plain, anything else as application/json
     * @param calls REST requests the endpoint makes before it answers (a convsim extension)
     */
    record Rule(Map<String, String> match, int status, JsonNode body, boolean timeout, List<Rest> calls) {
    }

    /** A Conversations v1 REST request. */
    record Rest(String method, String path, Map<String, List<String>> params, Map<String, String> headers) {
    }

    /**
     * One step.
     *
     * @param expect the expectations in the file's order, key → expected value as written
     * @param note free text shown in the trace (a convsim extension), or null
     */
    record Step(int index, String kind, JsonNode input, Action action, Map<String, JsonNode> expect, String note) {
    }

    /** What a step does. */
    sealed interface Action {
    }

    /** An inbound message. */
    record Receive(InboundMessage message) implements Action {
    }

    /** Moving the clock. */
    record Advance(Duration duration) implements Action {
    }

    /** A REST request. */
    record RestCall(Rest request) implements Action {
    }

    /** A worker's availability change. */
    record WorkerChange(Worker worker) implements Action {
    }

    /** A console or API change to the account. */
    record Configure(List<AddressConfig> addressConfigurations, List<MessagingService> messagingServices,
            List<PhoneNumber> phoneNumbers) implements Action {
    }
}
