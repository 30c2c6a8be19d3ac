package dev.convsim.jqwik;

import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A group MMS's number group: customers' addresses and the Twilio number they all text. Any member may send; the
 * others are the message's other recipients.
 *
 * <pre>{@code sim.receive(group.messageFrom(0, "hi all"));}</pre>
 *
 * @param members two or more distinct customer addresses, in the order their messages list them
 */
public record NumberGroup(Address twilioNumber, List<Address> members) {

    /** Requires at least two distinct members on the Twilio number's channel, none of them the Twilio number. */
    public NumberGroup {
        Objects.requireNonNull(twilioNumber, "twilioNumber");
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("[" + members + "] is too small for a group: give at least two members");
        }
        if (new HashSet<>(members).size() != members.size() || members.contains(twilioNumber)) {
            throw new IllegalArgumentException("[" + members + "] repeats an address or holds the Twilio number "
                    + twilioNumber + ": give distinct customer addresses");
        }
        for (Address member : members) {
            if (member.channel() != twilioNumber.channel()) {
                throw new IllegalArgumentException("[" + member + "] is on another channel than " + twilioNumber);
            }
        }
    }

    /** The message member {@code index} sends to the group; the other members are its other recipients. */
    public InboundMessage messageFrom(int index, String body) {
        List<Address> others = new ArrayList<>(members);
        Address from = others.remove(index);
        return new InboundMessage(from, twilioNumber, body, others, List.of());
    }

    /** The sorted addresses of the group, Twilio number included: what capture matches. */
    public List<Address> addresses() {
        List<Address> all = new ArrayList<>(members);
        all.add(twilioNumber);
        all.sort(null);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return members + " via " + twilioNumber;
    }
}
