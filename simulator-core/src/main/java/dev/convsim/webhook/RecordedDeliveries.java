package dev.convsim.webhook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The deliveries a simulator has made, oldest first, with a FIFO cursor for tests: {@link #takeNext()} hands out
 * each delivery once. Snapshots are immutable lists. Verification failures are {@link AssertionError}s that show
 * what was there instead.
 *
 * <pre>{@code
 * assertThat(sim.deliveries().takeNext("onConversationAdd").param("MessageBody")).isEqualTo("hello");
 * sim.deliveries().assertEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded");
 * }</pre>
 */
public final class RecordedDeliveries {

    private final Supplier<List<RecordedDelivery>> source;
    private final Supplier<Long> dropped;
    private long consumed;

    /**
     * A view over a source of deliveries.
     *
     * @param source all deliveries still kept, oldest first
     * @param dropped how many older deliveries the journal bound has dropped
     */
    public RecordedDeliveries(Supplier<List<RecordedDelivery>> source, Supplier<Long> dropped) {
        this.source = source;
        this.dropped = dropped;
    }

    /** The kept deliveries and how many were dropped before them, read at one moment. */
    private record Kept(long dropped, List<RecordedDelivery> deliveries) {
    }

    private Kept kept() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long before = dropped.get();
            List<RecordedDelivery> deliveries = source.get();
            // the count only grows: unchanged around the read, it is the count the list was read with
            if (dropped.get() == before) {
                return new Kept(before, deliveries);
            }
        }
        throw new IllegalStateException("the dropped count changed during each of 1,000 reads of the deliveries:"
                + " read them while no other thread is making deliveries, or raise FidelityOptions.journalLimit");
    }

    /** Every delivery still kept, oldest first. */
    public List<RecordedDelivery> all() {
        return source.get();
    }

    /** The deliveries of these event types (wire names, e.g. {@code onMessageAdded}), oldest first. */
    public List<RecordedDelivery> only(String... eventTypes) {
        List<String> wanted = Arrays.asList(eventTypes);
        List<RecordedDelivery> out = new ArrayList<>();
        for (RecordedDelivery d : all()) {
            if (wanted.contains(d.eventType())) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /** How many deliveries have been made in all. */
    public long count() {
        Kept kept = kept();
        return kept.dropped() + kept.deliveries().size();
    }

    /** How many deliveries of these event types are still kept. */
    public int count(String... eventTypes) {
        return only(eventTypes).size();
    }

    /** How many deliveries {@link #takeNext()} has not handed out yet. */
    public synchronized long pending() {
        return count() - consumed;
    }

    /** How many older deliveries were dropped by the journal bound (0 when none). */
    public long dropped() {
        return dropped.get();
    }

    /** The next delivery not yet taken. */
    public synchronized RecordedDelivery takeNext() {
        Kept kept = kept();
        long droppedCount = kept.dropped();
        List<RecordedDelivery> all = kept.deliveries();
        if (consumed < droppedCount) {
            throw new AssertionError("deliveries #" + (consumed + 1) + " to #" + droppedCount
                    + " were dropped by the journal bound before they were taken (only the last " + all.size()
                    + " are kept): raise FidelityOptions.journalLimit, or take deliveries as they come");
        }
        int index = (int) (consumed - droppedCount);
        if (index >= all.size()) {
            throw new AssertionError("no delivery pending: all " + (droppedCount + all.size()) + " have been taken"
                    + (all.isEmpty() ? "" : "; the last was " + all.get(all.size() - 1)));
        }
        consumed++;
        return all.get(index);
    }

    /** The next delivery not yet taken, which must be of this event type. */
    public synchronized RecordedDelivery takeNext(String eventType) {
        RecordedDelivery next = takeNext();
        if (!next.eventType().equals(eventType)) {
            consumed--;
            throw new AssertionError("expected the next delivery to be " + eventType + " but it was " + next);
        }
        return next;
    }

    /** Asserts that the kept deliveries' event types are exactly these, in this order. */
    public void assertEventTypes(String... eventTypes) {
        Kept kept = kept();
        List<String> actual = new ArrayList<>();
        for (RecordedDelivery d : kept.deliveries()) {
            actual.add(d.eventType());
        }
        List<String> expected = Arrays.asList(eventTypes);
        if (!actual.equals(expected)) {
            int i = 0;
            while (i < actual.size() && i < expected.size() && actual.get(i).equals(expected.get(i))) {
                i++;
            }
            long droppedCount = kept.dropped();
            throw new AssertionError("expected deliveries " + expected + " but were " + actual
                    + "; first difference at position " + i + ": expected "
                    + (i < expected.size() ? expected.get(i) : "nothing") + ", was "
                    + (i < actual.size() ? kept.deliveries().get(i) : "nothing")
                    + (droppedCount == 0 ? "" : "; " + droppedCount
                            + " older deliveries were dropped by the journal bound and are not compared"));
        }
    }

    /** One line per kept delivery, after a line saying how many older ones were dropped, if any. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        Kept kept = kept();
        if (kept.dropped() > 0) {
            s.append("(").append(kept.dropped()).append(" older deliveries dropped by the journal bound)\n");
        }
        for (RecordedDelivery d : kept.deliveries()) {
            s.append(d).append('\n');
        }
        return s.toString();
    }
}
