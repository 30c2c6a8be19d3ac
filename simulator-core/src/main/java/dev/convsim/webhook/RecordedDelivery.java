package dev.convsim.webhook;

import dev.convsim.model.Sids;
import java.time.Instant;
import java.util.Map;

/**
 * One delivery the simulator made, with its answer. Immutable; prints as one line:
 * {@code #3 post global onMessageAdded CH…01 "hello" → 200}.
 *
 * @param sequence from 1, in delivery order across the simulator
 * @param status the answer's HTTP status, or null when it timed out
 * @param error what went wrong when the endpoint threw or the connection failed (the status is then 500 or
 *     null); null otherwise
 */
public record RecordedDelivery(
        long sequence,
        Instant at,
        Phase phase,
        WebhookScope scope,
        String url,
        String method,
        String eventType,
        Map<String, String> params,
        int attempt,
        Integer status,
        String responseBody,
        String error) {

    /** Copies the parameters, keeping their order (shared, not copied, when they come from a {@link WebhookRequest}). */
    public RecordedDelivery {
        params = WebhookForm.copyOf(params);
    }

    /** A parameter's value, or null. */
    public String param(String name) {
        return params.get(name);
    }

    /** True when no answer came within the webhook timeout. */
    public boolean timedOut() {
        return status == null;
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        line.append('#').append(sequence).append(' ').append(phase.wire()).append(' ').append(scope.wire())
                .append(' ').append(eventType);
        String conversation = params.get("ConversationSid");
        if (conversation != null) {
            line.append(' ').append(Sids.abbreviate(conversation));
        } else if (params.get("MessagingBinding.Address") != null) {
            line.append(' ').append(params.get("MessagingBinding.Address"));
        } else if (params.get("From") != null) {
            line.append(' ').append(params.get("From"));
        }
        String body = params.containsKey("Body") ? params.get("Body") : params.get("MessageBody");
        if (body != null) {
            line.append(" \"").append(body).append('"');
        }
        if (attempt > 0) {
            line.append(" retry ").append(attempt);
        }
        line.append(" → ").append(status == null ? "timed out" : status.toString());
        if (error != null) {
            line.append(" (").append(error).append(')');
        }
        return line.toString();
    }
}
