package dev.convsim.model;

import java.time.Instant;

/** A snapshot of an Address Configuration ({@code IG…}): per-address autocreation of conversations. */
public record AddressConfiguration(
        String sid,
        String accountSid,
        Channel type,
        Address address,
        String friendlyName,
        AutoCreation autoCreation,
        Instant dateCreated,
        Instant dateUpdated) {
}
