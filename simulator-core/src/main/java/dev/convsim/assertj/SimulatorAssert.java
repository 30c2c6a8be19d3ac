package dev.convsim.assertj;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Address;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Message;
import dev.convsim.model.MessagingBinding;
import dev.convsim.model.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a simulator's state, read through its public API: bindings, conversation states and counts,
 * messages, participants. A failure names what was expected, what is there instead, and the closest thing found.
 *
 * <pre>{@code
 * assertThat(sim)
 *         .hasPairBoundTo("+15551230001", "+15005550001", conversationSid)
 *         .hasConversationInState(conversationSid, ConversationState.ACTIVE)
 *         .hasMessageCount(conversationSid, 2);
 * }</pre>
 */
public final class SimulatorAssert extends AbstractAssert<SimulatorAssert, ConversationsSimulator> {

    SimulatorAssert(ConversationsSimulator actual) {
        super(actual, SimulatorAssert.class);
    }

    // ------------------------------------------------------------------ bindings

    /** The number pair (customer address → Twilio number) is bound by a participant of this non-closed conversation. */
    public SimulatorAssert hasPairBoundTo(String address, String proxyAddress, String conversationSid) {
        isNotNull();
        Objects.requireNonNull(conversationSid, "conversationSid");
        Address a = Address.parse(address);
        Address p = Address.parse(proxyAddress);
        String pair = a + " → " + p;
        PairHolder holder = boundPair(a, p);
        if (holder != null && holder.conversation().sid().equals(conversationSid)) {
            return this;
        }
        if (holder != null) {
            String[] s = Words.sids(conversationSid, holder.conversation().sid());
            throw failure("%s", "expected the pair " + pair + " to be bound to " + s[0] + " but it is bound to "
                    + s[1]);
        }
        throw failure("%s", "expected the pair " + pair + " to be bound to " + Words.sid(conversationSid)
                + " but no non-closed conversation binds it" + pairNearMiss(a, p));
    }

    /** No participant of a non-closed conversation binds the number pair. */
    public SimulatorAssert hasPairUnbound(String address, String proxyAddress) {
        isNotNull();
        Address a = Address.parse(address);
        Address p = Address.parse(proxyAddress);
        PairHolder holder = boundPair(a, p);
        if (holder != null) {
            throw failure("%s", "expected the pair " + a + " → " + p + " to be unbound but participant "
                    + Words.sid(holder.participant().sid()) + " binds it in " + Words.sid(holder.conversation().sid())
                    + " (" + holder.conversation().state() + ")");
        }
        return this;
    }

    /**
     * This non-closed conversation has exactly this number group: the sorted addresses and projected addresses of its
     * participants, which a group MMS must match to be captured.
     */
    public SimulatorAssert hasNumberGroupBoundTo(List<String> addresses, String conversationSid) {
        isNotNull();
        Objects.requireNonNull(conversationSid, "conversationSid");
        List<Address> group = new ArrayList<>();
        for (String value : addresses) {
            group.add(Address.parse(value));
        }
        group.sort(null);
        List<String> holders = new ArrayList<>();
        Conversation expected = null;
        for (Conversation c : actual.api().listConversations()) {
            if (c.sid().equals(conversationSid)) {
                expected = c;
            }
            if (c.state() != ConversationState.CLOSED && numberGroup(c.sid()).equals(group)) {
                holders.add(c.sid());
            }
        }
        if (holders.contains(conversationSid)) {
            return this;
        }
        if (!holders.isEmpty()) {
            String[] s = Words.sids(conversationSid, holders.get(0));
            throw failure("%s", "expected the number group " + group + " to be bound to " + s[0]
                    + " but it is bound to " + s[1]);
        }
        String near;
        if (expected == null) {
            near = "; there is no conversation " + Words.sid(conversationSid);
        } else if (expected.state() == ConversationState.CLOSED) {
            near = "; " + Words.sid(conversationSid) + " is closed";
        } else {
            List<Address> has = numberGroup(conversationSid);
            near = "; " + Words.sid(conversationSid) + (has.isEmpty() ? " has no number group" : " has " + has);
        }
        throw failure("%s", "expected the number group " + group + " to be bound to " + Words.sid(conversationSid)
                + " but no non-closed conversation has it" + near);
    }

    // ------------------------------------------------------------------ conversations

    /** The conversation (by SID or unique name) exists and is in this state. */
    public SimulatorAssert hasConversationInState(String conversation, ConversationState state) {
        isNotNull();
        Objects.requireNonNull(state, "state");
        Conversation c = find(conversation, "to be " + state);
        if (c.state() != state) {
            throw failure("%s", "expected conversation " + Words.sid(c.sid()) + " to be " + state + " but it is "
                    + c.state());
        }
        return this;
    }

    /** The simulator holds exactly this many conversations, in any state. */
    public SimulatorAssert hasConversationCount(int expected) {
        isNotNull();
        List<Conversation> all = actual.api().listConversations();
        if (all.size() != expected) {
            throw failure("%s", "expected " + Words.count(expected, "conversation", "conversations") + " but "
                    + thereAre(all.size()) + (all.isEmpty() ? "" : ": " + list(all, true)));
        }
        return this;
    }

    /** Exactly this many conversations are in this state. */
    public SimulatorAssert hasConversationCount(ConversationState state, int expected) {
        isNotNull();
        Objects.requireNonNull(state, "state");
        List<Conversation> all = actual.api().listConversations();
        List<Conversation> inState = new ArrayList<>();
        for (Conversation c : all) {
            if (c.state() == state) {
                inState.add(c);
            }
        }
        if (inState.size() != expected) {
            String detail = !inState.isEmpty() ? ": " + list(inState, false)
                    : all.isEmpty() ? "" : "; the conversations are " + list(all, true);
            throw failure("%s", "expected " + Words.count(expected, state + " conversation", state + " conversations")
                    + " but " + thereAre(inState.size()) + detail);
        }
        return this;
    }

    /** The conversation (by SID or unique name) has exactly this many messages. */
    public SimulatorAssert hasMessageCount(String conversation, int expected) {
        isNotNull();
        Conversation c = find(conversation, "to have " + Words.count(expected, "message", "messages"));
        List<Message> messages = actual.api().listMessages(c.sid());
        if (messages.size() != expected) {
            throw failure("%s", "expected conversation " + Words.sid(c.sid()) + " to have "
                    + Words.count(expected, "message", "messages") + " but it has " + messages.size()
                    + (messages.isEmpty() ? "" : ": " + messages(messages)));
        }
        return this;
    }

    /** The conversation (by SID or unique name) has a message with exactly this body. */
    public SimulatorAssert hasMessageWithBody(String conversation, String body) {
        isNotNull();
        Conversation c = find(conversation, "to have a message " + Words.quoted(body));
        List<Message> messages = actual.api().listMessages(c.sid());
        for (Message m : messages) {
            if (Objects.equals(m.body(), body)) {
                return this;
            }
        }
        throw failure("%s", "expected conversation " + Words.sid(c.sid()) + " to have a message "
                + Words.quoted(body) + " but " + (messages.isEmpty()
                        ? "it has no messages"
                        : "its messages are " + messages(messages)));
    }

    /** The conversation (by SID or unique name) has a participant with this chat identity. */
    public SimulatorAssert hasParticipantWithIdentity(String conversation, String identity) {
        isNotNull();
        Conversation c = find(conversation, "to have the participant " + identity);
        List<Participant> participants = actual.api().listParticipants(c.sid());
        List<String> described = new ArrayList<>();
        for (Participant p : participants) {
            if (Objects.equals(p.identity(), identity)) {
                return this;
            }
            described.add(Words.sid(p.sid()) + " (" + describe(p) + ")");
        }
        throw failure("%s", "expected conversation " + Words.sid(c.sid()) + " to have the participant " + identity
                + " but " + (described.isEmpty()
                        ? "it has no participants"
                        : "its participants are " + String.join(", ", described)));
    }

    /** {@link ConversationsSimulator#verifyInvariants()} passes. */
    public SimulatorAssert satisfiesInvariants() {
        isNotNull();
        try {
            actual.verifyInvariants();
        } catch (AssertionError e) {
            throw failure("%s", "expected the simulator's invariants to hold but " + e.getMessage());
        }
        return this;
    }

    // ------------------------------------------------------------------ reading the simulator

    private record PairHolder(Conversation conversation, Participant participant) {
    }

    private PairHolder boundPair(Address address, Address proxy) {
        for (PairHolder h : pairHolders(address, proxy)) {
            if (h.conversation().state() != ConversationState.CLOSED) {
                return h;
            }
        }
        return null;
    }

    private List<PairHolder> pairHolders(Address address, Address proxy) {
        List<PairHolder> out = new ArrayList<>();
        for (Participant p : actual.api().findParticipantsByAddress(address.value())) {
            MessagingBinding b = p.messagingBinding();
            if (b != null && b.isPair() && address.equals(b.address()) && (proxy == null || proxy.equals(b.proxyAddress()))) {
                out.add(new PairHolder(actual.api().fetchConversation(p.conversationSid()), p));
            }
        }
        return out;
    }

    private String pairNearMiss(Address address, Address proxy) {
        List<PairHolder> same = pairHolders(address, proxy);
        if (!same.isEmpty()) {
            PairHolder last = same.get(same.size() - 1);
            return "; closed " + Words.sid(last.conversation().sid()) + " held it";
        }
        List<String> others = new ArrayList<>();
        for (PairHolder h : pairHolders(address, null)) {
            if (h.conversation().state() != ConversationState.CLOSED) {
                others.add(address + " → " + h.participant().messagingBinding().proxyAddress() + " in "
                        + Words.sid(h.conversation().sid()));
            }
        }
        return others.isEmpty() ? "" : "; bound instead: " + String.join(", ", others);
    }

    private List<Address> numberGroup(String conversationSid) {
        List<Address> group = new ArrayList<>();
        for (Participant p : actual.api().listParticipants(conversationSid)) {
            MessagingBinding b = p.messagingBinding();
            if (b == null) {
                continue;
            }
            if (b.address() != null && b.proxyAddress() == null) {
                group.add(b.address());
            }
            if (b.projectedAddress() != null) {
                group.add(b.projectedAddress());
            }
        }
        group.sort(null);
        return group;
    }

    private Conversation find(String conversation, String expectation) {
        Objects.requireNonNull(conversation, "conversation");
        try {
            return actual.api().fetchConversation(conversation);
        } catch (TwilioApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            List<Conversation> all = actual.api().listConversations();
            throw failure("%s", "expected conversation " + Words.sid(conversation) + " " + expectation
                    + " but there is no such conversation; " + (all.isEmpty()
                            ? "there are no conversations"
                            : "there " + (all.size() == 1 ? "is " : "are ") + list(all, true)));
        }
    }

    private static String thereAre(int n) {
        return n == 1 ? "there is 1" : "there are " + n;
    }

    private static String list(List<Conversation> conversations, boolean withState) {
        List<String> parts = new ArrayList<>();
        for (Conversation c : conversations) {
            parts.add(Words.sid(c.sid()) + (withState ? " (" + c.state() + ")" : ""));
        }
        return String.join(", ", parts);
    }

    private static String messages(List<Message> messages) {
        List<String> parts = new ArrayList<>();
        for (Message m : messages) {
            parts.add("#" + m.index() + " " + m.author() + " " + Words.quoted(m.body()));
        }
        return String.join(", ", parts);
    }

    static String describe(Participant p) {
        return p.describe();
    }
}
