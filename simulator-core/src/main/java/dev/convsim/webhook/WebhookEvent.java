package dev.convsim.webhook;

import java.util.EnumSet;
import java.util.Set;

/** Twilio Conversations webhook events, each knowing its phase and which scopes may list it in their filters. */
public enum WebhookEvent {
    /**
     * Pre-action, before a conversation is created (autocreation included): the answer may reject it or set its
     * friendly name and attributes (and its unique name, as {@code FidelityOptions.uniqueNameFromPreAction} says).
     */
    ON_CONVERSATION_ADD("onConversationAdd", Phase.PRE),
    /** Pre-action, before a conversation's fields or state change through the API. */
    ON_CONVERSATION_UPDATE("onConversationUpdate", Phase.PRE),
    /** Pre-action, before a conversation is deleted. */
    ON_CONVERSATION_REMOVE("onConversationRemove", Phase.PRE),
    /** Pre-action, before a participant is added through the API. */
    ON_PARTICIPANT_ADD("onParticipantAdd", Phase.PRE),
    /** Pre-action, before a participant's fields change. */
    ON_PARTICIPANT_UPDATE("onParticipantUpdate", Phase.PRE),
    /** Pre-action, before a participant is removed. */
    ON_PARTICIPANT_REMOVE("onParticipantRemove", Phase.PRE),
    /**
     * Pre-action, before a message is added to an existing conversation: the answer may reject it (the message is
     * dropped) or change its body, author and attributes.
     */
    ON_MESSAGE_ADD("onMessageAdd", Phase.PRE),
    /** Pre-action, before a message's fields change. */
    ON_MESSAGE_UPDATE("onMessageUpdate", Phase.PRE),
    /** Pre-action, before a message is deleted. */
    ON_MESSAGE_REMOVE("onMessageRemove", Phase.PRE),
    /** Pre-action, before a chat user changes (global scope only). */
    ON_USER_UPDATE("onUserUpdate", Phase.PRE),
    /** Post-action: a conversation was created. */
    ON_CONVERSATION_ADDED("onConversationAdded", Phase.POST),
    /** Post-action: a conversation's fields changed. */
    ON_CONVERSATION_UPDATED("onConversationUpdated", Phase.POST),
    /** Post-action: a conversation was deleted. */
    ON_CONVERSATION_REMOVED("onConversationRemoved", Phase.POST),
    /**
     * Post-action: a conversation moved between {@code active}, {@code inactive} and {@code closed}, by the API, a
     * timer or an event.
     */
    ON_CONVERSATION_STATE_UPDATED("onConversationStateUpdated", Phase.POST),
    /** Post-action: a participant was added. */
    ON_PARTICIPANT_ADDED("onParticipantAdded", Phase.POST),
    /** Post-action: a participant's fields changed. */
    ON_PARTICIPANT_UPDATED("onParticipantUpdated", Phase.POST),
    /** Post-action: a participant was removed. */
    ON_PARTICIPANT_REMOVED("onParticipantRemoved", Phase.POST),
    /** Post-action: a message was added. */
    ON_MESSAGE_ADDED("onMessageAdded", Phase.POST),
    /** Post-action: a message's fields changed. */
    ON_MESSAGE_UPDATED("onMessageUpdated", Phase.POST),
    /** Post-action: a message was deleted. */
    ON_MESSAGE_REMOVED("onMessageRemoved", Phase.POST),
    /** Post-action: a message's delivery receipt changed (not raised by convsim's inbound traffic). */
    ON_DELIVERY_UPDATED("onDeliveryUpdated", Phase.POST),
    /** Post-action: a chat user was created (global scope only). */
    ON_USER_ADDED("onUserAdded", Phase.POST),
    /** Post-action: a chat user changed (global scope only). */
    ON_USER_UPDATED("onUserUpdated", Phase.POST);

    private final String wire;
    private final Phase phase;

    WebhookEvent(String wire, Phase phase) {
        this.wire = wire;
        this.phase = phase;
    }

    /** Twilio's event name, as in {@code EventType} and in filter lists. */
    public String wire() {
        return wire;
    }

    /** Pre-action or post-action. */
    public Phase phase() {
        return phase;
    }

    /** True for the user events, which only the global scope may list. */
    public boolean isUserEvent() {
        return wire.startsWith("onUser");
    }

    /** Parses an event name, or returns null when it is not one. */
    public static WebhookEvent fromWire(String name) {
        for (WebhookEvent event : values()) {
            if (event.wire.equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** The events the global scope's filters may list: all of them. */
    public static Set<WebhookEvent> globalFilterable() {
        return EnumSet.allOf(WebhookEvent.class);
    }

    /** The events a service scope's filters may list: all but the user events. */
    public static Set<WebhookEvent> serviceFilterable() {
        EnumSet<WebhookEvent> set = EnumSet.allOf(WebhookEvent.class);
        set.removeIf(WebhookEvent::isUserEvent);
        return set;
    }

    /** The events a conversation-scoped webhook (or an address configuration's) may list: post-action, no users. */
    public static Set<WebhookEvent> conversationFilterable() {
        return EnumSet.of(ON_MESSAGE_ADDED, ON_MESSAGE_UPDATED, ON_MESSAGE_REMOVED, ON_CONVERSATION_UPDATED,
                ON_CONVERSATION_STATE_UPDATED, ON_CONVERSATION_REMOVED, ON_PARTICIPANT_ADDED,
                ON_PARTICIPANT_UPDATED, ON_PARTICIPANT_REMOVED, ON_DELIVERY_UPDATED);
    }

    @Override
    public String toString() {
        return wire;
    }
}
