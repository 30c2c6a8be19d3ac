package dev.convsim.examples.routing;

import dev.convsim.api.ConversationsApi;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Availability-filtered owner routing with a 422 fallback: the behaviour of the one public Java integration
 * service, nucleus-engine's Frontline routing callback (described from its behaviour only; its licence forbids
 * reusing its code). A custom routing callback endpoint; it acts only through the public API.
 *
 * <pre>{@code
 * AvailableOwnerRouting routing = new AvailableOwnerRouting(sim.api(), available::contains, new Random(7))
 *         .ownsNumber("alice@example.com", "+15005550001")
 *         .crmOwner("+15551230001", "bob@example.com");
 * sim.endpoint("https://nucleus.example.com/twilio/frontline/callback/routing", routing);
 * }</pre>
 *
 * <p>The sender is {@code MessagingBinding.AuthorAddress} when present (a group MMS), else
 * {@code MessagingBinding.Address}; the number is the group's {@code ProjectedAddress}, else the
 * {@code ProxyAddress}. Rule 1, number ownership: the workers who own that number, keeping only the available ones
 * (all of them when none is), one picked at random; in a group the worker joins projected on that number. Rule 2:
 * the owner of the sender's CRM contact. Otherwise it answers 422 and adds nobody, so Frontline records 32506.
 * Left out: the service's 5-second sleep before routing (a workaround for conversations still initializing, which
 * cannot happen here: routing runs after autocreation commits) and remembering projected addresses from earlier
 * {@code onParticipantAdded} events (the routing callback carries the projected address itself).
 */
public final class AvailableOwnerRouting implements WebhookEndpoint {

    private final ConversationsApi api;
    private final Predicate<String> isAvailable;
    private final Random random;
    private final Map<String, String> workerNumbers = new LinkedHashMap<>();
    private final Map<String, String> crmOwners = new LinkedHashMap<>();

    /**
     * Routing through this API.
     *
     * @param isAvailable whether a worker's Frontline user is available ({@code is_available})
     * @param random the source of the pick among owners (seed it in tests)
     */
    public AvailableOwnerRouting(ConversationsApi api, Predicate<String> isAvailable, Random random) {
        this.api = Objects.requireNonNull(api, "api");
        this.isAvailable = Objects.requireNonNull(isAvailable, "isAvailable");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Configures a worker's own Twilio number (the service's worker → sender number map). */
    public synchronized AvailableOwnerRouting ownsNumber(String worker, String twilioNumber) {
        workerNumbers.put(worker, twilioNumber);
        return this;
    }

    /** A CRM contact, by phone, and the worker who owns it. */
    public synchronized AvailableOwnerRouting crmOwner(String contactPhone, String worker) {
        crmOwners.put(contactPhone, worker);
        return this;
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        String conversationSid = request.param("ConversationSid");
        String author = request.param("MessagingBinding.AuthorAddress");
        String sender = author != null ? author : request.param("MessagingBinding.Address");
        String projected = request.param("MessagingBinding.ProjectedAddress");
        String number = projected != null ? projected : request.param("MessagingBinding.ProxyAddress");
        String worker = pickOwner(number);
        if (worker == null) {
            synchronized (this) {
                worker = sender == null ? null : crmOwners.get(sender);
            }
        }
        if (worker == null) {
            return WebhookResponse.status(422);
        }
        ParticipantRequest join = new ParticipantRequest().identity(worker);
        if (projected != null) {
            join.projectedAddress(projected);
        }
        api.createParticipant(conversationSid, join);
        return WebhookResponse.ok();
    }

    private synchronized String pickOwner(String number) {
        List<String> owners = new ArrayList<>();
        workerNumbers.forEach((worker, owned) -> {
            if (owned.equals(number)) {
                owners.add(worker);
            }
        });
        if (owners.isEmpty()) {
            return null;
        }
        List<String> available = owners.stream().filter(isAvailable).toList();
        List<String> candidates = available.isEmpty() ? owners : available;
        return candidates.get(random.nextInt(candidates.size()));
    }
}
