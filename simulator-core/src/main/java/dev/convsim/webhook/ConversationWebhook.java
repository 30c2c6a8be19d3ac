package dev.convsim.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A conversation-scoped webhook ({@code WH…}): post-action only, with target {@code webhook}, {@code studio} or
 * {@code trigger}. {@code replayAfter} is stored and returned but not acted on.
 *
 * @param method {@code GET} or {@code POST}
 * @param retryCount for studio targets attached by autocreation: how many times a failed delivery is retried
 */
public record ConversationWebhook(
        String sid,
        String accountSid,
        String conversationSid,
        String target,
        String url,
        String method,
        List<String> filters,
        List<String> triggers,
        String flowSid,
        Integer replayAfter,
        int retryCount,
        Instant dateCreated,
        Instant dateUpdated) {

    /** Copies the lists. */
    public ConversationWebhook {
        filters = List.copyOf(filters);
        triggers = List.copyOf(triggers);
    }
}
