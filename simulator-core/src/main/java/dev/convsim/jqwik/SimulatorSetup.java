package dev.convsim.jqwik;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A simulator configuration as a value: how each Twilio number handles inbound messages, default timers, pool
 * routing, a pre-action webhook that rejects a word, and fidelity options. {@link #build()} makes a fresh simulator
 * from it, so each property try gets its own; {@link #toString()} reads as a sentence, so a counterexample says what
 * it ran on.
 *
 * <pre>{@code
 * ActionChain.startWith(setup::build)
 * }</pre>
 *
 * @param numbers the Twilio numbers, each with its handling
 * @param defaultInactiveTimer the account's default {@code Timers.Inactive}, or null for none (at least PT1M)
 * @param defaultClosedTimer the account's default {@code Timers.Closed}, or null for none (at least PT10M)
 * @param workers Frontline workers and whether each starts available; pool routing when not empty
 * @param rejectWord a global pre-action webhook for {@code onConversationAdd} and {@code onMessageAdd} answers 403
 *     to bodies containing this word; null for no pre-action webhook
 * @param postWebhooks whether a global post-action webhook receives the conversation, participant and message
 *     events (its endpoint answers 200)
 */
public record SimulatorSetup(
        Instant start,
        List<NumberSetup> numbers,
        Duration defaultInactiveTimer,
        Duration defaultClosedTimer,
        Map<String, Boolean> workers,
        String rejectWord,
        boolean postWebhooks,
        FidelityOptions options) {

    /** The SMS URL of numbers with {@link NumberSetup#smsUrl()}. */
    public static final String SMS_URL = "https://hooks.example.com/sms";
    /** The inbound request URL of the messaging service that sends a webhook. */
    public static final String MESSAGING_URL = "https://hooks.example.com/messaging";
    /** The global pre-action webhook URL. */
    public static final String PRE_URL = "https://hooks.example.com/pre";
    /** The global post-action webhook URL. */
    public static final String POST_URL = "https://hooks.example.com/post";

    /** Validates, naming the bad value. */
    public SimulatorSetup {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(options, "options");
        numbers = List.copyOf(numbers);
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("[no numbers] is not a setup: give at least one Twilio number");
        }
        Set<Address> seen = new HashSet<>();
        for (NumberSetup n : numbers) {
            if (!seen.add(n.number())) {
                throw new IllegalArgumentException("[" + n.number() + "] is listed twice: give each number once");
            }
        }
        if (defaultInactiveTimer != null && defaultInactiveTimer.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("defaultInactiveTimer [" + defaultInactiveTimer
                    + "] is under Twilio's minimum: give at least PT1M, or null for none");
        }
        if (defaultClosedTimer != null && defaultClosedTimer.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("defaultClosedTimer [" + defaultClosedTimer
                    + "] is under Twilio's minimum: give at least PT10M, or null for none");
        }
        workers = Collections.unmodifiableMap(new LinkedHashMap<>(workers));
        for (String identity : workers.keySet()) {
            if (identity == null || identity.isBlank()) {
                throw new IllegalArgumentException("[" + identity + "] is not a worker identity: expected like alice@example.com");
            }
        }
        if (rejectWord != null && rejectWord.isBlank()) {
            throw new IllegalArgumentException("rejectWord [" + rejectWord + "] is blank: give a word, or null for none");
        }
    }

    /** One Twilio number and how it handles inbound messages. */
    public record NumberSetup(Address number, AddressConfig addressConfiguration, Service messagingService,
            boolean smsUrl) {

        /** Requires every part. */
        public NumberSetup {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(addressConfiguration, "addressConfiguration");
            Objects.requireNonNull(messagingService, "messagingService");
        }

        /** True when a message not captured autocreates a conversation (by either path). */
        public boolean autocreates() {
            return addressConfiguration == AddressConfig.AUTOCREATE || messagingService == Service.AUTOCREATE;
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (addressConfiguration != AddressConfig.NONE) {
                parts.add(addressConfiguration == AddressConfig.AUTOCREATE
                        ? "address configuration autocreates"
                        : "address configuration without autocreation");
            }
            if (messagingService != Service.NONE) {
                parts.add(messagingService == Service.AUTOCREATE
                        ? "in a messaging service that autocreates"
                        : "in a messaging service that sends a webhook");
            }
            if (smsUrl) {
                parts.add("SMS URL");
            }
            return number + " (" + (parts.isEmpty() ? "nothing" : String.join(", ", parts)) + ")";
        }
    }

    /** A number's address configuration. */
    public enum AddressConfig {
        /** None. */
        NONE,
        /** One with autocreation enabled (type {@code default}). */
        AUTOCREATE,
        /** One with autocreation disabled. */
        NO_AUTOCREATE
    }

    /** The messaging service whose sender pool holds a number. */
    public enum Service {
        /** None. */
        NONE,
        /** A service whose integration is "Autocreate a Conversation". */
        AUTOCREATE,
        /** A service whose integration sends a webhook to {@link #MESSAGING_URL}. */
        WEBHOOK
    }

    /** The Twilio numbers, in order. */
    public List<Address> twilioNumbers() {
        List<Address> out = new ArrayList<>(numbers.size());
        for (NumberSetup n : numbers) {
            out.add(n.number());
        }
        return out;
    }

    /** How this number is set up, if it is one of the setup's. */
    public Optional<NumberSetup> number(Address number) {
        for (NumberSetup n : numbers) {
            if (n.number().equals(number)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** A simulator builder set up like this; add to it before building if you need more. */
    public ConversationsSimulator.Builder builder() {
        ConversationsSimulator.Builder b = ConversationsSimulator.builder().start(start).options(options);
        if (defaultInactiveTimer != null || defaultClosedTimer != null) {
            ConfigurationRequest defaults = new ConfigurationRequest();
            if (defaultInactiveTimer != null) {
                defaults.defaultInactiveTimer(defaultInactiveTimer.toString());
            }
            if (defaultClosedTimer != null) {
                defaults.defaultClosedTimer(defaultClosedTimer.toString());
            }
            b.configuration(defaults);
        }
        List<Address> autocreating = new ArrayList<>();
        List<Address> webhooking = new ArrayList<>();
        for (NumberSetup n : numbers) {
            if (n.messagingService() == Service.AUTOCREATE) {
                autocreating.add(n.number());
            } else if (n.messagingService() == Service.WEBHOOK) {
                webhooking.add(n.number());
            }
        }
        if (!autocreating.isEmpty()) {
            b.messagingService(new MessagingService(null, "Autocreating pool", autocreating, true, true, null, null));
        }
        if (!webhooking.isEmpty()) {
            b.messagingService(new MessagingService(null, "Webhook pool", webhooking, false, false, MESSAGING_URL,
                    "POST"));
        }
        for (NumberSetup n : numbers) {
            if (n.addressConfiguration() != AddressConfig.NONE) {
                b.addressConfiguration(new AddressConfigurationRequest()
                        .type(n.number().channel().wire())
                        .address(n.number().value())
                        .autoCreationEnabled(n.addressConfiguration() == AddressConfig.AUTOCREATE)
                        .autoCreationType("default"));
            }
            if (n.smsUrl()) {
                b.phoneNumber(n.number().value(), SMS_URL);
            }
        }
        if (rejectWord != null || postWebhooks) {
            WebhookConfigurationRequest hooks = new WebhookConfigurationRequest();
            List<String> filters = new ArrayList<>();
            if (rejectWord != null) {
                hooks.preWebhookUrl(PRE_URL);
                filters.add("onConversationAdd");
                filters.add("onMessageAdd");
                String word = rejectWord;
                b.endpoint(PRE_URL, request -> rejects(request, word)
                        ? WebhookResponse.status(403)
                        : WebhookResponse.ok());
            }
            if (postWebhooks) {
                hooks.postWebhookUrl(POST_URL);
                filters.addAll(List.of("onConversationAdded", "onConversationRemoved", "onConversationStateUpdated",
                        "onParticipantAdded", "onParticipantRemoved", "onMessageAdded"));
            }
            b.globalWebhooks(hooks.filters(filters.toArray(String[]::new)));
        }
        if (!workers.isEmpty()) {
            b.router(Routers.pool(options.poolSelection()));
            workers.forEach(b::worker);
        }
        return b;
    }

    /** A fresh simulator set up like this. */
    public ConversationsSimulator build() {
        return builder().build();
    }

    /** Whether the pre-action endpoint rejects this request: its body holds {@link #rejectWord()}. */
    public boolean rejects(String body) {
        return rejectWord != null && body != null && body.contains(rejectWord);
    }

    private static boolean rejects(WebhookRequest request, String word) {
        String body = request.param("Body") != null ? request.param("Body") : request.param("MessageBody");
        return body != null && body.contains(word);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("setup at ").append(start).append(": ");
        List<String> parts = new ArrayList<>();
        for (NumberSetup n : numbers) {
            parts.add(n.toString());
        }
        s.append(String.join(", ", parts));
        if (defaultInactiveTimer != null || defaultClosedTimer != null) {
            s.append("; default timers inactive ").append(defaultInactiveTimer == null ? "none" : defaultInactiveTimer)
                    .append(", closed ").append(defaultClosedTimer == null ? "none" : defaultClosedTimer);
        }
        if (!workers.isEmpty()) {
            List<String> ws = new ArrayList<>();
            workers.forEach((w, available) -> ws.add(w + (available ? " (available)" : " (unavailable)")));
            s.append("; pool routing to ").append(String.join(", ", ws));
        }
        if (rejectWord != null) {
            s.append("; the pre-action webhook rejects \"").append(rejectWord).append('"');
        }
        if (postWebhooks) {
            s.append("; post-action webhooks on");
        }
        List<String> changed = changedOptions(options);
        if (!changed.isEmpty()) {
            s.append("; options ").append(String.join(", ", changed));
        }
        return s.toString();
    }

    private static List<String> changedOptions(FidelityOptions options) {
        List<String> out = new ArrayList<>();
        FidelityOptions defaults = FidelityOptions.defaults();
        for (RecordComponent c : FidelityOptions.class.getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(options);
                if (!Objects.equals(value, c.getAccessor().invoke(defaults))) {
                    out.add(c.getName() + "=" + value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read FidelityOptions." + c.getName(), e);
            }
        }
        return out;
    }
}
