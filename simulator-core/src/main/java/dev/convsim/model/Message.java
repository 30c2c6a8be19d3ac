package dev.convsim.model;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a Conversation Message ({@code IM…}). For an inbound message the author is the sender's address
 * and the participant SID is the sender's participant.
 *
 * @param index from 0, in order of arrival
 * @param media empty when the message has none
 */
public record Message(
        String accountSid,
        String conversationSid,
        String sid,
        int index,
        String author,
        String body,
        List<Media> media,
        String attributes,
        String participantSid,
        Instant dateCreated,
        Instant dateUpdated) {

    /** Copies the media list. */
    public Message {
        media = List.copyOf(media);
    }
}
