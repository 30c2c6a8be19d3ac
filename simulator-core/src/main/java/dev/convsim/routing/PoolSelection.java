package dev.convsim.routing;

/**
 * How pool routing picks among available workers. Twilio does not document Frontline's algorithm, so this is an
 * option; the default is {@link #LEAST_ASSIGNED}.
 */
public enum PoolSelection {
    /** The available worker with the fewest conversations assigned so far; ties go to the one added first. */
    LEAST_ASSIGNED,
    /** The available workers in turn, in the order they were added. */
    ROUND_ROBIN,
    /** Always the first available worker in the order they were added. */
    FIRST_AVAILABLE
}
