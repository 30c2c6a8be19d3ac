package dev.convsim.journal;

import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Sids;
import dev.convsim.webhook.RecordedDelivery;
import java.time.Instant;

/**
 * One event in the simulator's journal: the single ordered record of everything that happened. Each entry prints
 * as one readable line, e.g. {@code #4 2026-01-01T00:00:00Z conversation added CH…01}.
 */
public sealed interface JournalEntry {

    /** Position in the journal, from 1. */
    long sequence();

    /** The simulated instant it happened. */
    Instant at();

    /** The conversation it concerns, or null. */
    default String conversationSid() {
        return null;
    }

    /** An inbound message and what happened to it; the line carries the outcome's explanation. */
    record Inbound(long sequence, Instant at, InboundOutcome outcome) implements JournalEntry {
        @Override
        public String conversationSid() {
            return outcome.conversationSid();
        }

        @Override
        public String toString() {
            return prefix(sequence, at) + "inbound " + outcome.message() + " → " + outcome.kind()
                    + (outcome.conversationSid() == null ? "" : " " + Sids.abbreviate(outcome.conversationSid()))
                    + ": " + outcome.explanation();
        }
    }

    /** The kinds of resource the journal records changes of. */
    enum Resource {
        CONVERSATION("conversation"),
        PARTICIPANT("participant"),
        MESSAGE("message"),
        CONVERSATION_WEBHOOK("conversation webhook"),
        ADDRESS_CONFIGURATION("address configuration"),
        CONVERSATION_SERVICE("conversation service"),
        MESSAGING_SERVICE("messaging service"),
        PHONE_NUMBER("phone number"),
        CONFIGURATION("configuration"),
        WORKER("worker");

        private final String words;

        Resource(String words) {
            this.words = words;
        }

        /** The resource's name in journal lines. */
        public String words() {
            return words;
        }
    }

    /** What happened to a resource. */
    enum Action {
        ADDED, UPDATED, REMOVED;

        /** Lower-case, as in journal lines. */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A resource was added, updated or removed.
     *
     * @param sid the resource's SID (or address, for phone numbers and configurations)
     * @param detail a short description, or null
     */
    record ResourceChanged(
            long sequence, Instant at, Resource resource, Action action, String sid, String conversationSid,
            String detail)
            implements JournalEntry {
        @Override
        public String toString() {
            return prefix(sequence, at) + resource.words() + " " + action.words() + " " + Sids.abbreviate(sid)
                    + (conversationSid != null && !conversationSid.equals(sid)
                            ? " in " + Sids.abbreviate(conversationSid)
                            : "")
                    + (detail == null ? "" : " (" + detail + ")");
        }
    }

    /** A conversation changed state; {@code reason} is Twilio's {@code API}, {@code TIMER} or {@code EVENT}. */
    record StateChanged(
            long sequence, Instant at, String conversationSid, ConversationState from, ConversationState to,
            String reason)
            implements JournalEntry {
        @Override
        public String toString() {
            return prefix(sequence, at) + "state " + Sids.abbreviate(conversationSid) + " " + from.wire() + " → "
                    + to.wire() + " (" + reason + ")";
        }
    }

    /** A webhook delivery and its answer. */
    record Delivered(long sequence, Instant at, RecordedDelivery delivery) implements JournalEntry {
        @Override
        public String conversationSid() {
            return delivery.param("ConversationSid");
        }

        @Override
        public String toString() {
            return prefix(sequence, at) + "webhook " + delivery;
        }
    }

    /**
     * A router's decision on a new conversation: routed to a worker, queued because no worker is available, or
     * assigned from the queue when a worker became available ({@code fromQueue}).
     *
     * @param mode {@code doNotRoute}, {@code custom}, {@code pool}, or a custom router's name
     * @param worker the identity the conversation went to, or null
     * @param queued true when it waits for a worker to become available
     * @param fromQueue true when a queued conversation was assigned because a worker became available
     */
    record Routed(long sequence, Instant at, String conversationSid, String mode, String worker, boolean queued,
            boolean fromQueue)
            implements JournalEntry {

        /** A decision on a conversation that never waited in the queue. */
        public Routed(long sequence, Instant at, String conversationSid, String mode, String worker, boolean queued) {
            this(sequence, at, conversationSid, mode, worker, queued, false);
        }

        /** {@code routed}, {@code queued} or {@code assigned}, as the journal line starts. */
        public String kind() {
            return fromQueue ? "assigned" : queued ? "queued" : "routed";
        }

        @Override
        public String toString() {
            if (fromQueue) {
                return prefix(sequence, at) + "assigned " + Sids.abbreviate(conversationSid) + " by " + mode + " to "
                        + worker + " from the queue";
            }
            if (queued) {
                return prefix(sequence, at) + "queued " + Sids.abbreviate(conversationSid) + " by " + mode
                        + ": no worker available";
            }
            return prefix(sequence, at) + "routed " + Sids.abbreviate(conversationSid) + " by " + mode
                    + (worker != null ? " to " + worker : ": no worker");
        }
    }

    /**
     * Something worth recording that is not a resource change: an API call rejected by a pre-action webhook,
     * a routing error (Frontline 32506), a configuration change taking effect.
     *
     * @param code Twilio's error code, or null
     */
    record Note(long sequence, Instant at, String conversationSid, Integer code, String text) implements JournalEntry {
        @Override
        public String toString() {
            return prefix(sequence, at) + (code == null ? "" : "error " + code + ": ") + text;
        }
    }

    private static String prefix(long sequence, Instant at) {
        return "#" + sequence + " " + at + " ";
    }
}
