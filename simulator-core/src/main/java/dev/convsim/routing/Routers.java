package dev.convsim.routing;

import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import dev.convsim.model.MessagingBinding;
import dev.convsim.model.Participant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in routers, Frontline's three inbound routing modes.
 *
 * <pre>{@code
 * ConversationsSimulator.builder().router(Routers.custom("https://svc.example.com/callbacks/routing"))
 * ConversationsSimulator.builder().router(Routers.pool()).worker("alice@example.com", true)
 * }</pre>
 */
public final class Routers {

    /** Frontline's error when the routing callback added no worker. */
    public static final int NO_WORKER_ADDED = 32506;

    private Routers() {
    }

    /** Do not route: the conversation stays without a worker, visible in the logs. */
    public static Router doNotRoute() {
        return new Router() {
            @Override
            public void route(NewConversation conversation, RoutingContext context) {
                context.recordRouted(conversation.sid(), "doNotRoute", null, false);
            }

            @Override
            public String mode() {
                return "doNotRoute";
            }

            @Override
            public String toString() {
                return "Routers.doNotRoute()";
            }
        };
    }

    /**
     * Custom routing: delivers {@code onConversationRoute} (scope {@code routing}, the parameters of
     * {@link #routeParams}) to the callback URL, whose endpoint adds the worker through the API. The answer is
     * recorded and otherwise ignored, as Frontline ignores it. When no participant with an identity exists
     * afterwards, Frontline's error 32506 is journaled and the conversation stays, unrouted.
     *
     * @throws IllegalArgumentException when the URL is blank
     */
    public static Router custom(String callbackUrl) {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new IllegalArgumentException("[" + callbackUrl
                    + "] is not a callback URL: expected like https://svc.example.com/callbacks/routing");
        }
        return new Router() {
            @Override
            public void route(NewConversation conversation, RoutingContext context) {
                String sid = conversation.sid();
                Conversation current;
                try {
                    // handlers of the autocreation's own webhooks may have renamed (or removed) it meanwhile
                    current = context.api().fetchConversation(sid);
                } catch (TwilioApiException e) {
                    context.recordError(sid, e.code(), sid + " was removed before custom routing ran: not routed");
                    return;
                }
                context.callback(callbackUrl, "onConversationRoute",
                        routeParams(new NewConversation(current, conversation.participants(), conversation.message())));
                String worker;
                try {
                    worker = firstWorker(context.api().listParticipants(sid));
                } catch (TwilioApiException e) {
                    context.recordError(sid, e.code(), "the custom routing callback " + callbackUrl + " removed "
                            + sid + ": not routed");
                    return;
                }
                if (worker == null) {
                    context.recordError(sid, NO_WORKER_ADDED, "the custom routing callback " + callbackUrl
                            + " added no worker to " + sid + "; it stays unrouted");
                } else {
                    context.recordRouted(sid, "custom", worker, false);
                }
            }

            @Override
            public String mode() {
                return "custom";
            }

            @Override
            public String toString() {
                return "Routers.custom(" + callbackUrl + ")";
            }
        };
    }

    private static String firstWorker(List<Participant> participants) {
        for (Participant p : participants) {
            if (p.identity() != null) {
                return p.identity();
            }
        }
        return null;
    }

    /**
     * Pool routing with the simulator's selection rule, {@code FidelityOptions.poolSelection} (default
     * {@link PoolSelection#LEAST_ASSIGNED}), read at each decision.
     */
    public static Router pool() {
        return new PoolRouter(null);
    }

    /**
     * Pool routing with a fixed selection rule, which overrides {@code FidelityOptions.poolSelection}.
     *
     * <p>The conversation goes to an available worker, chosen by the rule, who joins as a participant with their
     * identity (an add that fires webhooks, as the Frontline app's own changes do); with none available it waits in
     * a FIFO queue, and a worker becoming available takes the queue, oldest first. The journal records each
     * decision: routed, queued, assigned (from the queue). A queued conversation that closes or is deleted leaves
     * the queue.
     */
    public static Router pool(PoolSelection selection) {
        return new PoolRouter(Objects.requireNonNull(selection, "selection"));
    }

    /** Frontline's pool routing; {@code pinned} null follows the simulator's option. */
    private static final class PoolRouter implements Router {
        private final PoolSelection pinned;

        PoolRouter(PoolSelection pinned) {
            this.pinned = pinned;
        }

        @Override
        public void route(NewConversation conversation, RoutingContext context) {
            WorkerPool pool = context.workers();
            String worker = pick(pool);
            if (worker == null) {
                pool.enqueue(conversation.sid());
                context.recordRouted(conversation.sid(), "pool", null, true);
            } else {
                assign(conversation.sid(), worker, context, false);
            }
        }

        @Override
        public void workerAvailable(String identity, RoutingContext context) {
            WorkerPool pool = context.workers();
            for (String queued : pool.queue()) {
                String worker = pick(pool);
                if (worker == null) {
                    return;
                }
                assign(queued, worker, context, true);
            }
        }

        private String pick(WorkerPool pool) {
            List<String> available = pool.available();
            if (available.isEmpty()) {
                return null;
            }
            PoolSelection selection = pinned != null ? pinned : pool.selection();
            switch (selection) {
                case FIRST_AVAILABLE:
                    return available.get(0);
                case ROUND_ROBIN: {
                    List<String> all = pool.all();
                    int start = pool.lastAssigned() == null ? 0 : all.indexOf(pool.lastAssigned()) + 1;
                    for (int i = 0; i < all.size(); i++) {
                        String candidate = all.get((start + i) % all.size());
                        if (available.contains(candidate)) {
                            return candidate;
                        }
                    }
                    return null;
                }
                default: {
                    String best = null;
                    for (String candidate : available) {
                        if (best == null || pool.assignedCount(candidate) < pool.assignedCount(best)) {
                            best = candidate;
                        }
                    }
                    return best;
                }
            }
        }

        private void assign(String conversationSid, String worker, RoutingContext context, boolean fromQueue) {
            try {
                context.api().createParticipant(conversationSid,
                        new ParticipantRequest().identity(worker).webhookEnabled(true));
            } catch (TwilioApiException e) {
                if (fromQueue) {
                    context.workers().dequeue(conversationSid);
                }
                context.recordError(conversationSid, e.code(), "pool routing could not add " + worker + " to "
                        + conversationSid + ": " + e.getMessage() + (fromQueue ? "; taken out of the queue" : ""));
                return;
            }
            context.workers().recordAssignment(worker, conversationSid);
            if (fromQueue) {
                context.recordAssigned(conversationSid, "pool", worker);
            } else {
                context.recordRouted(conversationSid, "pool", worker, false);
            }
        }

        @Override
        public String mode() {
            return "pool";
        }

        @Override
        public String toString() {
            return pinned == null ? "Routers.pool()" : "Routers.pool(" + pinned + ")";
        }
    }

    /**
     * The parameters of Frontline's {@code onConversationRoute} callback: the names of Frontline's table, in its
     * order, each sent only when it has a value (as every convsim webhook leaves out an unset field). A 1:1
     * conversation carries {@code MessagingBinding.ProxyAddress} and {@code .Address}; a group MMS carries the
     * members as {@code .Address} (comma-separated, as in {@code onConversationAdd}), the Twilio number as
     * {@code .ProjectedAddress} and the sender as {@code .AuthorAddress}. {@code FriendlyName} and
     * {@code UniqueName} appear once set.
     */
    public static Map<String, String> routeParams(NewConversation conversation) {
        Conversation c = conversation.conversation();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("EventType", "onConversationRoute");
        params.put("ConversationSid", c.sid());
        params.put("DateCreated", iso(c.dateCreated()));
        params.put("DateUpdated", iso(c.dateUpdated()));
        putIfSet(params, "FriendlyName", c.friendlyName());
        putIfSet(params, "UniqueName", c.uniqueName());
        params.put("Attributes", c.attributes());
        params.put("ConversationServiceSid", c.chatServiceSid());
        MessagingBinding pair = null;
        StringBuilder members = new StringBuilder();
        String projected = null;
        for (Participant p : conversation.participants()) {
            MessagingBinding b = p.messagingBinding();
            if (b == null) {
                continue;
            }
            if (b.isPair()) {
                pair = b;
            } else if (b.address() != null) {
                members.append(members.length() == 0 ? "" : ",").append(b.address().value());
            } else if (b.projectedAddress() != null) {
                projected = b.projectedAddress().value();
            }
        }
        if (pair != null) {
            params.put("MessagingBinding.ProxyAddress", pair.proxyAddress().value());
            params.put("MessagingBinding.Address", pair.address().value());
        } else {
            putIfSet(params, "MessagingBinding.Address", members.length() == 0 ? null : members.toString());
            putIfSet(params, "MessagingBinding.ProjectedAddress", projected);
            params.put("MessagingBinding.AuthorAddress", conversation.message().from().value());
        }
        ConversationState state = c.state();
        params.put("State", state.wire());
        return params;
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
