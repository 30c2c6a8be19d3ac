package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auth token signs webhooks and is never shown: not in any toString, journal line, delivery or error. */
class SecretsTest {

    private static final String ACCOUNT = "ACfeedfacefeedfacefeedfacefeedface";
    private static final String TOKEN = "S3cr3t-Token-Do-Not-Leak-5a9c2e";
    private static final String NUMBER = "+15005550001";

    @Test
    void theAuthTokenNeverAppearsInAnythingTheSimulatorShowsOrSends() throws Exception {
        LoopbackServer.warmUp();
        List<String> seen = new ArrayList<>();
        int refused;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            refused = socket.getLocalPort();
        }
        try (LoopbackServer server = LoopbackServer.start((exchange, r) -> {
            if (r.url().contains("/broken")) {
                LoopbackServer.brokenMidBody().answer(exchange, r);
            } else {
                LoopbackServer.send(exchange, 200, "application/json", "{\"friendly_name\":\"Named\"}");
            }
        })) {
            ConversationsSimulator sim = ConversationsSimulator.builder().account(ACCOUNT, TOKEN)
                    .options(FidelityOptions.defaults().toBuilder().webhookTimeout(Duration.ofSeconds(2)).build())
                    .autocreate(NUMBER)
                    .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(server.url("/pre"))
                            .postWebhookUrl(server.url("/broken"))
                            .filters("onConversationAdd", "onConversationAdded", "onMessageAdded",
                                    "onConversationStateUpdated"))
                    .router(Routers.custom("http://127.0.0.1:" + refused + "/callbacks/routing"))
                    .build();

            // traffic: autocreation, capture, timers, deliveries that work, break and are refused
            for (int i = 0; i < 3; i++) {
                InboundOutcome outcome = sim.receive("+1555123000" + i, NUMBER, "hello " + i);
                seen.add(outcome.toString());
                seen.add(outcome.explanation());
                seen.add(sim.receive("+1555123000" + i, NUMBER, "again").explanation());
            }
            Conversation c = sim.api().createConversation(new ConversationRequest().friendlyName("api")
                    .timersInactive("PT1M").state("active"));
            sim.advance(Duration.ofMinutes(2));
            // errors from every layer
            seen.add(message(() -> sim.api().createParticipant(c.sid(),
                    new ParticipantRequest().address("+15551230000").proxyAddress(NUMBER))));
            seen.add(message(() -> sim.api().fetchConversation("CH" + "f".repeat(32))));
            seen.add(message(() -> sim.receive("not-a-number", NUMBER, "x")));
            seen.add(message(() -> ConversationsSimulator.builder().account("ACbad", TOKEN)));
            seen.add(message(() -> ConversationsSimulator.builder().account(ACCOUNT, TOKEN).account("nope", TOKEN)));

            // everything it shows
            seen.add(sim.toString());
            seen.add(sim.journalText());
            for (JournalEntry e : sim.journal()) {
                seen.add(e.toString());
            }
            seen.add(sim.deliveries().toString());
            for (RecordedDelivery d : sim.deliveries().all()) {
                seen.add(d.toString());
                seen.add(String.valueOf(d.params()));
                seen.add(String.valueOf(d.responseBody()));
                seen.add(String.valueOf(d.error()));
            }
            seen.add(sim.options().toString());
            seen.add(sim.api().listConversations().toString());
            seen.add(sim.api().fetchConfiguration().toString());
            seen.add(sim.api().fetchGlobalWebhooks().toString());
            seen.add(new HttpDelivery(TOKEN, sim.options(), java.util.Set.of()).toString());
            // and everything it sent
            for (LoopbackServer.Received r : server.received()) {
                seen.add(r.toString());
            }

            assertThat(sim.deliveries().all()).extracting(RecordedDelivery::error).anySatisfy(
                    error -> assertThat(error).startsWith("broken answer"))
                    .anySatisfy(error -> assertThat(error).startsWith("connection refused"));
            assertThat(server.received()).isNotEmpty();
            assertThat(sim.journal()).hasAtLeastOneElementOfType(JournalEntry.StateChanged.class);
        }
        assertThat(seen).hasSizeGreaterThan(30);
        for (String text : seen) {
            assertThat(text).doesNotContain(TOKEN).doesNotContain("Do-Not-Leak");
        }
    }

    @Test
    void anEmptyTokenIsRefusedWithoutEchoingAnything() {
        assertThatThrownBy(() -> ConversationsSimulator.builder().account(ACCOUNT, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the auth token is empty: give the token that signs webhooks");
    }

    /** The message, toString and stack trace of what the call threw. */
    private static String message(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return e.getMessage() + "\n" + e + "\n" + trace;
        }
        throw new AssertionError("expected the call to fail");
    }
}
