package dev.convsim.api;

import java.util.List;

/** Parameters of the global or a service's webhook configuration ({@code …/Configuration/Webhooks}). */
public final class WebhookConfigurationRequest extends ApiRequest<WebhookConfigurationRequest> {

    /** {@code PreWebhookUrl}. */
    public WebhookConfigurationRequest preWebhookUrl(String url) {
        return param("PreWebhookUrl", url);
    }

    /** {@code PostWebhookUrl}. */
    public WebhookConfigurationRequest postWebhookUrl(String url) {
        return param("PostWebhookUrl", url);
    }

    /** {@code Method}: {@code GET} or {@code POST}. */
    public WebhookConfigurationRequest method(String method) {
        return param("Method", method);
    }

    /** {@code Filters}: the event names this scope receives. */
    public WebhookConfigurationRequest filters(String... events) {
        return params("Filters", List.of(events));
    }

    /** {@code Target}: {@code webhook} or {@code flex} (global only). */
    public WebhookConfigurationRequest target(String target) {
        return param("Target", target);
    }
}
