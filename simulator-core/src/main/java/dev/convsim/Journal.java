package dev.convsim;

import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Message;
import dev.convsim.webhook.RecordedDelivery;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The bounded, ordered journal. Guarded by the engine lock. It keeps the last {@code limit} entries and, apart, the
 * last {@code limit} deliveries, counting what it drops. Snapshots ({@link #entries()}, {@link #deliveries()}) cost
 * one small array, not a copy of every entry, so a test may take one per step of a long run.
 */
final class Journal {
    /** Journal entries, and the outcome and message of each capture standing for its two entries. */
    private final Log<Object> entries;
    private final Log<RecordedDelivery> deliveries;
    private long sequence;
    private long deliverySequence;

    Journal(int limit) {
        this.entries = new Log<>(limit);
        this.deliveries = new Log<>(limit);
    }

    long nextSequence() {
        return ++sequence;
    }

    long nextDeliverySequence() {
        return ++deliverySequence;
    }

    void append(JournalEntry entry) {
        assert entry.sequence() == entries.end() + 1 : "entry " + entry.sequence() + " appended at " + entries.end();
        entries.add(entry);
        if (entry instanceof JournalEntry.Delivered d) {
            addInSequence(d.delivery());
        }
    }

    /**
     * Keeps the delivery view in the order requests were made: a pre-action hook called from inside another
     * delivery's handler completes first but was sent later.
     */
    private void addInSequence(RecordedDelivery delivery) {
        long at = deliveries.end();
        while (at > deliveries.first() && deliveries.get(at - 1).sequence() > delivery.sequence()) {
            at--;
        }
        deliveries.insert(at, delivery);
    }

    /**
     * Appends the two entries of a captured message, {@code Inbound} and then the message's {@code ResourceChanged},
     * the commonest thing a simulator journals, without making either: the outcome and the message fill their two
     * slots, and the entries are made from them when read (both at the message's {@code dateCreated}).
     */
    void appendCapture(InboundOutcome.Captured outcome, Message message) {
        sequence += 2;
        entries.add(outcome);
        entries.add(message);
    }

    /** The entry a slot of {@link #entries} stands for: slot {@code i} holds sequence {@code i + 1}. */
    private static Object entryAt(Snapshot<?> kept, int index) {
        Object slot = kept.slot(index);
        if (slot instanceof InboundOutcome.Captured outcome) {
            // the message was appended in the same lock hold, so it is always the next slot
            Message message = (Message) kept.slot(index + 1);
            return new JournalEntry.Inbound(kept.absolute(index) + 1, message.dateCreated(), outcome);
        }
        if (slot instanceof Message message) {
            return new JournalEntry.ResourceChanged(kept.absolute(index) + 1, message.dateCreated(),
                    JournalEntry.Resource.MESSAGE, JournalEntry.Action.ADDED, message.sid(), message.conversationSid(),
                    "index " + message.index());
        }
        return slot;
    }

    List<JournalEntry> entries() {
        return entries.snapshot(Journal::entryAt);
    }

    List<RecordedDelivery> deliveries() {
        return deliveries.snapshot(null);
    }

    long droppedEntries() {
        return entries.first();
    }

    long droppedDeliveries() {
        return deliveries.first();
    }

    List<JournalEntry> since(long sequenceExclusive) {
        // entries are in sequence order: walk back from the newest so a recent look costs only what it returns
        List<JournalEntry> kept = entries();
        int from = kept.size();
        while (from > 0 && kept.get(from - 1).sequence() > sequenceExclusive) {
            from--;
        }
        return List.copyOf(kept.subList(from, kept.size()));
    }

    long lastSequence() {
        return sequence;
    }

    /**
     * A sequence that keeps its last {@code limit} items, addressed by absolute index (the first item ever added is
     * 0), stored in fixed chunks released whole once every item in them is dropped. Snapshots share the chunks, so
     * a slot a snapshot can see is never written again: appends write past every snapshot's end, and the rare
     * insertion before the end rewrites copies of the chunks it touches. The price of sharing: up to one chunk less
     * one item of dropped entries stays reachable until its chunk is released (a chunk is about a sixteenth of the
     * limit, a power of two between 16 and 1,024 items).
     */
    private static final class Log<T> {
        private final int limit;
        private final int chunkShift;
        private final int chunkSize;
        private final int chunkMask;
        private final ArrayList<Object[]> chunks = new ArrayList<>();
        /** Absolute index of the first slot of the first chunk. */
        private long base;
        /** Absolute index of the oldest item kept: also how many were dropped. */
        private long first;
        /** Absolute index one past the newest item. */
        private long end;

        Log(int limit) {
            this.limit = limit;
            this.chunkSize = Integer.highestOneBit(Math.max(16, Math.min(1024, limit / 16)));
            this.chunkShift = Integer.numberOfTrailingZeros(chunkSize);
            this.chunkMask = chunkSize - 1;
        }

        long first() {
            return first;
        }

        long end() {
            return end;
        }

        @SuppressWarnings("unchecked")
        T get(long index) {
            long at = index - base;
            return (T) chunks.get((int) (at >>> chunkShift))[(int) at & chunkMask];
        }

        private void set(long index, Object item) {
            long at = index - base;
            chunks.get((int) (at >>> chunkShift))[(int) at & chunkMask] = item;
        }

        void add(T item) {
            int slot = (int) (end - base) & chunkMask;
            if (slot == 0) {
                chunks.add(new Object[chunkSize]);
            }
            chunks.get(chunks.size() - 1)[slot] = item;
            end++;
            if (end - first > limit) {
                first++;
                if (first - base == chunkSize) {
                    chunks.remove(0);
                    base += chunkSize;
                }
            }
        }

        /** Inserts at an absolute index between {@link #first()} and {@link #end()}, shifting later items up. */
        void insert(long index, T item) {
            if (index == end) {
                add(item);
                return;
            }
            @SuppressWarnings("unchecked")
            T last = get(end - 1);
            for (int c = (int) ((index - base) >>> chunkShift); c < chunks.size(); c++) {
                chunks.set(c, chunks.get(c).clone()); // snapshots keep the chunks as they were
            }
            for (long i = end - 1; i > index; i--) {
                set(i, get(i - 1));
            }
            set(index, item);
            add(last);
        }

        /** The kept items now; {@code reader}, when given, turns a slot and its absolute index into the item. */
        <R> List<R> snapshot(SlotReader reader) {
            return new Snapshot<>(chunks.toArray(new Object[0][]), chunkShift, (int) (first - base),
                    (int) (end - first), first, reader);
        }
    }

    /** Makes the item a slot of a snapshot stands for. */
    private interface SlotReader {
        Object read(Snapshot<?> snapshot, int index);
    }

    /** An immutable view of a log's kept items at one moment. */
    private static final class Snapshot<T> extends AbstractList<T> implements RandomAccess {
        private final Object[][] chunks;
        private final int chunkShift;
        private final int offset;
        private final int size;
        /** Absolute index of the first item. */
        private final long first;
        private final SlotReader reader;

        Snapshot(Object[][] chunks, int chunkShift, int offset, int size, long first, SlotReader reader) {
            this.chunks = chunks;
            this.chunkShift = chunkShift;
            this.offset = offset;
            this.size = size;
            this.first = first;
            this.reader = reader;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, size);
            return (T) (reader == null ? slot(index) : reader.read(this, index));
        }

        /** What the log holds at this index of the snapshot. */
        Object slot(int index) {
            long at = (long) offset + index;
            return chunks[(int) (at >>> chunkShift)][(int) at & ((1 << chunkShift) - 1)];
        }

        /** The absolute index (from the first item ever added) of this index of the snapshot. */
        long absolute(int index) {
            return first + index;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
