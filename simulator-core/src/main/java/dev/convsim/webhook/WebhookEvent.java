package dev.convsim.webhook;

import java.util.EnumSet;
import java.util.Set;

/** Twilio Conversations webhook events, each knowing its phase and which scopes may list it in their filters. */
public enum WebhookEvent {
    ON_CONVERSATION_ADD("onConversationAdd", Phase.PRE),
    ON_CONVERSATION_UPDATE("onConversationUpdate", Phase.PRE),
    ON_CONVERSATION_REMOVE("onConversationRemove", Phase.PRE),
    ON_PARTICIPANT_ADD("onParticipantAdd", Phase.PRE),
    ON_PARTICIPANT_UPDATE("onParticipantUpdate", Phase.PRE),
    ON_PARTICIPANT_REMOVE("onParticipantRemove", Phase.PRE),
    ON_MESSAGE_ADD("onMessageAdd", Phase.PRE),
    ON_MESSAGE_UPDATE("onMessageUpdate", Phase.PRE),
    ON_MESSAGE_REMOVE("onMessageRemove", Phase.PRE),
    ON_USER_UPDATE("onUserUpdate", Phase.PRE),
    ON_CONVERSATION_ADDED("onConversationAdded", Phase.POST),
    ON_CONVERSATION_UPDATED("onConversationUpdated", Phase.POST),
    ON_CONVERSATION_REMOVED("onConversationRemoved", Phase.POST),
    ON_CONVERSATION_STATE_UPDATED("onConversationStateUpdated", Phase.POST),
    ON_PARTICIPANT_ADDED("onParticipantAdded", Phase.POST),
    ON_PARTICIPANT_UPDATED("onParticipantUpdated", Phase.POST),
    ON_PARTICIPANT_REMOVED("onParticipantRemoved", Phase.POST),
    ON_MESSAGE_ADDED("onMessageAdded", Phase.POST),
    ON_MESSAGE_UPDATED("onMessageUpdated", Phase.POST),
    ON_MESSAGE_REMOVED("onMessageRemoved", Phase.POST),
    ON_DELIVERY_UPDATED("onDeliveryUpdated", Phase.POST),
    ON_USER_ADDED("onUserAdded", Phase.POST),
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
