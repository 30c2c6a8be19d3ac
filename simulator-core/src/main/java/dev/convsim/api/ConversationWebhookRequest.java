package dev.convsim.api;

import java.util.List;

/** Parameters of a conversation-scoped webhook ({@code /v1/Conversations/{Sid}/Webhooks}). */
public final class ConversationWebhookRequest extends ApiRequest<ConversationWebhookRequest> {

    /** {@code Target}: {@code webhook}, {@code trigger} or {@code studio}. */
    public ConversationWebhookRequest target(String target) {
        return param("Target", target);
    }

    /** {@code Configuration.Url}. */
    public ConversationWebhookRequest url(String url) {
        return param("Configuration.Url", url);
    }

    /** {@code Configuration.Method}: {@code GET} or {@code POST}. */
    public ConversationWebhookRequest method(String method) {
        return param("Configuration.Method", method);
    }

    /** {@code Configuration.Filters}. */
    public ConversationWebhookRequest filters(String... events) {
        return params("Configuration.Filters", List.of(events));
    }

    /** {@code Configuration.Triggers}: keywords for target {@code trigger}. */
    public ConversationWebhookRequest triggers(String... words) {
        return params("Configuration.Triggers", List.of(words));
    }

    /** {@code Configuration.FlowSid}: for target {@code studio}. */
    public ConversationWebhookRequest flowSid(String sid) {
        return param("Configuration.FlowSid", sid);
    }

    /** {@code Configuration.ReplayAfter}: stored, not acted on. */
    public ConversationWebhookRequest replayAfter(int index) {
        return param("Configuration.ReplayAfter", Integer.toString(index));
    }
}
