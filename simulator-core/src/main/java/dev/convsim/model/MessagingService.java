package dev.convsim.model;

import java.util.List;

/**
 * A Programmable Messaging service ({@code MG…}) as far as inbound handling cares: its sender pool and its
 * integration (autocreate a conversation, or send a webhook to the inbound request URL).
 *
 * @param conversationsUnlocked the console's "Handle Inbound Messages with Conversations" lock; autocreation can
 *     only be chosen when it is unlocked
 */
public record MessagingService(
        String sid,
        String friendlyName,
        List<Address> senders,
        boolean autocreateConversations,
        boolean conversationsUnlocked,
        String inboundRequestUrl,
        String inboundMethod) {

    /** Copies the sender list. */
    public MessagingService {
        senders = List.copyOf(senders);
    }
}
