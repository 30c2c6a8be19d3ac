package dev.convsim.benchmarks;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.routing.Routers;
import java.util.Random;

/** The numbers, messages and simulator setups the benchmarks share; everything derives from fixed seeds. */
final class Fixtures {

    /** The Twilio number every 1:1 benchmark texts. */
    static final String TWILIO_NUMBER = "+15005550001";
    /** A second Twilio number (WhatsApp) for the typical setup. */
    static final String WHATSAPP_NUMBER = "whatsapp:+15005550002";
    /** The global pre-action URL; no endpoint is registered, so the default endpoint answers 200. */
    static final String PRE_URL = "https://hooks.example.com/conversations/pre";
    /** The global post-action URL, answered by the default endpoint. */
    static final String POST_URL = "https://hooks.example.com/conversations/post";

    private Fixtures() {
    }

    /** The i-th customer number: {@code +1555} followed by seven digits, so up to 10,000,000 distinct senders. */
    static String sender(int i) {
        String digits = Integer.toString(i);
        return "+1555" + "0000000".substring(digits.length()) + digits;
    }

    /** 0..n-1 in a scattered (seeded Fisher–Yates) order, so consecutive messages hit unrelated conversations. */
    static int[] scattered(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A simulator that autocreates a 1:1 conversation for every new sender, with no webhooks at all. */
    static ConversationsSimulator bareAutocreating() {
        return ConversationsSimulator.builder().autocreate(TWILIO_NUMBER).build();
    }

    /** The global pre and post webhooks of an autocreating 1:1 message: one pre and three post deliveries. */
    static WebhookConfigurationRequest globalWebhooks() {
        return new WebhookConfigurationRequest().preWebhookUrl(PRE_URL).postWebhookUrl(POST_URL).method("POST")
                .filters("onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded");
    }

    /** An autocreating simulator whose global pre and post webhooks are answered by the default endpoint. */
    static ConversationsSimulator autocreatingWithGlobalWebhooks() {
        return ConversationsSimulator.builder().autocreate(TWILIO_NUMBER).globalWebhooks(globalWebhooks()).build();
    }

    /** The typical setup: two address configurations, global webhooks and a router. */
    static ConversationsSimulator typical() {
        return ConversationsSimulator.builder()
                .addressConfiguration(new AddressConfigurationRequest().type("sms").address(TWILIO_NUMBER)
                        .friendlyName("Support SMS").autoCreationEnabled(true).autoCreationType("default"))
                .addressConfiguration(new AddressConfigurationRequest().type("whatsapp").address(WHATSAPP_NUMBER)
                        .friendlyName("Support WhatsApp").autoCreationEnabled(true).autoCreationType("webhook")
                        .webhookUrl("https://hooks.example.com/whatsapp").webhookFilters("onMessageAdded"))
                .globalWebhooks(globalWebhooks())
                .router(Routers.pool())
                .build();
    }

    /**
     * A simulator holding {@code n} live 1:1 conversations (one participant, one message each), created in sender
     * order; fails loudly when any message is not autocreated, so no benchmark measures the wrong path.
     */
    static ConversationsSimulator withLiveConversations(int n) {
        return withLiveConversations(firstMessages(n));
    }

    /** The first message of each of the {@code n} senders, in sender order: parse them once, build many times. */
    static InboundMessage[] firstMessages(int n) {
        InboundMessage[] messages = new InboundMessage[n];
        for (int i = 0; i < n; i++) {
            messages[i] = InboundMessage.of(sender(i), TWILIO_NUMBER, "hello");
        }
        return messages;
    }

    /** As {@link #withLiveConversations(int)}, with a journal of this bound. */
    static ConversationsSimulator withLiveConversations(int n, int journalLimit) {
        return withLiveConversations(firstMessages(n), ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().journalLimit(journalLimit).build())
                .autocreate(TWILIO_NUMBER).build());
    }

    /** As {@link #withLiveConversations(int)}, from {@link #firstMessages(int)} parsed before. */
    static ConversationsSimulator withLiveConversations(InboundMessage[] firstMessages) {
        return withLiveConversations(firstMessages, bareAutocreating());
    }

    private static ConversationsSimulator withLiveConversations(InboundMessage[] firstMessages,
            ConversationsSimulator sim) {
        for (InboundMessage first : firstMessages) {
            InboundOutcome outcome = sim.receive(first);
            if (!(outcome instanceof InboundOutcome.Autocreated)) {
                throw new IllegalStateException("setup expected an autocreation for " + first.from() + " but got "
                        + outcome.kind() + ": " + outcome.explanation());
            }
        }
        return sim;
    }

    /** Messages from the {@code n} senders in a scattered order, built anew (equal, not identical, addresses). */
    static InboundMessage[] scatteredMessages(int n, long seed) {
        int[] order = scattered(n, seed);
        InboundMessage[] messages = new InboundMessage[n];
        for (int i = 0; i < n; i++) {
            messages[i] = InboundMessage.of(sender(order[i]), TWILIO_NUMBER, "hello again");
        }
        return messages;
    }
}
