package dev.convsim.inbound;

import dev.convsim.model.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An inbound SMS, MMS or WhatsApp message as the carrier hands it to Twilio: From, To, a body, and for a group MMS
 * the other recipients.
 *
 * <pre>{@code
 * sim.receive(InboundMessage.of("+15551230001", "+15005550001", "hello"));
 * }</pre>
 */
public record InboundMessage(
        Address from, Address to, String body, List<Address> otherRecipients, List<InboundMedia> media) {

    /** The longest body Twilio accepts. */
    public static final int MAX_BODY_LENGTH = 1600;

    /** Validates: addresses on one channel, a body of at most 1600 characters, no duplicate recipients. */
    public InboundMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        body = body == null ? "" : body;
        otherRecipients = List.copyOf(otherRecipients);
        media = List.copyOf(media);
        if (body.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("[body of " + body.length()
                    + " characters] is too long: Twilio accepts at most 1600 characters (error 21617)");
        }
        if (from.channel() != to.channel()) {
            throw new IllegalArgumentException("[" + from + " → " + to
                    + "] mixes channels: From and To must both be SMS numbers or both WhatsApp addresses");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("[" + from + "] is both From and To: a message goes between two addresses");
        }
        List<Address> seen = new ArrayList<>();
        seen.add(from);
        seen.add(to);
        for (Address other : otherRecipients) {
            if (other.channel() != to.channel()) {
                throw new IllegalArgumentException("[" + other + "] is on another channel than To [" + to + "]");
            }
            if (seen.contains(other)) {
                throw new IllegalArgumentException("[" + other + "] appears twice among From, To and the other recipients");
            }
            seen.add(other);
        }
    }

    /** A 1:1 text message; addresses are parsed with {@link Address#parse(String)}. */
    public static InboundMessage of(String from, String to, String body) {
        return new InboundMessage(Address.parse(from), Address.parse(to), body, List.of(), List.of());
    }

    /** A group MMS from {@code from} to the Twilio number {@code to}, also addressed to {@code otherRecipients}. */
    public static InboundMessage group(String from, String to, String body, String... otherRecipients) {
        List<Address> others = new ArrayList<>();
        for (String other : otherRecipients) {
            others.add(Address.parse(other));
        }
        return new InboundMessage(Address.parse(from), Address.parse(to), body, others, List.of());
    }

    /** This message with media attached. */
    public InboundMessage withMedia(InboundMedia... items) {
        return new InboundMessage(from, to, body, otherRecipients, List.of(items));
    }

    /** True when the message has other recipients (a group MMS). */
    public boolean isGroup() {
        return !otherRecipients.isEmpty();
    }

    /** The sorted set of From, To and the other recipients: the number group that decides capture. */
    public List<Address> numberGroup() {
        List<Address> group = new ArrayList<>(otherRecipients.size() + 2);
        group.add(from);
        group.add(to);
        group.addAll(otherRecipients);
        group.sort(null);
        return List.copyOf(group);
    }

    @Override
    public String toString() {
        String others = otherRecipients.isEmpty() ? "" : " +" + otherRecipients;
        return from + " → " + to + others + " \"" + body + "\"";
    }
}
