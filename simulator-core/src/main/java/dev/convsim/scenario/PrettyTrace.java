package dev.convsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convsim.model.Sids;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders trace lines for people: one readable line per trace line, steps flush left and what they caused indented.
 *
 * <pre>{@code
 * ▶ step 0 receive +15551230001 → +15005550001 "Hi" at 2026-01-01T00:00:00Z
 *     webhook pre global onConversationAdd +15551230001 "Hi" → https://svc.example.com/pre: 200 {"friendly_name":"Alice"}
 *     ⇒ autocreated CH…01, message IM…01: no non-closed conversation binds …
 * }</pre>
 */
public final class PrettyTrace {

    private static final int MAX_BODY = 160;

    private PrettyTrace() {
    }

    /** One trace line (a JSON object with {@code seq} and {@code type}) as text; unknown types print as JSON. */
    public static String line(JsonNode line) {
        String type = line.path("type").asText();
        return switch (type) {
            case "step" -> step(line);
            case "webhook" -> "    webhook " + webhook(line);
            case "stateChanged" -> "    state " + sid(line.path("conversationSid")) + " " + line.path("from").asText()
                    + " → " + line.path("to").asText() + " (" + line.path("reason").asText() + ") at "
                    + line.path("at").asText();
            case "routed" -> "    routed " + sid(line.path("conversationSid")) + " by " + line.path("mode").asText()
                    + (!line.path("worker").isNull() && line.has("worker") ? " to " + line.path("worker").asText()
                            : line.path("queued").asBoolean() ? ": queued, no worker available" : ": no worker");
            case "event" -> event(line);
            case "result" -> "    ⇒ " + result(line);
            case "expectation" -> "    ✗ " + (line.path("key").asText().equals("error")
                    ? "the step could not run: " + line.path("actual").asText()
                    : "expect." + line.path("key").asText() + ": expected " + line.path("expected") + ", actual "
                            + line.path("actual"));
            default -> line.toString();
        };
    }

    private static String event(JsonNode line) {
        String entry = line.path("entry").asText();
        if (entry.equals("inbound")) {
            // the result line right after carries the explanation
            return "    inbound → " + line.path("outcome").asText()
                    + (line.path("conversationSid").isNull() ? "" : " " + sid(line.path("conversationSid")));
        }
        return "    " + (entry.equals("note") ? "note " : "event ") + line.path("text").asText();
    }

    private static String step(JsonNode line) {
        String kind = line.path("kind").asText();
        JsonNode in = line.path(kind);
        StringBuilder out = new StringBuilder("▶ step ").append(line.path("index").asInt()).append(' ').append(kind);
        switch (kind) {
            case "receive" -> {
                out.append(' ').append(in.path("from").asText()).append(" → ").append(in.path("to").asText());
                if (in.has("otherRecipients")) {
                    List<String> others = new ArrayList<>();
                    in.path("otherRecipients").forEach(n -> others.add(n.asText()));
                    out.append(" +").append(others);
                }
                out.append(" \"").append(in.path("body").asText()).append('"');
                if (in.has("media")) {
                    out.append(" with ").append(in.path("media").size()).append(" media");
                }
            }
            case "advance" -> out.append(' ').append(in.asText());
            case "rest" -> {
                out.append(' ').append(in.path("method").asText()).append(' ').append(in.path("path").asText());
                if (in.has("params")) {
                    out.append(' ').append(in.path("params"));
                }
                if (in.has("headers")) {
                    out.append(" headers ").append(in.path("headers"));
                }
            }
            case "worker" -> out.append(' ').append(in.path("identity").asText())
                    .append(in.path("available").asBoolean() ? " becomes available" : " becomes unavailable");
            case "configure" -> {
                List<String> parts = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> names = new ArrayList<>();
                    for (JsonNode entry : e.getValue()) {
                        String id = entry.has("address") ? entry.path("address").asText()
                                : entry.has("number") ? entry.path("number").asText()
                                : entry.has("sid") ? Sids.abbreviate(entry.path("sid").asText())
                                : "new";
                        names.add(id);
                    }
                    parts.add(e.getKey() + " " + names);
                }
                out.append(' ').append(String.join(", ", parts));
            }
            default -> out.append(' ').append(in);
        }
        out.append(" at ").append(line.path("at").asText());
        if (line.has("note")) {
            out.append(" — ").append(line.path("note").asText());
        }
        return out.toString();
    }

    private static String webhook(JsonNode line) {
        JsonNode params = line.path("params");
        StringBuilder out = new StringBuilder();
        out.append(line.path("phase").asText()).append(' ').append(line.path("scope").asText()).append(' ')
                .append(line.path("eventType").asText());
        if (params.hasNonNull("ConversationSid")) {
            out.append(' ').append(Sids.abbreviate(params.path("ConversationSid").asText()));
        } else if (params.hasNonNull("MessagingBinding.Address")) {
            out.append(' ').append(params.path("MessagingBinding.Address").asText());
        } else if (params.hasNonNull("From")) {
            out.append(' ').append(params.path("From").asText());
        }
        if (params.hasNonNull("Body")) {
            out.append(" \"").append(params.path("Body").asText()).append('"');
        } else if (params.hasNonNull("MessageBody")) {
            out.append(" \"").append(params.path("MessageBody").asText()).append('"');
        }
        if (line.path("eventType").asText().startsWith("onParticipant")) {
            if (params.hasNonNull("Identity")) {
                out.append(" identity ").append(params.path("Identity").asText());
            } else if (params.hasNonNull("MessagingBinding.Address")) {
                out.append(' ').append(params.path("MessagingBinding.Address").asText());
            } else if (params.hasNonNull("MessagingBinding.ProjectedAddress")) {
                out.append(" projected ").append(params.path("MessagingBinding.ProjectedAddress").asText());
            }
        }
        if (params.hasNonNull("StateFrom") && params.hasNonNull("StateTo")) {
            out.append(' ').append(params.path("StateFrom").asText()).append(" → ")
                    .append(params.path("StateTo").asText());
        }
        if (line.path("attempt").asInt() > 0) {
            out.append(" retry ").append(line.path("attempt").asInt());
        }
        out.append(" → ").append(line.path("method").asText()).append(' ').append(line.path("url").asText())
                .append(": ").append(line.path("status").isNull() ? "timed out" : line.path("status").asText());
        if (line.has("response")) {
            out.append(' ').append(shorten(line.path("response").asText()));
        }
        if (line.has("error")) {
            out.append(" (").append(line.path("error").asText()).append(')');
        }
        return out.toString();
    }

    private static String result(JsonNode line) {
        if (line.has("error")) {
            return "error: " + line.path("error").path("message").asText();
        }
        if (line.has("outcome")) {
            StringBuilder out = new StringBuilder(line.path("outcome").asText());
            if (!line.path("conversationSid").isNull()) {
                out.append(' ').append(sid(line.path("conversationSid")));
            }
            if (!line.path("messageSid").isNull()) {
                out.append(", message ").append(sid(line.path("messageSid")));
            }
            return out.append(": ").append(line.path("explanation").asText()).toString();
        }
        if (line.has("status")) {
            return line.path("status").asText() + (line.path("body").isNull() ? "" : " " + shorten(line.path("body").toString()));
        }
        if (line.has("now")) {
            return "now " + line.path("now").asText();
        }
        if (line.has("assigned")) {
            List<String> sids = new ArrayList<>();
            line.path("assigned").forEach(n -> sids.add(Sids.abbreviate(n.asText())));
            return sids.isEmpty() ? "no queued conversation assigned" : "assigned " + sids;
        }
        if (line.has("applied")) {
            return line.path("applied").asBoolean() ? "applied"
                    : "applies at " + line.path("appliesAt").asText() + " (propagation delay)";
        }
        return line.toString();
    }

    private static String sid(JsonNode node) {
        return node.isNull() ? "none" : Sids.abbreviate(node.asText());
    }

    private static String shorten(String text) {
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY - 1) + "…" : text;
    }
}
