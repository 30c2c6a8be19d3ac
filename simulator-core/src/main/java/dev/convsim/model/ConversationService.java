package dev.convsim.model;

import java.time.Instant;

/** A snapshot of a Conversation Service ({@code IS…}). */
public record ConversationService(
        String accountSid, String sid, String friendlyName, Instant dateCreated, Instant dateUpdated) {
}
