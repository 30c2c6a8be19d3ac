package dev.convsim.routing;

import java.util.List;

/**
 * Frontline workers by identity with their availability, and the FIFO queue of conversations waiting for one.
 * Owned by one simulator.
 */
public interface WorkerPool {

    /** Identities of available workers, in the order they were added. */
    List<String> available();

    /** Every worker identity, in the order they were added. */
    List<String> all();

    /** Conversations waiting for a worker, oldest first. */
    List<String> queue();

    /** Puts a conversation at the back of the queue. */
    void enqueue(String conversationSid);

    /**
     * How many conversations each worker has been given by pool routing, for least-busy selection.
     *
     * @return 0 for a worker with none
     */
    int assignedCount(String identity);

    /** The worker who took the latest conversation, or null. */
    String lastAssigned();

    /** Records that a worker took a conversation (and removes it from the queue if it was there). */
    void recordAssignment(String identity, String conversationSid);

    /** Takes a conversation out of the queue without assigning it (it was closed or deleted while it waited). */
    void dequeue(String conversationSid);

    /** The selection rule this simulator's {@code FidelityOptions.poolSelection} gives pool routing. */
    PoolSelection selection();
}
