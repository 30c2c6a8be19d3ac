package dev.convsim.inbound;

import dev.convsim.model.Sids;

/**
 * What happened to one inbound message. Exactly one of: captured by an existing conversation, autocreated a new
 * one, dropped by a pre-action webhook, sent to the Programmable Messaging webhook, or unhandled. Each explains
 * itself, naming every rule it tried; the words are built only when {@link #explanation()} is called.
 */
public sealed interface InboundOutcome {

    /** The message as received. */
    InboundMessage message();

    /** The outcome's name as the scenario trace writes it. */
    String kind();

    /** The conversation the message landed in, or null. */
    default String conversationSid() {
        return null;
    }

    /** The message resource created, or null. */
    default String messageSid() {
        return null;
    }

    /** Every rule tried, in words. */
    String explanation();

    /** Captured by the non-closed conversation that binds its number pair or number group. */
    record Captured(
            InboundMessage message, String conversationSid, String participantSid, String messageSid,
            boolean reactivated)
            implements InboundOutcome {
        @Override
        public String kind() {
            return "captured";
        }

        @Override
        public String explanation() {
            String what = message.isGroup()
                    ? "conversation " + Sids.abbreviate(conversationSid) + " has the number group "
                            + message.numberGroup()
                    : "participant " + Sids.abbreviate(participantSid) + " in conversation "
                            + Sids.abbreviate(conversationSid) + " binds " + message.from() + " → " + message.to();
            return what + "; captured as message " + Sids.abbreviate(messageSid)
                    + (reactivated ? "; the conversation went from inactive to active" : "");
        }
    }

    /** How an autocreation was triggered. */
    enum Via {
        /** An enabled address configuration for the To address. */
        ADDRESS_CONFIGURATION,
        /** A messaging service whose integration autocreates and whose sender pool holds To. */
        MESSAGING_SERVICE
    }

    /** Not captured, so a new conversation was created, with the sender as a participant and this message. */
    record Autocreated(
            InboundMessage message, InboundTrail trail, Via via, String viaSid, String conversationSid,
            String participantSid, String messageSid)
            implements InboundOutcome {
        @Override
        public String kind() {
            return "autocreated";
        }

        @Override
        public String explanation() {
            return trail.notCaptured() + "; " + trail.autocreationRules(true) + "; autocreated conversation "
                    + Sids.abbreviate(conversationSid) + " with participant " + Sids.abbreviate(participantSid)
                    + " and message " + Sids.abbreviate(messageSid);
        }
    }

    /**
     * Rejected by a pre-action webhook: nothing was created and, during autocreation, the message does not fall
     * back to the messaging webhook.
     *
     * @param event {@code onConversationAdd} (autocreation) or {@code onMessageAdd} (capture)
     * @param conversationSid the capturing conversation for {@code onMessageAdd}; null during autocreation
     * @param status the rejecting status
     */
    record Dropped(
            InboundMessage message, InboundTrail trail, String event, String url, int status,
            String conversationSid)
            implements InboundOutcome {
        @Override
        public String explanation() {
            String before = conversationSid != null
                    ? "conversation " + Sids.abbreviate(conversationSid) + " binds " + message.from() + " → "
                            + message.to()
                    : trail.notCaptured() + "; " + trail.autocreationRules(true);
            return before + "; the pre-action webhook " + event + " at " + url + " answered " + status
                    + ", so the message was dropped";
        }

        @Override
        public String kind() {
            return "dropped";
        }
    }

    /** Not captured and not autocreated: sent to the Programmable Messaging incoming-message webhook. */
    record SentToMessagingWebhook(InboundMessage message, InboundTrail trail, String url, boolean fromMessagingService)
            implements InboundOutcome {
        @Override
        public String kind() {
            return "messagingWebhook";
        }

        @Override
        public String explanation() {
            return trail.notCaptured() + "; " + trail.autocreationRules(false) + "; sent to "
                    + (fromMessagingService
                            ? "messaging service " + Sids.abbreviate(trail.messagingServiceSid()) + "'s inbound request URL "
                            : "the number's SMS URL ")
                    + url;
        }
    }

    /** Nobody handles it: no conversation, no autocreation, no incoming-message URL. Only logged. */
    record Unhandled(InboundMessage message, InboundTrail trail) implements InboundOutcome {
        @Override
        public String kind() {
            return "unhandled";
        }

        @Override
        public String explanation() {
            return trail.notCaptured() + "; " + trail.autocreationRules(false) + "; " + message.to()
                    + " has no incoming-message URL, so the message was only logged";
        }
    }
}
