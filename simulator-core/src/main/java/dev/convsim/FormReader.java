package dev.convsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.api.Form;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Address;
import dev.convsim.model.Sids;
import dev.convsim.webhook.WebhookEvent;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads Twilio form parameters, failing with Twilio's error codes and a message that names the value and the fix. */
final class FormReader {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Form form;

    FormReader(Form form) {
        this.form = form;
    }

    boolean has(String name) {
        return form.has(name);
    }

    String string(String name) {
        return form.get(name);
    }

    String string(String name, int maxLength) {
        String value = form.get(name);
        if (value != null && value.length() > maxLength) {
            throw TwilioApiException.invalidParameter(name + " is " + value.length()
                    + " characters long: Twilio accepts at most " + maxLength);
        }
        return value;
    }

    String required(String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw new TwilioApiException(20001, 400, "Missing required parameter " + name + " in the post body");
        }
        return value;
    }

    String json(String name) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        checkJson(name, value);
        return value;
    }

    static void checkJson(String name, String value) {
        try {
            JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw TwilioApiException.invalidParameter(name + " [" + value
                    + "] is not valid JSON: send a JSON string such as {\"key\":\"value\"}");
        }
    }

    Address address(String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty() || value.equals("null")) {
            return null;
        }
        return parseAddress(name, value);
    }

    static Address parseAddress(String name, String value) {
        if (value == null || value.length() > 256 || !Address.isValid(value)) {
            throw new TwilioApiException(50407, 400, "Invalid messaging binding address: " + name + " ["
                    + value + "] is not an E.164 number: expected like +15551234567 (or whatsapp:+15551234567)");
        }
        return Address.parse(value);
    }

    Boolean bool(String name) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw TwilioApiException.invalidParameter(name + " [" + value + "] is not a boolean: expected true or false");
    }

    Integer integer(String name) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw TwilioApiException.invalidParameter(name + " [" + value + "] is not an integer");
        }
    }

    String method(String name) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("GET") || value.equalsIgnoreCase("POST")) {
            return value.toUpperCase(java.util.Locale.ROOT);
        }
        throw TwilioApiException.invalidParameter(name + " [" + value + "] is not an HTTP method: expected GET or POST");
    }

    String sid(String name, String prefix) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!Sids.is(prefix, value)) {
            throw TwilioApiException.invalidParameter(name + " [" + value + "] is not a " + prefix
                    + " SID: expected " + prefix + " followed by 32 hex digits");
        }
        return value;
    }

    /**
     * A timer duration: null when absent, {@link Duration#ZERO} for PT0S (disabled), otherwise at least the minimum.
     */
    Duration timer(String name, Duration minimum, int notIsoCode, int tooShortCode) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        return parseTimer(name, value, minimum, notIsoCode, tooShortCode);
    }

    static Duration parseTimer(String name, String value, Duration minimum, int notIsoCode, int tooShortCode) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new TwilioApiException(notIsoCode, 400, name + " [" + value
                    + "] is not an ISO-8601 duration: expected like PT5M, P1D, or PT0S to disable");
        }
        if (duration.isNegative()) {
            throw new TwilioApiException(notIsoCode, 400, name + " [" + value + "] is negative: expected like PT5M");
        }
        if (!duration.isZero() && duration.compareTo(minimum) < 0) {
            throw new TwilioApiException(tooShortCode, 400, name + " [" + value + "] is below Twilio's minimum of "
                    + minimum + ": use at least " + minimum + ", or PT0S to disable");
        }
        if (duration.compareTo(ConversationsSimulator.MAX_DELAY) > 0) {
            throw TwilioApiException.invalidParameter(name + " [" + value + "] is longer than convsim's maximum of "
                    + ConversationsSimulator.MAX_DELAY.toDays() + " days: use at most P36500D, or PT0S to disable");
        }
        return duration;
    }

    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String value : form.getAll(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    Set<WebhookEvent> filters(String name, Set<WebhookEvent> allowed, int errorCode) {
        Set<WebhookEvent> out = new LinkedHashSet<>();
        for (String filter : list(name)) {
            WebhookEvent event = WebhookEvent.fromWire(filter);
            if (event == null || !allowed.contains(event)) {
                throw new TwilioApiException(errorCode, 400, name + " [" + filter
                        + "] is not an event this scope can filter: expected one of " + wireNames(allowed));
            }
            out.add(event);
        }
        return out;
    }

    static List<String> wireNames(Set<WebhookEvent> events) {
        List<String> names = new ArrayList<>();
        for (WebhookEvent e : events) {
            names.add(e.wire());
        }
        return names;
    }
}
