package dev.convsim.routing;

import dev.convsim.api.ParticipantRequest;
import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in routers, Frontline's three inbound routing modes.
 *
 * <pre>{@code
 * ConversationsSimulator.builder().router(Routers.custom("https://svc.example.com/callbacks/routing"))
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
     * Custom routing: delivers {@code onConversationRoute} to the callback URL, whose endpoint adds the worker
     * through the API. When no participant with an identity exists afterwards, Frontline's error 32506 is
     * journaled and the conversation stays, unrouted.
     */
    public static Router custom(String callbackUrl) {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new IllegalArgumentException("[" + callbackUrl + "] is not a callback URL: expected like https://svc.example.com/callbacks/routing");
        }
        return new Router() {
            @Override
            public void route(NewConversation conversation, RoutingContext context) {
                context.callback(callbackUrl, "onConversationRoute", routeParams(conversation));
                String worker = null;
                for (Participant p : context.api().listParticipants(conversation.sid())) {
                    if (p.identity() != null) {
                        worker = p.identity();
                        break;
                    }
                }
                if (worker == null) {
                    context.recordError(conversation.sid(), NO_WORKER_ADDED, "the custom routing callback "
                            + callbackUrl + " added no worker to " + conversation.sid() + "; it stays unrouted");
                } else {
                    context.recordRouted(conversation.sid(), "custom", worker, false);
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

    /** Pool routing with the default selection, {@link PoolSelection#LEAST_ASSIGNED}. */
    public static Router pool() {
        return pool(PoolSelection.LEAST_ASSIGNED);
    }

    /**
     * Pool routing: the conversation goes to an available worker, chosen by the selection rule, who joins as a
     * participant with their identity; with none available it waits in a FIFO queue until one becomes available.
     */
    public static Router pool(PoolSelection selection) {
        return new Router() {
            @Override
            public void route(NewConversation conversation, RoutingContext context) {
                String worker = pick(context.workers());
                if (worker == null) {
                    context.workers().enqueue(conversation.sid());
                    context.recordRouted(conversation.sid(), "pool", null, true);
                } else {
                    assign(conversation.sid(), worker, context);
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
                    assign(queued, worker, context);
                }
            }

            private String pick(WorkerPool pool) {
                List<String> available = pool.available();
                if (available.isEmpty()) {
                    return null;
                }
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

            private void assign(String conversationSid, String worker, RoutingContext context) {
                context.workers().recordAssignment(worker, conversationSid);
                context.api().createParticipant(conversationSid, new ParticipantRequest().identity(worker));
                context.recordRouted(conversationSid, "pool", worker, false);
            }

            @Override
            public String mode() {
                return "pool";
            }

            @Override
            public String toString() {
                return "Routers.pool(" + selection + ")";
            }
        };
    }

    /** The parameters of Frontline's {@code onConversationRoute} callback, in the order of Frontline's table. */
    public static Map<String, String> routeParams(NewConversation conversation) {
        Conversation c = conversation.conversation();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("EventType", "onConversationRoute");
        params.put("ConversationSid", c.sid());
        params.put("DateCreated", c.dateCreated().toString());
        params.put("DateUpdated", c.dateUpdated().toString());
        putIfSet(params, "FriendlyName", c.friendlyName());
        putIfSet(params, "UniqueName", c.uniqueName());
        params.put("Attributes", c.attributes());
        params.put("ConversationServiceSid", c.chatServiceSid());
        var message = conversation.message();
        if (message.isGroup()) {
            StringBuilder addresses = new StringBuilder();
            for (var a : message.numberGroup()) {
                if (!a.equals(message.to())) {
                    addresses.append(addresses.length() == 0 ? "" : ",").append(a);
                }
            }
            params.put("MessagingBinding.Address", addresses.toString());
            params.put("MessagingBinding.ProjectedAddress", message.to().value());
            params.put("MessagingBinding.AuthorAddress", message.from().value());
        } else {
            params.put("MessagingBinding.ProxyAddress", message.to().value());
            params.put("MessagingBinding.Address", message.from().value());
        }
        params.put("State", c.state().wire());
        return params;
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
