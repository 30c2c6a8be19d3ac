package dev.convsim.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Frontline demo service driven end to end over real, signed HTTP by a simulator: its webhooks name the
 * conversation and enrich the customer, its routing callback adds the worker through the API.
 */
class FrontlineDemoServiceTest {

    private static final String ACCOUNT = "AC" + "abcdef0123456789".repeat(2);
    private static final String TOKEN = "frontline-demo-test-token";
    private static final String NUMBER = "+15005550001";
    private static final String KNOWN = "+15551230001";
    private static final String UNKNOWN = "+15559990000";
    private static final long SEED = 7;

    private FrontlineDemoService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static CustomerDirectory crm() {
        return new CustomerDirectory()
                .customer(new Customer("42", "Ada Lovelace", "https://example.com/ada.png", "john@example.com",
                        List.of(KNOWN, "whatsapp:" + KNOWN)))
                .mapWorker(KNOWN, "john@example.com");
    }

    /** A simulator wired to the service as the Frontline docs say: both hooks on one endpoint, custom routing. */
    private ConversationsSimulator simulator(CustomerDirectory crm, String signingToken) throws IOException {
        service = FrontlineDemoService.start(TOKEN, crm, new Random(SEED));
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .account(ACCOUNT, signingToken)
                .options(FidelityOptions.defaults().toBuilder().webhookTimeout(Duration.ofSeconds(3)).build())
                .autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest()
                        .preWebhookUrl(service.url("/callbacks/conversations"))
                        .postWebhookUrl(service.url("/callbacks/conversations"))
                        .filters("onConversationAdd", "onParticipantAdded"))
                .router(Routers.custom(service.url("/callbacks/routing")))
                .build();
        service.connect(sim.api());
        return sim;
    }

    private static Participant customer(ConversationsSimulator sim, String conversationSid) {
        return sim.api().listParticipants(conversationSid).stream().filter(p -> p.identity() == null).findFirst()
                .orElseThrow();
    }

    private static List<String> workers(ConversationsSimulator sim, String conversationSid) {
        return sim.api().listParticipants(conversationSid).stream().map(Participant::identity)
                .filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ end to end

    @Test
    void aKnownCustomerGetsANamedConversationAnEnrichedParticipantAndTheirMappedWorker() throws Exception {
        ConversationsSimulator sim = simulator(crm(), TOKEN);

        InboundOutcome outcome = sim.receive(KNOWN, NUMBER, "Hi, is my order ready?");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        Conversation c = sim.api().fetchConversation(outcome.conversationSid());
        assertThat(c.friendlyName()).isEqualTo("Ada Lovelace");
        assertThat(c.attributes()).isEqualTo("{\"avatar\":\"https://example.com/ada.png\"}");
        assertThat(customer(sim, c.sid()).attributes()).isEqualTo(
                "{\"avatar\":\"https://example.com/ada.png\",\"customer_id\":\"42\",\"display_name\":\"Ada Lovelace\"}");
        assertThat(workers(sim, c.sid())).containsExactly("john@example.com");
        assertThat(sim.api().fetchParticipant(c.sid(), "john@example.com").attributes()).isEqualTo("{}");
        assertThat(sim.deliveries().all()).extracting(RecordedDelivery::eventType, RecordedDelivery::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("onConversationAdd", 200),
                        org.assertj.core.groups.Tuple.tuple("onParticipantAdded", 200),
                        org.assertj.core.groups.Tuple.tuple("onConversationRoute", 200));
        assertThat(sim.journal()).filteredOn(JournalEntry.Routed.class::isInstance)
                .extracting(e -> ((JournalEntry.Routed) e).worker()).containsExactly("john@example.com");
        assertThat(service.log()).containsExactly("routed " + c.sid() + " to john@example.com (mapped)");
        sim.verifyInvariants();
    }

    @Test
    void theCustomersNextMessageIsCapturedWithoutAskingTheServiceAgain() throws Exception {
        ConversationsSimulator sim = simulator(crm(), TOKEN);
        InboundOutcome first = sim.receive(KNOWN, NUMBER, "Hi");

        InboundOutcome second = sim.receive(KNOWN, NUMBER, "Anyone there?");

        assertThat(second).isInstanceOfSatisfying(InboundOutcome.Captured.class,
                c -> assertThat(c.conversationSid()).isEqualTo(first.conversationSid()));
        assertThat(sim.deliveries().count("onConversationRoute")).isEqualTo(1);
        assertThat(sim.api().listMessages(first.conversationSid())).hasSize(2);
    }

    @Test
    void anUnknownCustomerIsNamedByNumberKeepsEmptyAttributesAndGoesToARandomMappedWorker() throws Exception {
        CustomerDirectory crm = crm().mapWorker("+15550000002", "jane@example.com");
        ConversationsSimulator sim = simulator(crm, TOKEN);

        InboundOutcome outcome = sim.receive(UNKNOWN, NUMBER, "hello?");

        Conversation c = sim.api().fetchConversation(outcome.conversationSid());
        assertThat(c.friendlyName()).isEqualTo(UNKNOWN);
        assertThat(c.attributes()).isEqualTo("{}");
        assertThat(customer(sim, c.sid()).attributes()).isEqualTo("{}");
        assertThat(sim.journal()).filteredOn(e -> e instanceof JournalEntry.ResourceChanged r
                && r.resource() == JournalEntry.Resource.PARTICIPANT && r.action() == JournalEntry.Action.UPDATED)
                .as("no participant update when the attribute text is unchanged").isEmpty();
        String expected = List.of("john@example.com", "jane@example.com").get(new Random(SEED).nextInt(2));
        assertThat(workers(sim, c.sid())).containsExactly(expected);
        assertThat(service.log()).containsExactly("routed " + c.sid() + " to " + expected + " (random)");
    }

    @Test
    void aWhatsappMappingDoesNotMatchTheSameNumberTextingBySms() throws Exception {
        CustomerDirectory crm = new CustomerDirectory().mapWorker("whatsapp:" + KNOWN, "john@example.com");
        ConversationsSimulator sim = simulator(crm, TOKEN);

        InboundOutcome outcome = sim.receive(KNOWN, NUMBER, "hi");

        assertThat(service.log()).containsExactly("routed " + outcome.conversationSid()
                + " to john@example.com (random)");
    }

    @Test
    void withNoWorkersTheServiceStillAnswers200AndTheConversationStaysUnroutedWithError32506() throws Exception {
        ConversationsSimulator sim = simulator(new CustomerDirectory(), TOKEN);

        InboundOutcome outcome = sim.receive(UNKNOWN, NUMBER, "hi");

        assertThat(workers(sim, outcome.conversationSid())).isEmpty();
        assertThat(sim.deliveries().takeNext("onConversationAdd").status()).isEqualTo(200);
        assertThat(sim.deliveries().all()).filteredOn(d -> d.eventType().equals("onConversationRoute"))
                .extracting(RecordedDelivery::status).containsExactly(200);
        assertThat(service.log()).containsExactly("Routing failed, please add workers to customersToWorkersMap"
                + " or define a default worker: " + outcome.conversationSid());
        assertThat(sim.journal()).filteredOn(JournalEntry.Note.class::isInstance)
                .extracting(e -> ((JournalEntry.Note) e).code()).containsExactly(Routers.NO_WORKER_ADDED);
    }

    @Test
    void participantAttributesAreRewrittenOnlyWhenTheirTextChanges() throws Exception {
        ConversationsSimulator sim = simulator(crm(), TOKEN);
        Conversation c = sim.api().createConversation(new ConversationRequest().friendlyName("by the API"));

        Participant spaced = sim.api().createParticipant(c.sid(), new ParticipantRequest().address(UNKNOWN)
                .proxyAddress(NUMBER).attributes("{ \"role\": \"driver\" }").webhookEnabled(true));
        Participant exact = sim.api().createParticipant(c.sid(), new ParticipantRequest().address(KNOWN)
                .proxyAddress("+15005550002").attributes("{\"avatar\":\"https://example.com/ada.png\","
                        + "\"customer_id\":\"42\",\"display_name\":\"Ada Lovelace\"}")
                .webhookEnabled(true));

        assertThat(sim.api().fetchParticipant(c.sid(), spaced.sid()).attributes()).isEqualTo("{\"role\":\"driver\"}");
        assertThat(sim.api().fetchParticipant(c.sid(), exact.sid()).attributes()).isEqualTo(exact.attributes());
        assertThat(sim.journal()).filteredOn(e -> e instanceof JournalEntry.ResourceChanged r
                && r.resource() == JournalEntry.Resource.PARTICIPANT && r.action() == JournalEntry.Action.UPDATED)
                .extracting(e -> ((JournalEntry.ResourceChanged) e).sid()).containsExactly(spaced.sid());
        assertThat(sim.deliveries().only("onParticipantAdded")).hasSize(2);
    }

    @Test
    void aSimulatorSigningWithAnotherTokenIsRefused403AndTheMessageIsDropped() throws Exception {
        ConversationsSimulator sim = simulator(crm(), "some-other-token");

        InboundOutcome outcome = sim.receive(KNOWN, NUMBER, "hi");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Dropped.class, d -> {
            assertThat(d.status()).isEqualTo(403);
            assertThat(d.event()).isEqualTo("onConversationAdd");
        });
        assertThat(sim.deliveries().all().get(0).responseBody()).isEqualTo(FrontlineDemoService.INVALID_SIGNATURE);
        assertThat(sim.api().listConversations()).isEmpty();
    }

    // ------------------------------------------------------------------ the service's own HTTP rules

    @Test
    void aRequestWithoutASignatureIsRefused400() throws Exception {
        simulator(crm(), TOKEN);

        HttpResponse<String> response = post("/callbacks/routing", Map.of("ConversationSid", "CH" + "0".repeat(32)),
                null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(FrontlineDemoService.NO_SIGNATURE);
    }

    @Test
    void aRequestWithATamperedParameterIsRefused403() throws Exception {
        simulator(crm(), TOKEN);
        Map<String, String> signed = Map.of("EventType", "onConversationAdd", "MessagingBinding.Address", KNOWN);
        String signature = new TwilioSignatures(TOKEN).sign(service.url("/callbacks/conversations"), signed);

        HttpResponse<String> genuine = post("/callbacks/conversations", signed, signature);
        HttpResponse<String> tampered = post("/callbacks/conversations",
                Map.of("EventType", "onConversationAdd", "MessagingBinding.Address", UNKNOWN), signature);

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(genuine.body()).isEqualTo("{\"friendly_name\":\"Ada Lovelace\","
                + "\"attributes\":\"{\\\"avatar\\\":\\\"https://example.com/ada.png\\\"}\"}");
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).isEqualTo(FrontlineDemoService.INVALID_SIGNATURE);
    }

    @Test
    void aSignatureOverTheUrlWithoutItsPortIsAcceptedLikeTwiliosValidators() throws Exception {
        simulator(crm(), TOKEN);
        Map<String, String> params = Map.of("EventType", "onMessageAdded");
        String withoutPort = service.url("/callbacks/conversations").replaceFirst(":\\d+/", "/");

        HttpResponse<String> response = post("/callbacks/conversations", params,
                new TwilioSignatures(TOKEN).sign(withoutPort, params));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("OK");
    }

    @Test
    void aParticipantFetchThatFailsDropsTheConnectionLikeTheDemosCrash() throws Exception {
        ConversationsSimulator sim = simulator(crm(), TOKEN);
        Conversation c = sim.api().createConversation(new ConversationRequest());
        Map<String, String> params = Map.of("EventType", "onParticipantAdded", "ConversationSid", c.sid(),
                "ParticipantSid", "MB" + "f".repeat(32), "MessagingBinding.Address", KNOWN);

        assertThatThrownBy(() -> post("/callbacks/conversations", params,
                new TwilioSignatures(TOKEN).sign(service.url("/callbacks/conversations"), params)))
                .isInstanceOf(IOException.class);
        assertThat(service.log()).singleElement().asString().startsWith("crashed on onParticipantAdded: ")
                .contains("20404");
    }

    private HttpResponse<String> post(String path, Map<String, String> params, String signature) throws Exception {
        String body = new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
