package dev.convsim.rest;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the official twilio-java SDK's HTTP layer, answered in-process by a {@link RestDispatcher}, so the SDK
 * runs against the simulator with no network (real-clients.md §3.3).
 */
final class InProcessTwilioHttpClient extends HttpClient {

    private final RestDispatcher dispatcher;
    private final List<String> requests = new ArrayList<>();

    InProcessTwilioHttpClient(RestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public Response makeRequest(Request request) {
        URL url = request.constructURL();
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaderParams().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String method = request.getMethod().toString();
        requests.add(method + " " + url.getFile());
        RestResponse answer = dispatcher.handle(method, url.getFile(), request.getPostParams(), headers);
        return new Response(answer.body(), answer.status());
    }

    /** Every request made, as {@code METHOD /path?query}. */
    List<String> requests() {
        return requests;
    }
}
