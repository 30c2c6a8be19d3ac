package dev.convsim.examples.routing;

import dev.convsim.api.ConversationsApi;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Number-ownership routing, the behaviour of the Salesforce Frontline quickstart's inbound routing function
 * (twilio-labs/frontline-salesforce-serverless-quickstart): each worker owns a Twilio number, and a conversation
 * goes to the owner of the number the customer texted, {@code MessagingBinding.ProxyAddress}, not to whoever owns
 * the customer. A custom routing callback endpoint; it acts only through the public API.
 *
 * <pre>{@code
 * ProxyNumberOwnerRouting routing = new ProxyNumberOwnerRouting(sim.api(), "support@example.com")
 *         .user("alice@example.com", "+15005550001", Instant.parse("2026-01-01T00:00:00Z"));
 * sim.endpoint("https://sf.example.com/inbound-routing", routing);
 * }</pre>
 *
 * <p>The owner is the directory user whose mobile phone equals the proxy address exactly, the most recently
 * modified one when several share it (the quickstart's query sorts by LastModifiedDate, newest first, and takes
 * one); with none, the default worker ({@code DEFAULT_WORKER}). The participant create is awaited and not caught:
 * when it fails (no owner and no default worker, or a closed conversation) the callback fails with a 500, and
 * Frontline records 32506. On success it answers 200 {@code application/json} with an empty body.
 */
public final class ProxyNumberOwnerRouting implements WebhookEndpoint {

    /**
     * A directory user (the quickstart's Salesforce {@code User}).
     *
     * @param username the worker identity
     * @param mobilePhone the Twilio number the user owns, as the directory writes it
     * @param lastModified when the record last changed
     */
    public record DirectoryUser(String username, String mobilePhone, Instant lastModified) {
    }

    private final ConversationsApi api;
    private final String defaultWorker;
    private final List<DirectoryUser> users = new ArrayList<>();

    /**
     * Routing through this API.
     *
     * @param defaultWorker the identity for numbers nobody owns, or null for none
     */
    public ProxyNumberOwnerRouting(ConversationsApi api, String defaultWorker) {
        this.api = Objects.requireNonNull(api, "api");
        this.defaultWorker = defaultWorker;
    }

    /** Adds a directory user who owns a number. */
    public synchronized ProxyNumberOwnerRouting user(String username, String mobilePhone, Instant lastModified) {
        users.add(new DirectoryUser(username, mobilePhone, lastModified));
        return this;
    }

    /** The worker who owns this Twilio number, else the default worker (possibly null). */
    public synchronized String ownerOf(String proxyAddress) {
        return users.stream()
                .filter(u -> u.mobilePhone().equals(proxyAddress))
                .max(Comparator.comparing(DirectoryUser::lastModified))
                .map(DirectoryUser::username)
                .orElse(defaultWorker);
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        String worker = ownerOf(request.param("MessagingBinding.ProxyAddress"));
        api.createParticipant(request.param("ConversationSid"), new ParticipantRequest().identity(worker));
        return WebhookResponse.of(200, "application/json", "");
    }
}
