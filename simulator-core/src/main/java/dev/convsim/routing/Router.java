package dev.convsim.routing;

/**
 * Decides what happens to a new conversation after autocreation commits: the plug-in point after Twilio's fixed
 * inbound rules. Called once per autocreated conversation, after its post-action deliveries are queued, on the
 * thread that received the message, with no lock held. Built-ins are on {@link Routers}.
 *
 * <pre>{@code
 * Router mine = (conversation, context) -> context.api().createParticipant(conversation.sid(),
 *         new ParticipantRequest().identity("alice@example.com"));
 * }</pre>
 */
@FunctionalInterface
public interface Router {

    /** Routes one new conversation. */
    void route(NewConversation conversation, RoutingContext context) throws Exception;

    /**
     * Called when a worker becomes available (pool routing drains its queue here). Does nothing by default.
     */
    default void workerAvailable(String identity, RoutingContext context) throws Exception {
    }

    /** The mode name recorded in the journal and trace. */
    default String mode() {
        return getClass().getSimpleName();
    }
}
