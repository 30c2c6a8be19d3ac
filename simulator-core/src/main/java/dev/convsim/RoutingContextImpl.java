package dev.convsim;

import dev.convsim.api.ConversationsApi;
import dev.convsim.journal.JournalEntry;
import dev.convsim.routing.PoolSelection;
import dev.convsim.routing.RoutingContext;
import dev.convsim.routing.WorkerPool;
import dev.convsim.webhook.Phase;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What routers see of the engine. */
final class RoutingContextImpl implements RoutingContext, WorkerPool {

    private final EngineApi engine;

    RoutingContextImpl(EngineApi engine) {
        this.engine = engine;
    }

    @Override
    public ConversationsApi api() {
        return engine;
    }

    @Override
    public Instant now() {
        return engine.now();
    }

    @Override
    public String accountSid() {
        return engine.accountSid;
    }

    @Override
    public WebhookResponse callback(String url, String eventType, Map<String, String> params) {
        return engine.deliver(new Engine.Pending(engine.now(), Phase.POST, WebhookScope.ROUTING, url, "POST",
                eventType, params, 0), 0);
    }

    @Override
    public void recordRouted(String conversationSid, String mode, String worker, boolean queued) {
        engine.locked(() -> engine.journal.append(new JournalEntry.Routed(engine.journal.nextSequence(),
                engine.now(), conversationSid, mode, worker, queued)));
    }

    @Override
    public void recordAssigned(String conversationSid, String mode, String worker) {
        engine.locked(() -> engine.journal.append(new JournalEntry.Routed(engine.journal.nextSequence(),
                engine.now(), conversationSid, mode, worker, false, true)));
    }

    @Override
    public void recordError(String conversationSid, int code, String text) {
        engine.locked(() -> engine.note(conversationSid, code, text));
    }

    @Override
    public WorkerPool workers() {
        return this;
    }

    @Override
    public List<String> available() {
        return engine.locked(() -> {
            List<String> out = new ArrayList<>();
            engine.workers.forEach((identity, available) -> {
                if (available) {
                    out.add(identity);
                }
            });
            return out;
        });
    }

    @Override
    public List<String> all() {
        return engine.locked(() -> List.copyOf(engine.workers.keySet()));
    }

    @Override
    public List<String> queue() {
        return engine.locked(() -> List.copyOf(engine.workerQueue));
    }

    @Override
    public void enqueue(String conversationSid) {
        engine.locked(() -> {
            engine.workerQueue.addLast(conversationSid);
        });
    }

    @Override
    public int assignedCount(String identity) {
        return engine.locked(() -> engine.workerAssignments.getOrDefault(identity, 0));
    }

    @Override
    public String lastAssigned() {
        return engine.locked(() -> engine.lastAssignedWorker);
    }

    @Override
    public void dequeue(String conversationSid) {
        engine.locked(() -> {
            engine.workerQueue.remove(conversationSid);
        });
    }

    @Override
    public PoolSelection selection() {
        return engine.options.poolSelection();
    }

    @Override
    public void recordAssignment(String identity, String conversationSid) {
        engine.locked(() -> {
            engine.workerAssignments.merge(identity, 1, Integer::sum);
            engine.lastAssignedWorker = identity;
            engine.workerQueue.remove(conversationSid);
        });
    }
}
