package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.security.RequestValidator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Conversation;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.HttpFailureTreatment;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP delivery to a service on this machine: form POST and GET, signatures checked with the official SDK's
 * RequestValidator, timeouts, refused connections and broken answers.
 */
class HttpDeliveryTest {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "http-delivery-test-token-41c7";
    static final String NUMBER = "+15005550001";
    static final String CUSTOMER = "+15551230001";
    /** Long enough for a cold JVM's first exchange on a busy machine; only hanging services wait for it. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** For the services that hang on purpose. */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    static final String[] AUTOCREATION_EVENTS = {"onConversationAdd", "onConversationAdded", "onParticipantAdded",
        "onMessageAdded"};

    static FidelityOptions options() {
        return FidelityOptions.defaults().toBuilder().webhookTimeout(TIMEOUT).build();
    }

    static FidelityOptions shortTimeout() {
        return FidelityOptions.defaults().toBuilder().webhookTimeout(SHORT_TIMEOUT).build();
    }

    static ConversationsSimulator.Builder simulator(String method, String pre, String post, FidelityOptions options) {
        WebhookConfigurationRequest webhooks = new WebhookConfigurationRequest().method(method)
                .filters(AUTOCREATION_EVENTS);
        if (pre != null) {
            webhooks.preWebhookUrl(pre);
        }
        if (post != null) {
            webhooks.postWebhookUrl(post);
        }
        return ConversationsSimulator.builder().account(ACCOUNT, TOKEN).options(options).autocreate(NUMBER)
                .globalWebhooks(webhooks);
    }

    @BeforeAll
    static void warmUp() throws IOException {
        LoopbackServer.warmUp();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ the wire and the signature

    @Test
    void postWebhooksAreSignedFormPostsThatTheOfficialValidatorAccepts() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), server.url("/post"), options()).build();

            sim.receive(CUSTOMER, NUMBER, "héllo ✓ & more=yes");

            List<LoopbackServer.Received> received = server.received();
            List<RecordedDelivery> deliveries = sim.deliveries().all();
            assertThat(received).extracting(r -> r.form().get("EventType")).containsExactly(AUTOCREATION_EVENTS);
            RequestValidator official = new RequestValidator(TOKEN);
            RequestValidator defaultToken = new RequestValidator(ConversationsSimulator.DEFAULT_AUTH_TOKEN);
            for (int i = 0; i < received.size(); i++) {
                LoopbackServer.Received r = received.get(i);
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
                assertThat(r.form()).isEqualTo(deliveries.get(i).params());
                assertThat(r.form()).containsEntry("AccountSid", ACCOUNT);
                assertThat(official.validate(r.url(), r.form(), r.signature())).as("signature of %s", r).isTrue();
                assertThat(defaultToken.validate(r.url(), r.form(), r.signature())).isFalse();
            }
            assertThat(received.get(0).form()).containsEntry("MessageBody", "héllo ✓ & more=yes");
        }
    }

    @Test
    void getWebhooksCarryTheParametersInTheQueryAndSignTheUrlAlone() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            ConversationsSimulator sim = simulator("GET", server.url("/pre"), server.url("/post"), options()).build();

            sim.receive(CUSTOMER, NUMBER, "hello there + friends");

            List<LoopbackServer.Received> received = server.received();
            List<RecordedDelivery> deliveries = sim.deliveries().all();
            assertThat(received).hasSize(4);
            RequestValidator official = new RequestValidator(TOKEN);
            for (int i = 0; i < received.size(); i++) {
                LoopbackServer.Received r = received.get(i);
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.body()).isEmpty();
                assertThat(r.query()).isEqualTo(deliveries.get(i).params());
                assertThat(official.validate(r.url(), Map.of(), r.signature())).as("signature of %s", r).isTrue();
            }
            assertThat(received.get(0).url()).contains("/pre?").contains("MessageBody=hello+there+%2B+friends");
        }
    }

    @Test
    void aConfiguredQueryStringIsKeptAndSignedForPostAndGet() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            RequestValidator official = new RequestValidator(TOKEN);
            simulator("POST", null, server.url("/post?tenant=acme"), options()).build()
                    .receive(CUSTOMER, NUMBER, "hi");
            simulator("GET", null, server.url("/post?tenant=acme"), options()).build()
                    .receive(CUSTOMER, NUMBER, "hi");

            List<LoopbackServer.Received> received = server.received();
            assertThat(received).hasSize(6);
            for (LoopbackServer.Received r : received.subList(0, 3)) {
                assertThat(r.url()).endsWith("/post?tenant=acme");
                assertThat(official.validate(r.url(), r.form(), r.signature())).isTrue();
            }
            for (LoopbackServer.Received r : received.subList(3, 6)) {
                assertThat(r.url()).contains("/post?tenant=acme&AccountSid=" + ACCOUNT);
                assertThat(r.query()).containsEntry("tenant", "acme").containsKey("EventType");
                assertThat(official.validate(r.url(), Map.of(), r.signature())).isTrue();
            }
        }
    }

    @Test
    void aUrlWithoutPathIsRequestedAndSignedAsSlashWhatTheServiceRebuilds() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            ConversationsSimulator sim = simulator("POST", null, server.url(""), options()).build();

            sim.receive(CUSTOMER, NUMBER, "hi");

            LoopbackServer.Received r = server.received().get(0);
            assertThat(r.url()).isEqualTo(server.url("/"));
            assertThat(new RequestValidator(TOKEN).validate(r.url(), r.form(), r.signature())).isTrue();
            assertThat(sim.deliveries().all().get(0).url()).isEqualTo(server.url(""));
        }
    }

    @Test
    void theFragmentOfAUrlIsNeitherSentNorSigned() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            simulator("POST", null, server.url("/post#rc=3"), options()).build().receive(CUSTOMER, NUMBER, "hi");

            LoopbackServer.Received r = server.received().get(0);
            assertThat(r.url()).isEqualTo(server.url("/post"));
            assertThat(new RequestValidator(TOKEN).validate(r.url(), r.form(), r.signature())).isTrue();
        }
    }

    @Test
    void theRequestedUrlDropsTheFragmentGetsAPathAndCarriesGetParametersInItsQuery() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("EventType", "onMessageAdded");
        params.put("Body", "a b&c");

        assertThat(HttpDelivery.target("http://[::1]:8080", false, params)).isEqualTo("http://[::1]:8080/");
        assertThat(HttpDelivery.target("http://localhost?x=1#rc=2", false, params))
                .isEqualTo("http://localhost/?x=1");
        assertThat(HttpDelivery.target("http://localhost/hook", true, params))
                .isEqualTo("http://localhost/hook?EventType=onMessageAdded&Body=a+b%26c");
        assertThat(HttpDelivery.target("http://localhost/hook?", true, params))
                .isEqualTo("http://localhost/hook?EventType=onMessageAdded&Body=a+b%26c");
        assertThat(HttpDelivery.target("http://localhost/hook?t=1", true, params))
                .isEqualTo("http://localhost/hook?t=1&EventType=onMessageAdded&Body=a+b%26c");
        assertThat(HttpDelivery.target("http://localhost/hook?t=1", true, Map.of()))
                .isEqualTo("http://localhost/hook?t=1");
    }

    @Test
    void theDefaultAccountSignsWithTheDocumentedTestToken() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            ConversationsSimulator sim = ConversationsSimulator.builder().options(options()).autocreate(NUMBER)
                    .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(server.url("/post"))
                            .filters("onMessageAdded"))
                    .build();

            sim.receive(CUSTOMER, NUMBER, "hi");

            LoopbackServer.Received r = server.received().get(0);
            assertThat(r.form()).containsEntry("AccountSid", ConversationsSimulator.DEFAULT_ACCOUNT_SID);
            assertThat(new RequestValidator(ConversationsSimulator.DEFAULT_AUTH_TOKEN)
                    .validate(r.url(), r.form(), r.signature())).isTrue();
        }
    }

    @Test
    void theRoutingCallbackIsASignedFormPostToo() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.ok())) {
            ConversationsSimulator sim = ConversationsSimulator.builder().account(ACCOUNT, TOKEN).options(options())
                    .autocreate(NUMBER).router(Routers.custom(server.url("/callbacks/routing"))).build();

            sim.receive(CUSTOMER, NUMBER, "hi");

            LoopbackServer.Received r = server.received().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.form()).containsEntry("EventType", "onConversationRoute")
                    .containsEntry("MessagingBinding.Address", CUSTOMER);
            assertThat(new RequestValidator(TOKEN).validate(r.url(), r.form(), r.signature())).isTrue();
        }
    }

    // ------------------------------------------------------------------ answers that decide

    @Test
    void aPreActionAnswerOverHttpNamesTheNewConversation() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(
                LoopbackServer.json("{\"friendly_name\":\"Alice\",\"attributes\":\"{\\\"avatar\\\":\\\"a.png\\\"}\"}"))) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null, options()).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            Conversation c = sim.api().fetchConversation(outcome.conversationSid());
            assertThat(c.friendlyName()).isEqualTo("Alice");
            assertThat(c.attributes()).isEqualTo("{\"avatar\":\"a.png\"}");
        }
    }

    @Test
    void aPreActionRejectionOverHttpDropsTheMessageAndCreatesNothing() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.status(403))) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), server.url("/post"), options()).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
            assertThat(sim.api().listConversations()).isEmpty();
            assertThat(server.received()).hasSize(1);
            assertThat(sim.deliveries().all().get(0).status()).isEqualTo(403);
            sim.verifyInvariants();
        }
    }

    @Test
    void anApiCallRejectedOverHttpFailsWith20403AndChangesNothing() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.status(500))) {
            ConversationsSimulator sim = ConversationsSimulator.builder().account(ACCOUNT, TOKEN).options(options())
                    .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(server.url("/pre"))
                            .filters("onConversationAdd"))
                    .build();

            assertThatThrownBy(() -> sim.api().createConversation(
                    new ConversationRequest().friendlyName("x").webhookEnabled(true)))
                    .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(20403);
                        assertThat(e.getMessage()).contains(server.url("/pre")).contains("500");
                    });
            assertThat(sim.api().listConversations()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ timeouts

    @Test
    void aPreActionHookThatTimesOutAcceptsTheConversationUnchanged() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((exchange, r) -> {
            if (r.url().contains("/pre")) {
                LoopbackServer.hang();
            }
            LoopbackServer.send(exchange, 200, "application/json", "{\"friendly_name\":\"too late\"}");
        })) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null, shortTimeout()).build();

            long started = System.nanoTime();
            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
            assertThat(sim.api().fetchConversation(outcome.conversationSid()).friendlyName()).isNull();
            RecordedDelivery pre = sim.deliveries().takeNext("onConversationAdd");
            assertThat(pre.timedOut()).isTrue();
            assertThat(pre.error()).isEqualTo("no complete answer within PT0.3S");
            assertThat(millis).isBetween(250L, 2_500L);
        }
    }

    @Test
    void anAnswerThatStallsInTheMiddleOfItsBodyTimesOutToo() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((exchange, r) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"friendly_name\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            LoopbackServer.hang();
        })) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null, shortTimeout()).build();

            long started = System.nanoTime();
            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
            assertThat(sim.deliveries().all().get(0).timedOut()).isTrue();
            assertThat(millis).isLessThan(2_500L);
        }
    }

    @Test
    void anApiPreActionHookThatTimesOutLetsTheCallThrough() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((exchange, r) -> LoopbackServer.hang())) {
            ConversationsSimulator sim = ConversationsSimulator.builder().account(ACCOUNT, TOKEN).options(shortTimeout())
                    .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(server.url("/pre"))
                            .filters("onConversationAdd"))
                    .build();

            Conversation c = sim.api().createConversation(new ConversationRequest().friendlyName("kept")
                    .webhookEnabled(true));

            assertThat(c.friendlyName()).isEqualTo("kept");
            assertThat(sim.deliveries().all().get(0).timedOut()).isTrue();
        }
    }

    // ------------------------------------------------------------------ refused connections and broken answers

    @Test
    void aRefusedConnectionCountsAsNoAnswerByDefault() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/pre";
        ConversationsSimulator sim = simulator("POST", url, null, options()).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        RecordedDelivery pre = sim.deliveries().all().get(0);
        assertThat(pre.status()).isNull();
        assertThat(pre.error()).startsWith("connection refused by 127.0.0.1:")
                .endsWith("; counted as no answer (refusedConnection NO_ANSWER)");
        assertThat(sim.journalText()).contains("connection refused by 127.0.0.1:");
        sim.verifyInvariants();
    }

    @Test
    void aRefusedConnectionDropsTheMessageWhenTreatedAsBadGateway() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/pre";
        ConversationsSimulator sim = simulator("POST", url, null,
                options().toBuilder().refusedConnection(HttpFailureTreatment.BAD_GATEWAY).build()).build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Dropped.class,
                d -> assertThat(d.status()).isEqualTo(502));
        assertThat(sim.api().listConversations()).isEmpty();
        RecordedDelivery pre = sim.deliveries().all().get(0);
        assertThat(pre.status()).isEqualTo(502);
        assertThat(pre.error()).endsWith("; counted as 502 (refusedConnection BAD_GATEWAY)");
        sim.verifyInvariants();
    }

    @Test
    void anAnswerBrokenOffMidBodyCountsAsNoAnswerByDefault() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.brokenMidBody())) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null, options()).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
            RecordedDelivery pre = sim.deliveries().all().get(0);
            assertThat(pre.status()).isNull();
            assertThat(pre.error()).startsWith("broken answer from 127.0.0.1:")
                    .endsWith("; counted as no answer (brokenResponse NO_ANSWER)");
        }
    }

    @Test
    void anAnswerBrokenOffMidBodyDropsTheMessageWhenTreatedAsBadGateway() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.brokenMidBody())) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null,
                    options().toBuilder().brokenResponse(HttpFailureTreatment.BAD_GATEWAY).build()).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
            assertThat(sim.api().listConversations()).isEmpty();
            assertThat(sim.deliveries().all().get(0).status()).isEqualTo(502);
            sim.verifyInvariants();
        }
    }

    @Test
    void aConnectionClosedWithoutAnyAnswerIsABrokenAnswer() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.closesWithoutAnswer())) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null,
                    options().toBuilder().brokenResponse(HttpFailureTreatment.BAD_GATEWAY).build()).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
            assertThat(sim.deliveries().all().get(0).error()).startsWith("broken answer from 127.0.0.1:")
                    .endsWith("(brokenResponse BAD_GATEWAY)");
        }
    }

    @Test
    void aFailedPostActionDeliveryLeavesTheCommittedChangeAndTheRestOfTheQueue() throws Exception {
        try (LoopbackServer server = LoopbackServer.start((exchange, r) -> {
            if ("onConversationAdded".equals(r.form().get("EventType"))) {
                throw new IOException("dies on the first post-action event (as intended by the test)");
            }
            LoopbackServer.send(exchange, 200, "text/plain", "OK");
        })) {
            ConversationsSimulator sim = simulator("POST", null, server.url("/post"), options()).build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
            assertThat(sim.api().listMessages(outcome.conversationSid())).hasSize(1);
            assertThat(sim.deliveries().all()).extracting(RecordedDelivery::status)
                    .containsExactly(null, 200, 200);
            assertThat(sim.journalText()).contains("webhook #1 post global onConversationAdded")
                    .contains("broken answer from 127.0.0.1:");
            sim.verifyInvariants();
        }
    }

    // ------------------------------------------------------------------ which URLs go over the network

    @Test
    void anInProcessEndpointForTheUrlWinsOverHttp() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.status(500))) {
            ConversationsSimulator sim = simulator("POST", server.url("/pre"), null, options())
                    .endpoint(server.url("/pre"), request -> WebhookResponse.json("{\"friendly_name\":\"local\"}"))
                    .build();

            InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hi");

            assertThat(server.received()).isEmpty();
            assertThat(sim.api().fetchConversation(outcome.conversationSid()).friendlyName()).isEqualTo("local");
        }
    }

    @Test
    void otherHostsAreNeverContactedUnlessAllowedByName() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        LoopbackServer server;
        try {
            server = LoopbackServer.startOn(other, LoopbackServer.status(403));
        } catch (IOException e) {
            Assumptions.abort("this machine cannot bind 127.0.0.2: " + e);
            return;
        }
        try (server) {
            String url = server.url("/pre");
            assertThat(url).startsWith("http://127.0.0.2:");

            InboundOutcome notAllowed = simulator("POST", url, null, options()).build()
                    .receive(CUSTOMER, NUMBER, "hi");
            assertThat(notAllowed).isInstanceOf(InboundOutcome.Autocreated.class);
            assertThat(server.received()).isEmpty();

            InboundOutcome allowed = simulator("POST", url, null, options()).allowHost("127.0.0.2").build()
                    .receive(CUSTOMER, NUMBER, "hi");
            assertThat(allowed).isInstanceOf(InboundOutcome.Dropped.class);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void onlyPlainHttpOnLoopbackHostsIsDeliveredWithoutPermission() {
        HttpDelivery http = new HttpDelivery(TOKEN, options(), java.util.Set.of("svc.example.com"));

        List<String> delivered = new ArrayList<>();
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://LOCALHOST:1/x",
                "http://[::1]:8080/x", "https://127.0.0.1/x", "http://127.0.0.2/x", "http://example.com/x",
                "https://svc.example.com/x", "http://svc.example.com/x", "ftp://svc.example.com/x", "not a url",
                "mailto:someone@example.com", "/relative")) {
            if (http.handles(url)) {
                delivered.add(url);
            }
        }

        assertThat(delivered).containsExactly("http://127.0.0.1:8080/x", "http://localhost/x",
                "http://LOCALHOST:1/x", "http://[::1]:8080/x", "https://svc.example.com/x",
                "http://svc.example.com/x");
    }
}
