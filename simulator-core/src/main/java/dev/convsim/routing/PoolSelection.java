package dev.convsim.routing;

/**
 * How pool routing picks among available workers. Twilio does not document Frontline's algorithm, so this is an
 * option: {@link Routers#pool()} follows {@code FidelityOptions.poolSelection} (default {@link #LEAST_ASSIGNED}),
 * read at each decision; {@link Routers#pool(PoolSelection)} pins a rule that overrides the option. Every rule is
 * deterministic: "the order they were added" is the order of {@code Builder.worker} and
 * {@code setWorkerAvailability} calls that first named each worker.
 */
public enum PoolSelection {
    /** The available worker with the fewest conversations assigned so far; ties go to the one added first. */
    LEAST_ASSIGNED,
    /** The available workers in turn, in the order they were added. */
    ROUND_ROBIN,
    /** Always the first available worker in the order they were added. */
    FIRST_AVAILABLE
}
