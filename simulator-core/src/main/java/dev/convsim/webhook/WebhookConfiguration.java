package dev.convsim.webhook;

import java.util.Set;

/**
 * The webhooks of the global or a service scope: one pre-action URL, one post-action URL, one method and one
 * filter list covering both. An event goes to the scope only when its filters list it.
 *
 * @param chatServiceSid null for the global scope
 * @param method {@code POST} or {@code GET}
 * @param target {@code webhook} (or {@code flex}, global only)
 */
public record WebhookConfiguration(
        String chatServiceSid,
        String preWebhookUrl,
        String postWebhookUrl,
        String method,
        Set<WebhookEvent> filters,
        String target) {

    /** Copies the filters, keeping the order they were given in. */
    public WebhookConfiguration {
        filters = filters.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(filters));
    }

    /** No URLs, no filters: nothing fires. */
    public static WebhookConfiguration none(String chatServiceSid) {
        return new WebhookConfiguration(chatServiceSid, null, null, "POST", Set.of(), "webhook");
    }

    /** The URL this scope sends the event to, or null when the scope has none or does not list it. */
    public String urlFor(WebhookEvent event) {
        if (!filters.contains(event)) {
            return null;
        }
        return event.phase() == Phase.PRE ? preWebhookUrl : postWebhookUrl;
    }
}
