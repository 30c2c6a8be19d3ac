package dev.convsim.routing;

import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;
import java.util.List;

/**
 * A read-only view of an autocreated conversation, as committed, handed to the {@link Router}.
 *
 * @param participants the participants autocreation added (the customer, or the group's members)
 * @param message the inbound message that created it
 */
public record NewConversation(Conversation conversation, List<Participant> participants, InboundMessage message) {

    /** Copies the participants. */
    public NewConversation {
        participants = List.copyOf(participants);
    }

    /** The conversation's SID. */
    public String sid() {
        return conversation.sid();
    }
}
