package dev.convsim.jqwik;

import dev.convsim.ConversationsSimulator;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import dev.convsim.model.MessagingBinding;
import dev.convsim.model.Participant;
import dev.convsim.model.Sids;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Invariants that hold for any simulator after any step, for {@code ActionChain.withInvariant}. Each reads the
 * simulator through its public API (or journal) and throws an {@link AssertionError} naming what broke.
 *
 * <pre>{@code
 * chain.withInvariant("no pair in two conversations", ConvsimInvariants.noPairInTwoNonClosedConversations())
 *      .withInvariant("binding index", ConvsimInvariants.bindingIndexConsistent())
 *      .run();
 * }</pre>
 */
public final class ConvsimInvariants {

    private ConvsimInvariants() {
    }

    /** {@link ConversationsSimulator#verifyInvariants()}: the binding index agrees with the conversations. */
    public static Consumer<ConversationsSimulator> bindingIndexConsistent() {
        return ConversationsSimulator::verifyInvariants;
    }

    /** No number pair is held by participants of two non-closed conversations (read through the API). */
    public static Consumer<ConversationsSimulator> noPairInTwoNonClosedConversations() {
        return sim -> {
            Map<String, String> holders = new HashMap<>();
            for (Conversation c : sim.api().listConversations()) {
                if (c.state() == ConversationState.CLOSED) {
                    continue;
                }
                for (Participant p : sim.api().listParticipants(c.sid())) {
                    MessagingBinding b = p.messagingBinding();
                    if (b == null || !b.isPair()) {
                        continue;
                    }
                    String pair = b.address() + " → " + b.proxyAddress();
                    String other = holders.put(pair, c.sid());
                    if (other != null) {
                        throw new AssertionError("the pair " + pair + " is in two non-closed conversations: "
                                + Sids.abbreviate(other) + " and " + Sids.abbreviate(c.sid()));
                    }
                }
            }
        };
    }

    /**
     * Every due timer has fired: no active conversation's {@code timers.date_inactive}, and no non-closed
     * conversation's {@code timers.date_closed}, is at or before the clock.
     */
    public static Consumer<ConversationsSimulator> noTimerOverdue() {
        return sim -> {
            Instant now = sim.now();
            for (Conversation c : sim.api().listConversations()) {
                Instant inactive = c.timers().dateInactive();
                if (c.state() == ConversationState.ACTIVE && inactive != null && !inactive.isAfter(now)) {
                    throw new AssertionError("conversation " + Sids.abbreviate(c.sid()) + " is still active at " + now
                            + " though its inactive timer fell due at " + inactive);
                }
                Instant closed = c.timers().dateClosed();
                if (c.state() != ConversationState.CLOSED && closed != null && !closed.isAfter(now)) {
                    throw new AssertionError("conversation " + Sids.abbreviate(c.sid()) + " is still " + c.state()
                            + " at " + now + " though its closed timer fell due at " + closed);
                }
            }
        };
    }

    /** The journal's sequence numbers count up by one and its instants never go back. */
    public static Consumer<ConversationsSimulator> journalInOrder() {
        return sim -> {
            List<JournalEntry> journal = sim.journal();
            long expected = sim.journalDropped() + 1;
            Instant last = null;
            for (JournalEntry e : journal) {
                if (e.sequence() != expected) {
                    throw new AssertionError("journal entry " + e + " has sequence " + e.sequence() + ", expected "
                            + expected);
                }
                if (last != null && e.at().isBefore(last)) {
                    throw new AssertionError("journal entry " + e + " is at " + e.at() + ", before the previous entry's "
                            + last);
                }
                last = e.at();
                expected++;
            }
        };
    }

    /**
     * With pool routing, no conversation waits in the routing queue while a worker is available (availability read
     * from the journal's worker entries, so it needs the journal unbounded so far).
     */
    public static Consumer<ConversationsSimulator> noConversationWaitsWhileAWorkerIsAvailable() {
        return sim -> {
            List<String> queue = sim.routingQueue();
            if (queue.isEmpty()) {
                return;
            }
            Map<String, Boolean> available = new LinkedHashMap<>();
            for (JournalEntry e : sim.journal()) {
                if (e instanceof JournalEntry.ResourceChanged r && r.resource() == JournalEntry.Resource.WORKER) {
                    available.put(r.sid(), Objects.equals(r.detail(), "available"));
                }
            }
            available.forEach((worker, isAvailable) -> {
                if (isAvailable) {
                    throw new AssertionError(worker + " is available but " + queue.size() + " "
                            + (queue.size() == 1 ? "conversation waits" : "conversations wait") + " in the routing queue: "
                            + abbreviate(queue));
                }
            });
        };
    }

    /** Every invariant above, in order. */
    public static Consumer<ConversationsSimulator> all() {
        List<Consumer<ConversationsSimulator>> each = List.of(bindingIndexConsistent(),
                noPairInTwoNonClosedConversations(), noTimerOverdue(), journalInOrder(),
                noConversationWaitsWhileAWorkerIsAvailable());
        return sim -> each.forEach(invariant -> invariant.accept(sim));
    }

    /** An invariant of the simulator as an invariant of a state that holds one. */
    public static <S> Consumer<S> on(Function<? super S, ConversationsSimulator> view,
            Consumer<ConversationsSimulator> invariant) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(invariant, "invariant");
        return state -> invariant.accept(view.apply(state));
    }

    private static String abbreviate(List<String> sids) {
        StringBuilder s = new StringBuilder();
        for (String sid : sids) {
            s.append(s.length() == 0 ? "" : ", ").append(Sids.abbreviate(sid));
        }
        return s.toString();
    }
}
