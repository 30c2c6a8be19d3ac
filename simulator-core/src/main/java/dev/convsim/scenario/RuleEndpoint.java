package dev.convsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.rest.RestDispatcher;
import dev.convsim.rest.RestResponse;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's {@code endpoints} entry for one URL: the first rule whose {@code match} holds answers; when none
 * does, 200 with an empty body, as an unlisted URL would.
 */
final class RuleEndpoint implements WebhookEndpoint {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private final List<Spec.Rule> rules;
    private final Supplier<RestDispatcher> dispatcher;

    RuleEndpoint(List<Spec.Rule> rules, Supplier<RestDispatcher> dispatcher) {
        this.rules = rules;
        this.dispatcher = dispatcher;
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        for (Spec.Rule rule : rules) {
            if (matches(rule, request)) {
                return answer(rule, request);
            }
        }
        return WebhookResponse.ok();
    }

    private static boolean matches(Spec.Rule rule, WebhookRequest request) {
        for (Map.Entry<String, String> m : rule.match().entrySet()) {
            if (!m.getValue().equals(request.param(m.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private WebhookResponse answer(Spec.Rule rule, WebhookRequest request) {
        for (Spec.Rest call : rule.calls()) {
            String path = fill(call.path(), request);
            Map<String, List<String>> params = new LinkedHashMap<>();
            call.params().forEach((name, values) -> {
                List<String> filled = new ArrayList<>(values.size());
                values.forEach(v -> filled.add(fill(v, request)));
                params.put(name, filled);
            });
            Map<String, String> headers = new LinkedHashMap<>();
            call.headers().forEach((name, value) -> headers.put(name, fill(value, request)));
            RestResponse response = dispatcher.get().handle(call.method(), path, params, headers);
            if (response.status() >= 400) {
                throw new IllegalStateException("its call " + call.method() + " " + path + " answered "
                        + response.status() + " " + response.body());
            }
        }
        if (rule.timeout()) {
            return WebhookResponse.timeout();
        }
        JsonNode body = rule.body();
        if (body == null) {
            return WebhookResponse.status(rule.status());
        }
        if (body.isTextual()) {
            return WebhookResponse.of(rule.status(), "text/plain", body.asText());
        }
        return WebhookResponse.of(rule.status(), "application/json", body.toString());
    }

    /** Replaces each {@code {Name}} with the request's parameter of that name. */
    private static String fill(String template, WebhookRequest request) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = request.param(m.group(1));
            if (value == null) {
                throw new IllegalStateException("its call names {" + m.group(1) + "}, which the "
                        + request.eventType() + " request does not carry");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "scenario endpoint with " + rules.size() + " rules";
    }
}
