package dev.convsim.routing;

/**
 * Decides what happens to a new conversation after autocreation commits: the plug-in point after Twilio's fixed
 * inbound rules. Called once per autocreated conversation (never for one the API created, never for a captured
 * message), after its post-action deliveries are queued, on the thread that received the message, with no lock
 * held. One router per simulator, set with {@code ConversationsSimulator.Builder.router}. Built-ins are on
 * {@link Routers}. A router that throws is recorded in the journal; the conversation stays as it is.
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

    /**
     * The mode name recorded in the journal and trace: the class's simple name; {@code lambda} for a lambda (whose
     * generated class name differs between runs, which would break a byte-for-byte journal); the binary name without
     * its package (e.g. {@code MyTest$1}) for an anonymous class.
     */
    default String mode() {
        Class<?> type = getClass();
        if (type.isHidden() || type.isSynthetic()) {
            return "lambda";
        }
        if (type.isAnonymousClass()) {
            return type.getName().substring(type.getName().lastIndexOf('.') + 1);
        }
        return type.getSimpleName();
    }
}
