package dev.convsim;

import dev.convsim.journal.JournalEntry;
import dev.convsim.webhook.RecordedDelivery;
import java.util.AbstractList;
import java.util.ArrayDeque;
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
    private final Log<JournalEntry> entries;
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
        entries.add(entry);
        if (entry instanceof JournalEntry.Delivered d) {
            deliveries.add(d.delivery());
        }
    }

    List<JournalEntry> entries() {
        return entries.snapshot();
    }

    List<RecordedDelivery> deliveries() {
        return deliveries.snapshot();
    }

    long droppedEntries() {
        return entries.dropped();
    }

    long droppedDeliveries() {
        return deliveries.dropped();
    }

    List<JournalEntry> since(long sequenceExclusive) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries.snapshot()) {
            if (e.sequence() > sequenceExclusive) {
                out.add(e);
            }
        }
        return out;
    }

    long lastSequence() {
        return sequence;
    }

    /**
     * An append-only sequence that keeps its last {@code limit} items, stored in fixed chunks that are written once
     * and released whole once every item in them is dropped. Because a written slot never changes, a snapshot can
     * share the chunks. The price: up to one chunk less one item of dropped entries stays reachable until its chunk
     * is released (the chunk is a sixteenth of the limit, between 16 and 1,024 items).
     */
    private static final class Log<T> {
        private final int limit;
        private final int chunkSize;
        private final ArrayDeque<Object[]> chunks = new ArrayDeque<>();
        /** Absolute index of the first item of the first chunk. */
        private long base;
        /** Absolute index of the oldest item kept. */
        private long first;
        /** Absolute index one past the newest item. */
        private long end;

        Log(int limit) {
            this.limit = limit;
            this.chunkSize = Math.max(16, Math.min(1024, limit / 16));
        }

        void add(T item) {
            int slot = (int) ((end - base) % chunkSize);
            if (slot == 0) {
                chunks.addLast(new Object[chunkSize]);
            }
            chunks.peekLast()[slot] = item;
            end++;
            if (end - first > limit) {
                first++;
                if (first - base == chunkSize) {
                    chunks.pollFirst();
                    base += chunkSize;
                }
            }
        }

        long dropped() {
            return first;
        }

        List<T> snapshot() {
            return new Snapshot<>(chunks.toArray(new Object[0][]), chunkSize, (int) (first - base),
                    (int) (end - first));
        }
    }

    /** An immutable view of a log's kept items at one moment. */
    private static final class Snapshot<T> extends AbstractList<T> implements RandomAccess {
        private final Object[][] chunks;
        private final int chunkSize;
        private final int offset;
        private final int size;

        Snapshot(Object[][] chunks, int chunkSize, int offset, int size) {
            this.chunks = chunks;
            this.chunkSize = chunkSize;
            this.offset = offset;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            Objects.checkIndex(index, size);
            long at = (long) offset + index;
            return (T) chunks[(int) (at / chunkSize)][(int) (at % chunkSize)];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
