package dev.convsim.assertj;

import dev.convsim.inbound.InboundOutcome;
import dev.convsim.inbound.InboundOutcome.Autocreated;
import dev.convsim.inbound.InboundOutcome.Captured;
import dev.convsim.inbound.InboundOutcome.Dropped;
import dev.convsim.inbound.InboundOutcome.SentToMessagingWebhook;
import dev.convsim.inbound.InboundOutcome.Unhandled;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what happened to one inbound message. A failure says what happened instead and quotes the
 * outcome's explanation, which names every rule the decision tried.
 *
 * <pre>{@code
 * assertThat(sim.receive("+15551230001", "+15005550001", "again")).isCaptured().byConversation(first);
 * }</pre>
 */
public final class InboundOutcomeAssert extends AbstractAssert<InboundOutcomeAssert, InboundOutcome> {

    InboundOutcomeAssert(InboundOutcome actual) {
        super(actual, InboundOutcomeAssert.class);
    }

    /** Captured by an existing non-closed conversation. */
    public InboundOutcomeAssert isCaptured() {
        return is(Captured.class, "captured");
    }

    /** Not captured, so it autocreated a new conversation. */
    public InboundOutcomeAssert isAutocreated() {
        return is(Autocreated.class, "autocreated");
    }

    /** Rejected by a pre-action webhook ({@code onConversationAdd} or {@code onMessageAdd}). */
    public InboundOutcomeAssert isDropped() {
        return is(Dropped.class, "dropped");
    }

    /** Sent to the Programmable Messaging incoming-message webhook. */
    public InboundOutcomeAssert isSentToMessagingWebhook() {
        return is(SentToMessagingWebhook.class, "sent to the messaging webhook");
    }

    /** Handled by nobody: only logged. */
    public InboundOutcomeAssert isUnhandled() {
        return is(Unhandled.class, "unhandled");
    }

    /**
     * The conversation the message landed in (captured or autocreated), or whose {@code onMessageAdd} dropped it, is
     * this one.
     */
    public InboundOutcomeAssert byConversation(String conversationSid) {
        isNotNull();
        Objects.requireNonNull(conversationSid, "conversationSid");
        String landed = actual.conversationSid();
        if (conversationSid.equals(landed)) {
            return this;
        }
        if (landed == null) {
            throw failure("%s", "expected " + actual.message() + " to land in " + Words.sid(conversationSid)
                    + " but it landed in no conversation: it " + happened(actual) + " ("
                    + actual.explanation() + ")");
        }
        String[] s = Words.sids(conversationSid, landed);
        throw failure("%s", "expected " + actual.message() + " to land in " + s[0] + " but it "
                + happened(actual).replace(Words.sid(landed), s[1]) + " (" + actual.explanation() + ")");
    }

    /** Autocreated through this path: an address configuration or a messaging service. */
    public InboundOutcomeAssert isAutocreatedVia(InboundOutcome.Via via) {
        isAutocreated();
        Objects.requireNonNull(via, "via");
        Autocreated a = (Autocreated) actual;
        if (a.via() != via) {
            throw failure("%s", "expected " + actual.message() + " to autocreate via " + words(via) + " but it did via "
                    + words(a.via()) + " " + Words.sid(a.viaSid()) + " (" + actual.explanation() + ")");
        }
        return this;
    }

    /** Captured by an inactive conversation, which it made active again. */
    public InboundOutcomeAssert reactivatedItsConversation() {
        isCaptured();
        Captured c = (Captured) actual;
        if (!c.reactivated()) {
            throw failure("%s", "expected " + actual.message() + " to reactivate " + Words.sid(c.conversationSid())
                    + " but the conversation was not inactive when the message arrived");
        }
        return this;
    }

    /** The explanation contains this text. */
    public InboundOutcomeAssert explanationContains(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        String explanation = actual.explanation();
        if (!explanation.contains(text)) {
            throw failure("%s", "expected the explanation of " + actual.message() + " to contain "
                    + Words.quoted(text) + " but it is: " + explanation);
        }
        return this;
    }

    private InboundOutcomeAssert is(Class<? extends InboundOutcome> kind, String words) {
        isNotNull();
        if (!kind.isInstance(actual)) {
            throw failure("%s", "expected " + actual.message() + " to be " + words + " but it " + happened(actual)
                    + " (" + actual.explanation() + ")");
        }
        return this;
    }

    /** What happened, as the rest of a sentence starting with "it". */
    static String happened(InboundOutcome outcome) {
        if (outcome instanceof Captured c) {
            return "was captured by " + Words.sid(c.conversationSid());
        }
        if (outcome instanceof Autocreated a) {
            return "autocreated " + Words.sid(a.conversationSid());
        }
        if (outcome instanceof Dropped d) {
            return "was dropped by " + d.event() + " (" + d.status() + ")"
                    + (d.conversationSid() == null ? "" : " in " + Words.sid(d.conversationSid()));
        }
        if (outcome instanceof SentToMessagingWebhook w) {
            return "was sent to the messaging webhook " + w.url();
        }
        return "was unhandled";
    }

    private static String words(InboundOutcome.Via via) {
        return via == InboundOutcome.Via.ADDRESS_CONFIGURATION ? "an address configuration" : "a messaging service";
    }
}
