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

    /**
     * One line naming what the participant binds: {@code +1555… → +1500…}, {@code group member +1555…},
     * {@code alice projected +1500…}, or the identity.
     */
    public String describe() {
        MessagingBinding b = messagingBinding;
        if (b != null && b.isPair()) {
            return b.address() + " → " + b.proxyAddress();
        }
        if (b != null && b.address() != null) {
            return "group member " + b.address();
        }
        if (b != null && b.projectedAddress() != null) {
            return (identity == null ? "" : identity + " ") + "projected " + b.projectedAddress();
        }
        return identity;
    }
}
