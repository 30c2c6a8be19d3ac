package dev.convsim.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator makes to a webhook URL: what an endpoint sees. Parameters are Twilio's form fields,
 * in Twilio's order, as strings; a multi-valued field is joined with commas.
 */
public record WebhookRequest(
        Instant at,
        Phase phase,
        WebhookScope scope,
        String url,
        String method,
        String eventType,
        Map<String, String> params,
        int attempt) {

    /** Copies the parameters, keeping their order (an immutable map; null values are kept). */
    public WebhookRequest {
        params = WebhookForm.copyOf(params);
    }

    /** A parameter's value, or null. */
    public String param(String name) {
        return params.get(name);
    }

    /** The parameter names in order. */
    public List<String> paramNames() {
        return List.copyOf(params.keySet());
    }
}
