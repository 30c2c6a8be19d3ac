package dev.convsim.model;

import java.time.Instant;

/**
 * A snapshot of a Conversation resource ({@code CH…}), as Twilio returns it.
 *
 * @param attributes a string holding JSON; {@code "{}"} when unset
 */
public record Conversation(
        String accountSid,
        String chatServiceSid,
        String messagingServiceSid,
        String sid,
        String friendlyName,
        String uniqueName,
        String attributes,
        ConversationState state,
        Instant dateCreated,
        Instant dateUpdated,
        Timers timers) {
}
