package dev.convsim.routing;

import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;

/**
 * A conversation a Frontline worker started with a customer ({@link FrontlineOutgoing#start}), as it stands once
 * both have joined.
 *
 * @param customer the customer's participant: their address and the proxy address the callback chose
 * @param worker the worker's participant, by identity
 * @param proxyAddress the callback's {@code proxy_address}, as the customer's participant holds it
 */
public record OutgoingConversation(Conversation conversation, Participant customer, Participant worker,
        String proxyAddress) {

    /** The conversation's SID. */
    public String sid() {
        return conversation.sid();
    }
}
