package dev.convsim.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of every typed request: Twilio form parameters and the {@code X-Twilio-Webhook-Enabled} header.
 * Any parameter without a typed setter can be given by its Twilio name with {@link #param(String, String)}.
 *
 * @param <S> the concrete request type, returned by every setter
 */
public abstract class ApiRequest<S extends ApiRequest<S>> {

    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private boolean webhookEnabled;

    /** For subclasses. */
    protected ApiRequest() {
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Sets a parameter by its Twilio name, replacing any earlier value. */
    public S param(String name, String value) {
        List<String> list = new ArrayList<>();
        list.add(value);
        params.put(name, list);
        return self();
    }

    /** Sets a multi-valued parameter (e.g. {@code Filters}) by its Twilio name. */
    public S params(String name, List<String> values) {
        params.put(name, new ArrayList<>(values));
        return self();
    }

    /** The {@code X-Twilio-Webhook-Enabled: true} header: the call fires pre- and post-action webhooks. */
    public S webhookEnabled(boolean enabled) {
        this.webhookEnabled = enabled;
        return self();
    }

    /** Whether the call fires webhooks. */
    public boolean isWebhookEnabled() {
        return webhookEnabled;
    }

    /** The form parameters set so far. */
    public Form form() {
        return Form.copyOf(params);
    }
}
