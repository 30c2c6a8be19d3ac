package dev.convsim.jqwik;

import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import java.util.List;
import java.util.Objects;

/**
 * A number pair: a customer's address and the Twilio number it texts, which a 1:1 participant binds.
 *
 * <pre>{@code NumberPair pair = NumberPair.of("+15550100001", "+15005550001"); sim.receive(pair.message("hi"));}</pre>
 */
public record NumberPair(Address address, Address proxyAddress) {

    /** Requires two addresses on one channel. */
    public NumberPair {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(proxyAddress, "proxyAddress");
        if (address.channel() != proxyAddress.channel() || address.equals(proxyAddress)) {
            throw new IllegalArgumentException("[" + address + " → " + proxyAddress
                    + "] is not a number pair: expected two different addresses on one channel");
        }
    }

    /** Parses both addresses. */
    public static NumberPair of(String address, String proxyAddress) {
        return new NumberPair(Address.parse(address), Address.parse(proxyAddress));
    }

    /** The message the customer texts to the Twilio number. */
    public InboundMessage message(String body) {
        return new InboundMessage(address, proxyAddress, body, List.of(), List.of());
    }

    @Override
    public String toString() {
        return address + " → " + proxyAddress;
    }
}
