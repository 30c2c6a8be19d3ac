package dev.convsim.routing;

import dev.convsim.api.ConversationsApi;
import dev.convsim.webhook.WebhookResponse;
import java.time.Instant;
import java.util.Map;

/** What a {@link Router} may do: act through the public API, call a routing callback, and record its decision. */
public interface RoutingContext {

    /** The Conversations API of the simulator (calls commit at once; their webhooks queue behind the current ones). */
    ConversationsApi api();

    /** The simulated clock's current instant. */
    Instant now();

    /** The account SID the simulator plays. */
    String accountSid();

    /**
     * Delivers a routing callback synchronously and records it (scope {@code routing}).
     *
     * @param eventType e.g. {@code onConversationRoute}
     * @param params Twilio's form parameters, in order
     */
    WebhookResponse callback(String url, String eventType, Map<String, String> params);

    /**
     * Records the router's decision in the journal.
     *
     * @param worker the identity the conversation went to, or null
     * @param queued true when it now waits in the queue for a worker
     */
    void recordRouted(String conversationSid, String mode, String worker, boolean queued);

    /** Records that a queued conversation went to a worker who became available. */
    void recordAssigned(String conversationSid, String mode, String worker);

    /** Records a routing error (e.g. Frontline's 32506) in the journal; the conversation stays as it is. */
    void recordError(String conversationSid, int code, String text);

    /** The pool of Frontline workers, for pool routing. */
    WorkerPool workers();
}
