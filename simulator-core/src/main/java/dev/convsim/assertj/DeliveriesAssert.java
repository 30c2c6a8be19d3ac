package dev.convsim.assertj;

import dev.convsim.webhook.RecordedDeliveries;
import dev.convsim.webhook.RecordedDelivery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the webhook deliveries a simulator made (event types are Twilio's wire names, e.g.
 * {@code onMessageAdded}, or {@code incomingMessage} for the Programmable Messaging webhook). A failure shows the
 * closest delivery.
 *
 * <pre>{@code
 * assertThat(sim.deliveries())
 *         .containsExactlyEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded")
 *         .containsEventWithParam("onConversationAdd", "MessageBody", "hello");
 * }</pre>
 */
public final class DeliveriesAssert extends AbstractAssert<DeliveriesAssert, RecordedDeliveries> {

    DeliveriesAssert(RecordedDeliveries actual) {
        super(actual, DeliveriesAssert.class);
    }

    /** The kept deliveries' event types are exactly these, in this order. */
    public DeliveriesAssert containsExactlyEventTypes(String... eventTypes) {
        isNotNull();
        List<RecordedDelivery> all = actual.all();
        List<String> types = types(all);
        List<String> expected = Arrays.asList(eventTypes);
        if (!types.equals(expected)) {
            int i = 0;
            while (i < types.size() && i < expected.size() && types.get(i).equals(expected.get(i))) {
                i++;
            }
            throw failure("%s", "expected the deliveries' event types to be exactly " + expected + " but were "
                    + types + "; first difference at position " + i + ": expected "
                    + (i < expected.size() ? expected.get(i) : "nothing") + ", was "
                    + (i < all.size() ? all.get(i) : "nothing"));
        }
        return this;
    }

    /** At least one delivery is of this event type. */
    public DeliveriesAssert containsEventType(String eventType) {
        isNotNull();
        Objects.requireNonNull(eventType, "eventType");
        List<RecordedDelivery> all = actual.all();
        if (ofType(all, eventType).isEmpty()) {
            throw failure("%s", "expected a delivery of " + eventType + " but there is none; "
                    + (all.isEmpty() ? "nothing was delivered" : "the event types delivered are " + types(all)));
        }
        return this;
    }

    /** No delivery is of this event type. */
    public DeliveriesAssert doesNotContainEventType(String eventType) {
        isNotNull();
        Objects.requireNonNull(eventType, "eventType");
        List<RecordedDelivery> found = ofType(actual.all(), eventType);
        if (!found.isEmpty()) {
            throw failure("%s", "expected no delivery of " + eventType + " but there "
                    + (found.size() == 1 ? "is " : "are " + found.size() + ", the first ") + found.get(0));
        }
        return this;
    }

    /** A delivery of this event type carries the form parameter with exactly this value. */
    public DeliveriesAssert containsEventWithParam(String eventType, String name, String value) {
        isNotNull();
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(name, "name");
        List<RecordedDelivery> all = actual.all();
        List<RecordedDelivery> sameType = ofType(all, eventType);
        RecordedDelivery closest = null;
        int closeness = -1;
        for (RecordedDelivery d : sameType) {
            String v = d.param(name);
            if (Objects.equals(v, value)) {
                return this;
            }
            int c = v == null ? -1 : commonPrefix(v, value == null ? "" : value);
            if (closest == null || c > closeness) {
                closest = d;
                closeness = c;
            }
        }
        String want = "expected a delivery of " + eventType + " with " + name + "=" + value + " but ";
        if (closest == null) {
            throw failure("%s", want + "there is no delivery of " + eventType + "; "
                    + (all.isEmpty() ? "nothing was delivered" : "the event types delivered are " + types(all)));
        }
        String v = closest.param(name);
        throw failure("%s", want + "none has it; the closest is " + closest + ", whose "
                + (v == null ? "parameters have no " + name : name + " is " + v));
    }

    /** Exactly this many deliveries have been made in all. */
    public DeliveriesAssert hasSize(long expected) {
        isNotNull();
        long count = actual.count();
        if (count != expected) {
            throw failure("%s", "expected " + Words.count(expected, "delivery", "deliveries") + " but "
                    + (count == 1 ? "there was 1" : "there were " + count) + lines(actual.all()));
        }
        return this;
    }

    /** Every delivery has been taken with {@link RecordedDeliveries#takeNext()}. */
    public DeliveriesAssert hasNoPendingDeliveries() {
        isNotNull();
        long pending = actual.pending();
        if (pending > 0) {
            List<RecordedDelivery> all = actual.all();
            int shown = (int) Math.min(pending, all.size());
            throw failure("%s", "expected every delivery to be taken but " + pending + " "
                    + (pending == 1 ? "is" : "are") + " pending" + lines(all.subList(all.size() - shown, all.size())));
        }
        return this;
    }

    /** Every delivery was answered with a 2xx status. */
    public DeliveriesAssert allAnsweredSuccessfully() {
        isNotNull();
        for (RecordedDelivery d : actual.all()) {
            if (d.status() == null || d.status() < 200 || d.status() > 299) {
                throw failure("%s", "expected every delivery to be answered 2xx but " + d);
            }
        }
        return this;
    }

    private static List<String> types(List<RecordedDelivery> deliveries) {
        List<String> out = new ArrayList<>(deliveries.size());
        for (RecordedDelivery d : deliveries) {
            out.add(d.eventType());
        }
        return out;
    }

    private static List<RecordedDelivery> ofType(List<RecordedDelivery> deliveries, String eventType) {
        List<RecordedDelivery> out = new ArrayList<>();
        for (RecordedDelivery d : deliveries) {
            if (d.eventType().equals(eventType)) {
                out.add(d);
            }
        }
        return out;
    }

    private static String lines(List<RecordedDelivery> deliveries) {
        StringBuilder s = new StringBuilder(deliveries.isEmpty() ? "" : ":");
        for (RecordedDelivery d : deliveries) {
            s.append("\n  ").append(d);
        }
        return s.toString();
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
