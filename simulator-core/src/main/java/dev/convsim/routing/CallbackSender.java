package dev.convsim.routing;

import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.util.Map;

/**
 * Delivers one app callback synchronously and records it in the journal with its scope, as Frontline calls an
 * integration service. {@code ConversationsSimulator::callback} is one.
 *
 * <pre>{@code
 * CallbackSender callbacks = sim::callback;
 * WebhookResponse answer = callbacks.send(WebhookScope.FRONTLINE, url, "GetProxyAddress", params);
 * }</pre>
 */
@FunctionalInterface
public interface CallbackSender {

    /**
     * Delivers a form-encoded POST to the URL's endpoint and returns its answer (a handler that throws counts as a
     * 500).
     *
     * @param eventType what the delivery is recorded as, e.g. {@code GetProxyAddress}
     * @param params Twilio's form parameters, in order
     */
    WebhookResponse send(WebhookScope scope, String url, String eventType, Map<String, String> params);
}
