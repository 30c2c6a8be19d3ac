package dev.convsim.examples.http;

import java.util.List;
import java.util.Objects;

/**
 * A customer in the demo's in-memory CRM: the shape of the Frontline demo's {@code customers} entries.
 *
 * @param customerId Frontline's {@code customer_id}
 * @param displayName the name shown in Frontline, or null
 * @param avatar an avatar URL, or null
 * @param worker the identity of the worker who owns the customer, or null
 * @param channels the customer's addresses exactly as Twilio sends them ({@code +1555…}, {@code whatsapp:+1555…})
 */
public record Customer(String customerId, String displayName, String avatar, String worker, List<String> channels) {

    /** Copies the channels. */
    public Customer {
        Objects.requireNonNull(customerId, "customerId");
        channels = List.copyOf(channels);
    }
}
