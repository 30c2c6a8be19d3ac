package dev.convsim.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A conversation's timers: the configured durations ({@code Timers.Inactive}, {@code Timers.Closed}; null when
 * off) and the instants they fall due ({@code timers.date_inactive}, {@code timers.date_closed}; null when not
 * armed).
 */
public record Timers(Duration inactive, Duration closed, Instant dateInactive, Instant dateClosed) {

    /** No timers. */
    public static final Timers NONE = new Timers(null, null, null, null);
}
