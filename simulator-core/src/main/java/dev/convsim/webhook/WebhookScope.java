package dev.convsim.webhook;

/** Where a delivery came from, as the scenario trace names it. */
public enum WebhookScope {
    /** The account-wide Conversations webhooks ({@code /v1/Configuration/Webhooks}). */
    GLOBAL("global"),
    /** A conversation service's webhooks ({@code /v1/Services/IS…/Configuration/Webhooks}). */
    SERVICE("service"),
    /** A conversation-scoped webhook ({@code /v1/Conversations/CH…/Webhooks}). */
    CONVERSATION("conversation"),
    /** Programmable Messaging: a number's "A message comes in" URL or a messaging service's inbound URL. */
    MESSAGING("messaging"),
    /** Frontline's custom routing callback ({@code onConversationRoute}). */
    ROUTING("routing"),
    /** Frontline's app callbacks (outgoing conversations). */
    FRONTLINE("frontline");

    private final String wire;

    WebhookScope(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the trace. */
    public String wire() {
        return wire;
    }
}
