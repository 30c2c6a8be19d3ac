package dev.convsim.webhook;

/**
 * An in-process endpoint answering a webhook URL. It may call back into the simulator: what it changes commits at
 * once and its deliveries queue behind the current ones. A handler that throws counts as a 500.
 *
 * <pre>{@code
 * builder.endpoint("https://svc.example.com/pre", request -> WebhookResponse.status(403));
 * }</pre>
 */
@FunctionalInterface
public interface WebhookEndpoint {

    /** Answers one request. */
    WebhookResponse handle(WebhookRequest request) throws Exception;
}
