package dev.convsim.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Participant;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CustomRoutingTest {

    static final String CUSTOMER = "+15551230001";
    static final String TWILIO = "+15005550001";
    static final String ROUTING = "https://svc.example.com/callbacks/routing";
    static final String HOOKS = "https://svc.example.com/callbacks/conversations";

    /** Frontline's "Custom Routing Callback request parameters" table, in its order. */
    static final List<String> SEED_TABLE = List.of("EventType", "ConversationSid", "DateCreated", "DateUpdated",
            "FriendlyName", "UniqueName", "Attributes", "ConversationServiceSid", "MessagingBinding.ProxyAddress",
            "MessagingBinding.Address", "MessagingBinding.ProjectedAddress", "MessagingBinding.AuthorAddress", "State");

    /** A simulator with custom routing whose callback adds {@code worker} (or nobody, when null). */
    static ConversationsSimulator withRouting(String worker, List<WebhookRequest> requests) {
        AtomicReference<ConversationsSimulator> holder = new AtomicReference<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    requests.add(request);
                    if (worker != null) {
                        holder.get().api().createParticipant(request.param("ConversationSid"),
                                new ParticipantRequest().identity(worker));
                    }
                    return WebhookResponse.status(200);
                })
                .build();
        holder.set(sim);
        return sim;
    }

    @Test
    void routeCallbackCarriesExactlyTheNamesOfFrontlinesTableForAOneToOneConversation() {
        List<WebhookRequest> requests = new ArrayList<>();
        AtomicReference<ConversationsSimulator> holder = new AtomicReference<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(HOOKS).filters("onConversationAdd"))
                .endpoint(HOOKS, request -> WebhookResponse.json(
                        "{\"friendly_name\":\"Ada Lovelace\",\"attributes\":\"{\\\"avatar\\\":\\\"https://a.example.com/ada.png\\\"}\"}"))
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    requests.add(request);
                    return WebhookResponse.ok();
                })
                .build();
        holder.set(sim);

        InboundOutcome outcome = sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(requests).hasSize(1);
        WebhookRequest route = requests.get(0);
        assertThat(route.paramNames()).containsExactly("EventType", "ConversationSid", "DateCreated", "DateUpdated",
                "FriendlyName", "Attributes", "ConversationServiceSid", "MessagingBinding.ProxyAddress",
                "MessagingBinding.Address", "State");
        assertThat(SEED_TABLE).containsSubsequence(route.paramNames());
        assertThat(route.param("EventType")).isEqualTo("onConversationRoute");
        assertThat(route.param("ConversationSid")).isEqualTo(outcome.conversationSid());
        assertThat(route.param("DateCreated")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(route.param("DateUpdated")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(route.param("FriendlyName")).isEqualTo("Ada Lovelace");
        assertThat(route.param("Attributes")).isEqualTo("{\"avatar\":\"https://a.example.com/ada.png\"}");
        assertThat(route.param("ConversationServiceSid"))
                .isEqualTo(sim.api().fetchConversation(outcome.conversationSid()).chatServiceSid());
        assertThat(route.param("MessagingBinding.ProxyAddress")).isEqualTo(TWILIO);
        assertThat(route.param("MessagingBinding.Address")).isEqualTo(CUSTOMER);
        assertThat(route.param("State")).isEqualTo("active");
        assertThat(route.scope()).isEqualTo(WebhookScope.ROUTING);
        assertThat(route.method()).isEqualTo("POST");
    }

    @Test
    void routeCallbackForAGroupCarriesMembersProjectedAndAuthorAddresses() {
        List<WebhookRequest> requests = new ArrayList<>();
        ConversationsSimulator sim = withRouting(null, requests);

        sim.receive(InboundMessage.group("+15551230003", TWILIO, "hi all", "+15551230001", "+15551230002"));

        WebhookRequest route = requests.get(0);
        assertThat(SEED_TABLE).containsSubsequence(route.paramNames());
        assertThat(route.param("MessagingBinding.ProxyAddress")).isNull();
        assertThat(route.param("MessagingBinding.Address")).isEqualTo("+15551230001,+15551230002,+15551230003");
        assertThat(route.param("MessagingBinding.ProjectedAddress")).isEqualTo(TWILIO);
        assertThat(route.param("MessagingBinding.AuthorAddress")).isEqualTo("+15551230003");
        assertThat(route.param("State")).isEqualTo("active");
    }

    @Test
    void withGroupMmsOffAGroupMessagesConversationIsRoutedAsTheOneToOneItBecame() {
        List<WebhookRequest> requests = new ArrayList<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .options(dev.convsim.FidelityOptions.defaults().toBuilder().groupMmsEnabled(false).build())
                .autocreate(TWILIO)
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    requests.add(request);
                    return WebhookResponse.ok();
                })
                .build();

        sim.receive(InboundMessage.group("+15551230003", TWILIO, "hi all", "+15551230001"));

        WebhookRequest route = requests.get(0);
        assertThat(route.param("MessagingBinding.ProxyAddress")).isEqualTo(TWILIO);
        assertThat(route.param("MessagingBinding.Address")).isEqualTo("+15551230003");
        assertThat(route.param("MessagingBinding.AuthorAddress")).isNull();
        assertThat(route.param("MessagingBinding.ProjectedAddress")).isNull();
    }

    @Test
    void routeCallbackComesAfterTheAutocreationWebhooksAndIsRecordedWithRoutingScope() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(HOOKS)
                        .filters("onConversationAdded", "onParticipantAdded", "onMessageAdded"))
                .router(Routers.custom(ROUTING))
                .build();

        sim.receive(CUSTOMER, TWILIO, "hello");

        sim.deliveries().assertEventTypes("onConversationAdded", "onParticipantAdded", "onMessageAdded",
                "onConversationRoute");
        RecordedDelivery route = sim.deliveries().only("onConversationRoute").get(0);
        assertThat(route.scope()).isEqualTo(WebhookScope.ROUTING);
        assertThat(route.url()).isEqualTo(ROUTING);
    }

    @Test
    void theCallbacksEndpointAddsTheWorkerThroughTheApiAndTheRouteIsJournaled() {
        ConversationsSimulator sim = withRouting("alice@example.com", new ArrayList<>());

        String sid = sim.receive(CUSTOMER, TWILIO, "hello").conversationSid();

        assertThat(sim.api().listParticipants(sid)).extracting(Participant::identity)
                .containsExactly(null, "alice@example.com");
        assertThat(sim.journal()).filteredOn(e -> e instanceof JournalEntry.Routed).singleElement()
                .hasToString(routedLine(sim, "routed CH…01 by custom to alice@example.com"));
        assertThat(sim.journal()).noneMatch(e -> e instanceof JournalEntry.Note n && n.code() != null);
        sim.verifyInvariants();
    }

    @Test
    void noWorkerAfterTheCallbackJournalsFrontlineError32506AndLeavesTheConversationUnrouted() {
        ConversationsSimulator sim = withRouting(null, new ArrayList<>());

        String sid = sim.receive(CUSTOMER, TWILIO, "hello").conversationSid();

        assertThat(sim.api().listConversations()).extracting(c -> c.sid()).containsExactly(sid);
        assertThat(sim.api().listParticipants(sid)).extracting(Participant::identity).containsExactly((String) null);
        assertThat(sim.journal()).noneMatch(e -> e instanceof JournalEntry.Routed);
        assertThat(sim.journal()).filteredOn(e -> e instanceof JournalEntry.Note n && n.code() != null)
                .singleElement()
                .satisfies(e -> {
                    JournalEntry.Note note = (JournalEntry.Note) e;
                    assertThat(note.code()).isEqualTo(Routers.NO_WORKER_ADDED).isEqualTo(32506);
                    assertThat(note.conversationSid()).isEqualTo(sid);
                    assertThat(note.text()).isEqualTo("the custom routing callback " + ROUTING
                            + " added no worker to " + sid + "; it stays unrouted");
                });
    }

    @Test
    void aFailingOrMissingCallbackEndpointAlsoEndsIn32506() {
        ConversationsSimulator failing = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    throw new IllegalStateException("boom");
                })
                .build();
        ConversationsSimulator missing = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router(Routers.custom(ROUTING))
                .build();

        failing.receive(CUSTOMER, TWILIO, "hello");
        missing.receive(CUSTOMER, TWILIO, "hello");

        assertThat(failing.deliveries().only("onConversationRoute")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(500));
        assertThat(missing.deliveries().only("onConversationRoute")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(failing.journalText()).contains("error 32506: the custom routing callback");
        assertThat(missing.journalText()).contains("error 32506: the custom routing callback");
    }

    @Test
    void theCallbackSeesChangesMadeByTheAutocreationWebhookHandlersBeforeIt() {
        List<WebhookRequest> requests = new ArrayList<>();
        AtomicReference<ConversationsSimulator> holder = new AtomicReference<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(HOOKS).filters("onConversationAdded"))
                .endpoint(HOOKS, request -> {
                    holder.get().api().updateConversation(request.param("ConversationSid"),
                            new ConversationRequest().friendlyName("renamed by the CRM"));
                    return WebhookResponse.ok();
                })
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    requests.add(request);
                    return WebhookResponse.ok();
                })
                .start(java.time.Instant.parse("2026-03-01T10:00:00.250Z"))
                .build();
        holder.set(sim);

        sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(requests.get(0).param("FriendlyName")).isEqualTo("renamed by the CRM");
        assertThat(requests.get(0).param("DateCreated")).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void aWorkerProjectedIntoAGroupKeepsTheGroupCapturing() {
        AtomicReference<ConversationsSimulator> holder = new AtomicReference<>();
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TWILIO)
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> {
                    holder.get().api().createParticipant(request.param("ConversationSid"), new ParticipantRequest()
                            .identity("alice@example.com").projectedAddress(TWILIO));
                    return WebhookResponse.ok();
                })
                .build();
        holder.set(sim);
        InboundMessage first = InboundMessage.group("+15551230003", TWILIO, "hi all", "+15551230001");
        InboundMessage reply = InboundMessage.group("+15551230001", TWILIO, "hello back", "+15551230003");

        String sid = sim.receive(first).conversationSid();
        InboundOutcome second = sim.receive(reply);

        assertThat(second).isInstanceOf(InboundOutcome.Captured.class);
        assertThat(second.conversationSid()).isEqualTo(sid);
        assertThat(sim.api().listConversations()).hasSize(1);
        sim.verifyInvariants();
    }

    @Test
    void customRoutingRefusesABlankCallbackUrl() {
        assertThatThrownBy(() -> Routers.custom(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[ ] is not a callback URL: expected like https://svc.example.com/callbacks/routing");
    }

    private static String routedLine(ConversationsSimulator sim, String tail) {
        for (JournalEntry e : sim.journal()) {
            if (e instanceof JournalEntry.Routed) {
                return "#" + e.sequence() + " " + e.at() + " " + tail;
            }
        }
        return tail;
    }
}
