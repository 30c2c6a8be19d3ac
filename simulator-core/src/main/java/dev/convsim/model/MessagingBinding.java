package dev.convsim.model;

/**
 * A participant's messaging binding: a 1:1 pair ({@code address} + {@code proxyAddress}), a group member
 * ({@code address} only) or a chat participant projected into a group ({@code projectedAddress} only).
 */
public record MessagingBinding(Channel type, Address address, Address proxyAddress, Address projectedAddress) {

    /** A 1:1 number pair: the customer's address and the Twilio number it texts. */
    public static MessagingBinding pair(Address address, Address proxyAddress) {
        return new MessagingBinding(address.channel(), address, proxyAddress, null);
    }

    /** A group MMS member: an address with no proxy. */
    public static MessagingBinding groupMember(Address address) {
        return new MessagingBinding(address.channel(), address, null, null);
    }

    /** A projected address (a Twilio number in a group). */
    public static MessagingBinding projected(Address projectedAddress) {
        return new MessagingBinding(projectedAddress.channel(), null, null, projectedAddress);
    }

    /** True for a 1:1 number pair. */
    public boolean isPair() {
        return address != null && proxyAddress != null;
    }
}
