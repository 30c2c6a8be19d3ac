package dev.convsim;

import dev.convsim.journal.JournalEntry;
import dev.convsim.webhook.RecordedDelivery;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/** The bounded, ordered journal. Guarded by the engine lock. */
final class Journal {
    private final int limit;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final ArrayDeque<RecordedDelivery> deliveries = new ArrayDeque<>();
    private long sequence;
    private long deliverySequence;
    private long droppedEntries;
    private long droppedDeliveries;

    Journal(int limit) {
        this.limit = limit;
    }

    long nextSequence() {
        return ++sequence;
    }

    long nextDeliverySequence() {
        return ++deliverySequence;
    }

    void append(JournalEntry entry) {
        entries.addLast(entry);
        if (entries.size() > limit) {
            entries.removeFirst();
            droppedEntries++;
        }
        if (entry instanceof JournalEntry.Delivered d) {
            addInSequence(d.delivery());
            if (deliveries.size() > limit) {
                deliveries.removeFirst();
                droppedDeliveries++;
            }
        }
    }

    /**
     * Keeps the delivery view in the order requests were made: a pre-action hook called from inside another
     * delivery's handler completes first but was sent later.
     */
    private void addInSequence(RecordedDelivery delivery) {
        ArrayDeque<RecordedDelivery> later = null;
        while (!deliveries.isEmpty() && deliveries.peekLast().sequence() > delivery.sequence()) {
            if (later == null) {
                later = new ArrayDeque<>();
            }
            later.addFirst(deliveries.removeLast());
        }
        deliveries.addLast(delivery);
        if (later != null) {
            deliveries.addAll(later);
        }
    }

    List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    List<RecordedDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    long droppedEntries() {
        return droppedEntries;
    }

    long droppedDeliveries() {
        return droppedDeliveries;
    }

    List<JournalEntry> since(long sequenceExclusive) {
        // entries are in sequence order: walk back from the newest so a recent look costs only what it returns
        ArrayDeque<JournalEntry> out = new ArrayDeque<>();
        for (Iterator<JournalEntry> it = entries.descendingIterator(); it.hasNext(); ) {
            JournalEntry e = it.next();
            if (e.sequence() <= sequenceExclusive) {
                break;
            }
            out.addFirst(e);
        }
        return List.copyOf(out);
    }

    long lastSequence() {
        return sequence;
    }
}
