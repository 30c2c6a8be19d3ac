package dev.convsim.rest;

import dev.convsim.ConversationsSimulator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps {@code METHOD /v1/path + form parameters} onto a simulator's {@link dev.convsim.api.ConversationsApi}, and
 * renders the answer as Twilio's JSON.
 *
 * <pre>{@code
 * RestResponse r = new RestDispatcher(sim).handle("POST", "/v1/Conversations",
 *         Map.of("FriendlyName", List.of("Support")), Map.of());
 * }</pre>
 */
public final class RestDispatcher {

    private final ConversationsSimulator simulator;

    /** A dispatcher over one simulator. */
    public RestDispatcher(ConversationsSimulator simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /**
     * Handles one request.
     *
     * @param method GET, POST or DELETE
     * @param path e.g. {@code /v1/Conversations/CH…/Participants}, optionally with a query string
     * @param params form parameters (for GET, query parameters may be given here or in the path)
     * @param headers e.g. {@code X-Twilio-Webhook-Enabled: true}; names are case-insensitive
     */
    public RestResponse handle(String method, String path, Map<String, List<String>> params, Map<String, String> headers) {
        throw new UnsupportedOperationException("the REST dispatcher is being written (issue 6): " + simulator);
    }
}
