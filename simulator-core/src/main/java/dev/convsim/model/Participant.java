package dev.convsim.model;

import java.time.Instant;

/**
 * A snapshot of a Conversation Participant ({@code MB…}): a chat identity, a messaging binding, or an identity with
 * a projected address.
 */
public record Participant(
        String accountSid,
        String conversationSid,
        String sid,
        String identity,
        String attributes,
        MessagingBinding messagingBinding,
        String roleSid,
        Instant dateCreated,
        Instant dateUpdated,
        Integer lastReadMessageIndex,
        Instant lastReadTimestamp) {
}
