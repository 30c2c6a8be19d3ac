package dev.convsim;

import dev.convsim.model.Address;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Message;
import dev.convsim.model.Timers;
import dev.convsim.webhook.ConversationWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A conversation's mutable state, guarded by the engine lock. */
final class ConvEntity {
    final String sid;
    final String chatServiceSid;
    String messagingServiceSid;
    String friendlyName;
    String uniqueName;
    String attributes = "{}";
    ConversationState state = ConversationState.ACTIVE;
    final Instant dateCreated;
    Instant dateUpdated;
    Duration inactiveTimer;
    Duration closedTimer;
    Instant timerAnchor;
    long timerGeneration;
    final Map<String, PartEntity> participants = new LinkedHashMap<>(2); // most have one or two
    final List<Message> messages = new ArrayList<>(2);
    int nextMessageIndex;
    Map<String, ConversationWebhook> webhooks;
    /** The number group this conversation is registered under in the group index, or null. */
    List<Address> groupKey;

    ConvEntity(String sid, String chatServiceSid, Instant created) {
        this.sid = sid;
        this.chatServiceSid = chatServiceSid;
        this.dateCreated = created;
        this.dateUpdated = created;
        this.timerAnchor = created;
    }

    Instant dateInactive() {
        return state == ConversationState.ACTIVE && inactiveTimer != null ? timerAnchor.plus(inactiveTimer) : null;
    }

    Instant dateClosed() {
        return state != ConversationState.CLOSED && state != ConversationState.INITIALIZING && closedTimer != null
                ? timerAnchor.plus(closedTimer)
                : null;
    }

    Conversation snapshot(String accountSid) {
        Timers timers = inactiveTimer == null && closedTimer == null
                ? Timers.NONE
                : new Timers(inactiveTimer, closedTimer, dateInactive(), dateClosed());
        return new Conversation(accountSid, chatServiceSid, messagingServiceSid, sid, friendlyName, uniqueName,
                attributes, state, dateCreated, dateUpdated, timers);
    }

    Map<String, ConversationWebhook> webhooks() {
        if (webhooks == null) {
            webhooks = new LinkedHashMap<>(2);
        }
        return webhooks;
    }

    boolean hasWebhooks() {
        return webhooks != null && !webhooks.isEmpty();
    }

    /**
     * The sorted set of address-only members' addresses and projected addresses. A set: several chat participants
     * (workers) may show the same projected Twilio number, which counts once.
     */
    List<Address> numberGroup() {
        return numberGroupWithout(null);
    }

    /** The number group as it would be without this participant (null: with everyone). */
    List<Address> numberGroupWithout(PartEntity left) {
        List<Address> group = new ArrayList<>();
        for (PartEntity p : participants.values()) {
            if (p == left) {
                continue;
            }
            if (p.address != null && p.proxyAddress == null && !group.contains(p.address)) {
                group.add(p.address);
            }
            if (p.projectedAddress != null && !group.contains(p.projectedAddress)) {
                group.add(p.projectedAddress);
            }
        }
        group.sort(null);
        return group;
    }

    boolean isGroup() {
        for (PartEntity p : participants.values()) {
            if ((p.address != null && p.proxyAddress == null) || p.projectedAddress != null) {
                return true;
            }
        }
        return false;
    }
}
