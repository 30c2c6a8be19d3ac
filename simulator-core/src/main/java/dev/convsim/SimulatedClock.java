package dev.convsim;

import java.time.Instant;
import java.time.InstantSource;

/** The simulator's clock: an {@link InstantSource} that only the simulator moves ({@code advance}). */
public final class SimulatedClock implements InstantSource {

    private volatile Instant now;

    SimulatedClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalStateException("the clock cannot go back from " + now + " to " + instant);
        }
        now = instant;
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now + "]";
    }
}
