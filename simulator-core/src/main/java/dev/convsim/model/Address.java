package dev.convsim.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A messaging address: an E.164 number ({@code +15551234567}) or a WhatsApp address
 * ({@code whatsapp:+15551234567}). Two addresses are equal only on the same channel, so a WhatsApp pair never
 * matches an SMS pair.
 *
 * <pre>{@code Address customer = Address.parse("+15551230001");}</pre>
 */
public record Address(Channel channel, String e164) implements Comparable<Address> {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final String WHATSAPP_PREFIX = "whatsapp:";

    /** Validates; prefer {@link #parse(String)}. */
    public Address {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException(notE164(e164));
        }
    }

    /**
     * Parses {@code +15551234567} (SMS) or {@code whatsapp:+15551234567}.
     *
     * @throws IllegalArgumentException naming the value and the expected shape
     */
    public static Address parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("[null] is not an E.164 number: expected like +15551234567");
        }
        if (value.startsWith(WHATSAPP_PREFIX)) {
            String number = value.substring(WHATSAPP_PREFIX.length());
            if (!E164.matcher(number).matches()) {
                throw new IllegalArgumentException(
                        "[" + value + "] is not a WhatsApp address: expected like whatsapp:+15551234567");
            }
            return new Address(Channel.WHATSAPP, number);
        }
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException(notE164(value));
        }
        return new Address(Channel.SMS, value);
    }

    /** True when {@link #parse(String)} would accept the value. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String number = value.startsWith(WHATSAPP_PREFIX) ? value.substring(WHATSAPP_PREFIX.length()) : value;
        return E164.matcher(number).matches();
    }

    /** An SMS address. */
    public static Address sms(String e164) {
        return new Address(Channel.SMS, e164);
    }

    /** A WhatsApp address for the given E.164 number. */
    public static Address whatsapp(String e164) {
        return new Address(Channel.WHATSAPP, e164);
    }

    /** True for North American (+1) numbers, the only ones Group MMS supports. */
    public boolean isNorthAmerican() {
        return e164.startsWith("+1");
    }

    /** The address as Twilio writes it: {@code +1555…} or {@code whatsapp:+1555…}. */
    public String value() {
        return channel == Channel.WHATSAPP ? WHATSAPP_PREFIX + e164 : e164;
    }

    /** Equal on the same channel and number. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Address a && channel == a.channel && e164.equals(a.e164);
    }

    /** From the channel's position and the number, so hash order is the same in every run. */
    @Override
    public int hashCode() {
        return 31 * channel.ordinal() + e164.hashCode();
    }

    @Override
    public int compareTo(Address other) {
        return value().compareTo(other.value());
    }

    @Override
    public String toString() {
        return value();
    }

    private static String notE164(String value) {
        return "[" + value + "] is not an E.164 number: expected like +15551234567";
    }
}
