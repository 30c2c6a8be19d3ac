package dev.convsim;

import dev.convsim.journal.JournalEntry;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * Breaks a simulator's internal state on purpose, so tests can see how the test kit reports a broken invariant. The
 * public API cannot do this (that is the point of the invariants), hence reflection on the one private field.
 */
public final class EngineBackdoor {

    private EngineBackdoor() {
    }

    private static EngineApi engine(ConversationsSimulator sim) {
        try {
            Field f = ConversationsSimulator.class.getDeclaredField("engine");
            f.setAccessible(true);
            return (EngineApi) f.get(sim);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets every number pair in the binding index while the participants still hold them. */
    public static void forgetPairBindings(ConversationsSimulator sim) {
        EngineApi e = engine(sim);
        e.locked(e.pairIndex::clear);
    }

    /** Copies the first pair participant of {@code from} into {@code to}: one pair, two conversations. */
    public static void duplicatePair(ConversationsSimulator sim, String from, String to) {
        EngineApi e = engine(sim);
        e.locked(() -> {
            for (PartEntity p : e.conversations.get(from).participants.values()) {
                if (p.isPair()) {
                    PartEntity copy = new PartEntity("MB0000000000000000000000000000ff00", e.conversations.get(to), null, p.address,
                            p.proxyAddress, null, p.dateCreated);
                    e.conversations.get(to).participants.put(copy.sid, copy);
                    return;
                }
            }
            throw new IllegalArgumentException(from + " has no pair participant");
        });
    }

    /** Gives a conversation an inactive timer already overdue, without queueing it. */
    public static void overdueInactiveTimer(ConversationsSimulator sim, String conversationSid, Duration overdueBy) {
        EngineApi e = engine(sim);
        e.locked(() -> {
            ConvEntity c = e.conversations.get(conversationSid);
            c.inactiveTimer = Duration.ofMinutes(1);
            c.timerAnchor = e.now().minus(Duration.ofMinutes(1)).minus(overdueBy);
        });
    }

    /** Appends a journal note dated before the clock. */
    public static void noteInThePast(ConversationsSimulator sim, Duration before, String text) {
        EngineApi e = engine(sim);
        e.locked(() -> e.journal.append(new JournalEntry.Note(e.journal.nextSequence(), e.now().minus(before), null,
                null, text)));
    }

    /** Puts a conversation in the pool-routing queue whatever the workers. */
    public static void enqueueForRouting(ConversationsSimulator sim, String conversationSid) {
        EngineApi e = engine(sim);
        e.locked(() -> e.workerQueue.addLast(conversationSid));
    }
}
