package dev.convsim.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.ConversationsSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: REST calls against one simulator, answers parsed as JSON. */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> WEBHOOKS_ON = Map.of("X-Twilio-Webhook-Enabled", "true");

    final ConversationsSimulator sim;
    final RestDispatcher dispatcher;

    Rest(ConversationsSimulator sim) {
        this.sim = sim;
        this.dispatcher = new RestDispatcher(sim);
    }

    Rest() {
        this(ConversationsSimulator.builder().build());
    }

    Reply get(String path) {
        return call("GET", path, Map.of(), Map.of());
    }

    Reply post(String path, String... namesAndValues) {
        return call("POST", path, form(namesAndValues), Map.of());
    }

    Reply postWithWebhooks(String path, String... namesAndValues) {
        return call("POST", path, form(namesAndValues), WEBHOOKS_ON);
    }

    Reply delete(String path) {
        return call("DELETE", path, Map.of(), Map.of());
    }

    Reply call(String method, String path, Map<String, List<String>> params, Map<String, String> headers) {
        RestResponse r = dispatcher.handle(method, path, params, headers);
        return new Reply(r.status(), r.body());
    }

    /** Name, value, name, value…; a repeated name makes a multi-valued parameter. */
    static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return out;
    }

    /** Creates a conversation and returns its SID. */
    String conversation(String... namesAndValues) {
        Reply r = post("/v1/Conversations", namesAndValues);
        if (r.status() != 201) {
            throw new AssertionError("creating a conversation answered " + r);
        }
        return r.text("sid");
    }

    /** A status and a body, with JSON accessors. */
    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String text(String field) {
            JsonNode node = json().get(field);
            if (node == null) {
                throw new AssertionError("no field " + field + " in " + body);
            }
            return node.isNull() ? null : node.asText();
        }

        int code() {
            return json().get("code").asInt();
        }

        String message() {
            return json().get("message").asText();
        }
    }
}
