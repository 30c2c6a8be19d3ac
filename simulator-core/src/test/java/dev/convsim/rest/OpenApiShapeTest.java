package dev.convsim.rest;

import static dev.convsim.rest.RestConversationsTest.CH1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMedia;
import dev.convsim.inbound.InboundMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JSON the dispatcher renders against the pinned Twilio OpenAPI spec: exactly the schema's properties, each value
 * of the schema's type, enum values from the schema's enum, dates in date-time form, and every list page with its
 * record key and the complete {@code meta}. The spec is reference material outside the repository: the test is
 * skipped where it is absent (set {@code -Dconvsim.twilioOai=PATH} to point at it).
 */
class OpenApiShapeTest {

    static final String IS2 = "IS00000000000000000000000000000002";
    static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    static JsonNode spec;

    @BeforeAll
    static void loadSpec() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("convsim.twilioOai");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        for (String up : List.of("..", "../..", "../../..")) {
            candidates.add(Path.of(up, "shared/reference/twilio-oai/twilio_conversations_v1.json"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                spec = Rest.JSON.readTree(candidate.toFile());
                return;
            }
        }
    }

    final Rest rest = new Rest(ConversationsSimulator.builder().service("Default").service("Sales")
            .configuration(new ConfigurationRequest().defaultInactiveTimer("PT5M").defaultClosedTimer("PT1H"))
            .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl("https://svc.example.com/post")
                    .filters("onMessageAdded"))
            .build());

    /** Every resource form, by spec schema name, with an example rendered by the dispatcher. */
    private Map<String, JsonNode> renderEveryResource() {
        rest.post("/v1/Conversations", "UniqueName", "u1", "State", "active", "Timers.Inactive", "PT2M");
        rest.post("/v1/Conversations/" + CH1 + "/Participants", "MessagingBinding.Address", "+15551230001",
                "MessagingBinding.ProxyAddress", "+15005550001");
        rest.sim.receive(InboundMessage.of("+15551230001", "+15005550001", "photo")
                .withMedia(new InboundMedia("image/png", "a.png")));
        rest.post("/v1/Conversations/" + CH1 + "/Webhooks", "Target", "webhook",
                "Configuration.Url", "https://svc.example.com/s", "Configuration.Filters", "onMessageAdded");
        rest.post("/v1/Services/" + IS2 + "/Conversations", "FriendlyName", "second");
        String ch2 = "/v1/Services/" + IS2 + "/Conversations/CH00000000000000000000000000000002";
        rest.post(ch2 + "/Participants", "Identity", "alice");
        rest.post(ch2 + "/Messages", "Author", "alice", "Body", "hi");
        rest.post(ch2 + "/Webhooks", "Target", "studio", "Configuration.FlowSid", "FW00000000000000000000000000000001");
        rest.post("/v1/Configuration/Addresses", "Type", "sms", "Address", "+15005550009",
                "AutoCreation.Enabled", "true", "AutoCreation.Type", "webhook",
                "AutoCreation.WebhookUrl", "https://svc.example.com/ac");

        Map<String, JsonNode> out = new LinkedHashMap<>();
        String c1 = "/v1/Conversations/" + CH1;
        out.put("conversations.v1.conversation", rest.get(c1).json());
        out.put("conversations.v1.conversation.conversation_participant",
                rest.get(c1 + "/Participants").json().get("participants").get(0));
        out.put("conversations.v1.conversation.conversation_message",
                rest.get(c1 + "/Messages").json().get("messages").get(0));
        out.put("conversations.v1.conversation.conversation_scoped_webhook",
                rest.get(c1 + "/Webhooks").json().get("webhooks").get(0));
        out.put("conversations.v1.service.service_conversation", rest.get(ch2).json());
        out.put("conversations.v1.service.service_conversation.service_conversation_participant",
                rest.get(ch2 + "/Participants").json().get("participants").get(0));
        out.put("conversations.v1.service.service_conversation.service_conversation_message",
                rest.get(ch2 + "/Messages").json().get("messages").get(0));
        out.put("conversations.v1.service.service_conversation.service_conversation_scoped_webhook",
                rest.get(ch2 + "/Webhooks").json().get("webhooks").get(0));
        out.put("conversations.v1.configuration", rest.get("/v1/Configuration").json());
        out.put("conversations.v1.configuration.configuration_webhook", rest.get("/v1/Configuration/Webhooks").json());
        out.put("conversations.v1.service.service_configuration.service_webhook_configuration",
                rest.get("/v1/Services/" + IS2 + "/Configuration/Webhooks").json());
        out.put("conversations.v1.configuration_address",
                rest.get("/v1/Configuration/Addresses").json().get("address_configurations").get(0));
        out.put("conversations.v1.service", rest.get("/v1/Services/" + IS2).json());
        out.put("conversations.v1.participant_conversation",
                rest.get("/v1/ParticipantConversations?Address=%2B15551230001").json().get("conversations").get(0));
        out.put("conversations.v1.service.service_participant_conversation",
                rest.get("/v1/Services/" + IS2 + "/ParticipantConversations?Identity=alice").json()
                        .get("conversations").get(0));
        return out;
    }

    @Test
    void everyResourceHasExactlyTheSchemasPropertiesWithValuesOfTheSchemasTypes() {
        assumeTrue(spec != null, "the pinned Twilio OpenAPI spec is not beside the repository");

        Map<String, JsonNode> rendered = renderEveryResource();

        assertThat(rendered).hasSize(15);
        rendered.forEach((schemaName, json) -> {
            JsonNode properties = spec.at("/components/schemas/" + schemaName.replace("/", "~1") + "/properties");
            assertThat(properties.isObject()).as(schemaName + " in the spec").isTrue();
            List<String> expected = new ArrayList<>();
            properties.fieldNames().forEachRemaining(expected::add);
            List<String> actual = new ArrayList<>();
            json.fieldNames().forEachRemaining(actual::add);
            assertThat(actual).as(schemaName + " properties").containsExactlyInAnyOrderElementsOf(expected);
            properties.properties().forEach(p -> checkValue(schemaName + "." + p.getKey(), p.getValue(),
                    json.get(p.getKey())));
        });
    }

    private void checkValue(String where, JsonNode property, JsonNode value) {
        JsonNode schema = property.has("$ref")
                ? spec.at("/components/schemas/" + property.get("$ref").asText().substring("#/components/schemas/".length()))
                : property;
        if (value.isNull()) {
            assertThat(schema.path("nullable").asBoolean(false) || property.path("nullable").asBoolean(false))
                    .as(where + " is null but not nullable").isTrue();
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> assertThat(value.isTextual()).as(where + " = " + value + " is a string").isTrue();
            case "integer" -> assertThat(value.isIntegralNumber()).as(where + " = " + value + " is an integer").isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as(where + " = " + value + " is a boolean").isTrue();
            case "array" -> assertThat(value.isArray()).as(where + " = " + value + " is an array").isTrue();
            case "object" -> assertThat(value.isObject()).as(where + " = " + value + " is an object").isTrue();
            default -> {
                // untyped in the spec (timers, bindings, messaging_binding, configuration): any JSON
            }
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            assertThat(allowed).as(where + " = " + value + " is in the enum").contains(value.asText());
        }
        if ("date-time".equals(schema.path("format").asText())) {
            assertThat(value.asText()).as(where).matches(DATE_TIME);
        }
        if ("uri".equals(schema.path("format").asText())) {
            assertThat(value.asText()).as(where).startsWith("https://");
        }
        if ("uri-map".equals(schema.path("format").asText())) {
            value.properties().forEach(link -> assertThat(link.getValue().asText())
                    .as(where + "." + link.getKey()).startsWith("https://conversations.twilio.com/v1/"));
        }
    }

    @Test
    void everyListPageHasItsKeyAndTheSpecsMetaProperties() {
        assumeTrue(spec != null, "the pinned Twilio OpenAPI spec is not beside the repository");
        renderEveryResource();
        Map<String, String> listPaths = new LinkedHashMap<>();
        listPaths.put("/v1/Conversations", "/v1/Conversations");
        listPaths.put("/v1/Conversations/{ConversationSid}/Participants", "/v1/Conversations/" + CH1 + "/Participants");
        listPaths.put("/v1/Conversations/{ConversationSid}/Messages", "/v1/Conversations/" + CH1 + "/Messages");
        listPaths.put("/v1/Conversations/{ConversationSid}/Webhooks", "/v1/Conversations/" + CH1 + "/Webhooks");
        listPaths.put("/v1/Configuration/Addresses", "/v1/Configuration/Addresses");
        listPaths.put("/v1/Services", "/v1/Services");
        listPaths.put("/v1/ParticipantConversations", "/v1/ParticipantConversations?Identity=alice");
        listPaths.put("/v1/Services/{ChatServiceSid}/Conversations", "/v1/Services/" + IS2 + "/Conversations");
        listPaths.put("/v1/Services/{ChatServiceSid}/ParticipantConversations",
                "/v1/Services/" + IS2 + "/ParticipantConversations?Identity=alice");

        listPaths.forEach((specPath, path) -> {
            JsonNode schema = spec.path("paths").path(specPath).path("get").path("responses").path("200")
                    .path("content").path("application/json").path("schema").path("properties");
            List<String> topLevel = new ArrayList<>();
            schema.fieldNames().forEachRemaining(topLevel::add);
            List<String> metaKeys = new ArrayList<>();
            schema.path("meta").path("properties").fieldNames().forEachRemaining(metaKeys::add);
            JsonNode page = rest.get(path).json();
            List<String> actualTop = new ArrayList<>();
            page.fieldNames().forEachRemaining(actualTop::add);
            List<String> actualMeta = new ArrayList<>();
            page.get("meta").fieldNames().forEachRemaining(actualMeta::add);

            assertThat(actualTop).as(path).containsExactlyInAnyOrderElementsOf(topLevel);
            assertThat(actualMeta).as(path + " meta").containsExactlyInAnyOrderElementsOf(metaKeys);
            assertThat(page.get("meta").get("page_size").asInt()).as(path + " default PageSize").isEqualTo(
                    defaultPageSize(specPath));
        });
    }

    /** The spec's default page size: 50, or the parameter's maximum when lower. */
    private static int defaultPageSize(String specPath) {
        for (JsonNode parameter : spec.path("paths").path(specPath).path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("PageSize")) {
                return Math.min(50, parameter.path("schema").path("maximum").asInt());
            }
        }
        throw new AssertionError(specPath + " has no PageSize parameter");
    }
}
