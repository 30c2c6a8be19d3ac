package dev.convsim;

import dev.convsim.model.Address;
import dev.convsim.model.MessagingBinding;
import dev.convsim.model.Participant;
import java.time.Instant;

/** A participant's mutable state, guarded by the engine lock. */
final class PartEntity {
    final String sid;
    /** The conversation it belongs to: a capture reaches it from the binding index without a second lookup. */
    final ConvEntity conversation;
    String identity;
    String attributes = "{}";
    final Address address;
    Address proxyAddress;
    Address projectedAddress;
    String roleSid;
    final Instant dateCreated;
    Instant dateUpdated;
    Integer lastReadMessageIndex;
    Instant lastReadTimestamp;

    PartEntity(String sid, ConvEntity conversation, String identity, Address address, Address proxyAddress,
            Address projectedAddress, Instant created) {
        this.sid = sid;
        this.conversation = conversation;
        this.identity = identity;
        this.address = address;
        this.proxyAddress = proxyAddress;
        this.projectedAddress = projectedAddress;
        this.dateCreated = created;
        this.dateUpdated = created;
    }

    String conversationSid() {
        return conversation.sid;
    }

    boolean isPair() {
        return address != null && proxyAddress != null;
    }

    MessagingBinding binding() {
        if (address == null && projectedAddress == null) {
            return null;
        }
        Address any = address != null ? address : projectedAddress;
        return new MessagingBinding(any.channel(), address, proxyAddress, projectedAddress);
    }

    Participant snapshot(String accountSid) {
        return new Participant(accountSid, conversation.sid, sid, identity, attributes, binding(), roleSid,
                dateCreated, dateUpdated, lastReadMessageIndex, lastReadTimestamp);
    }
}
