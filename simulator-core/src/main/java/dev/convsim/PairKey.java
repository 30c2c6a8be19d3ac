package dev.convsim;

import dev.convsim.model.Address;

/** A number pair: the customer's address and the Twilio number it texts. */
record PairKey(Address address, Address proxyAddress) {
    @Override
    public String toString() {
        return address + " → " + proxyAddress;
    }
}
