package dev.convsim.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.model.Participant;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ProxyNumberOwnerRoutingTest {

    static final String ROUTING = "https://sf.example.com/inbound-routing";
    static final String ALICE_NUMBER = "+15005550001";
    static final String BOB_NUMBER = "+15005550002";
    static final String SHARED_NUMBER = "+15005550003";
    static final String CUSTOMER = "+15551230001";
    static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    static ConversationsSimulator sim(String defaultWorker) {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(ALICE_NUMBER).autocreate(BOB_NUMBER).autocreate(SHARED_NUMBER)
                .router(Routers.custom(ROUTING))
                .build();
        sim.endpoint(ROUTING, new ProxyNumberOwnerRouting(sim.api(), defaultWorker)
                .user("alice@example.com", ALICE_NUMBER, T0)
                .user("bob@example.com", BOB_NUMBER, T0)
                .user("old@example.com", SHARED_NUMBER, T0)
                .user("new@example.com", SHARED_NUMBER, T0.plusSeconds(60))
                .user("older@example.com", SHARED_NUMBER, T0.minusSeconds(60)));
        return sim;
    }

    static List<String> workers(ConversationsSimulator sim, String sid) {
        return sim.api().listParticipants(sid).stream().map(Participant::identity).filter(Objects::nonNull).toList();
    }

    @Test
    void theConversationGoesToTheOwnerOfTheNumberTheCustomerTexted() {
        ConversationsSimulator sim = sim("support@example.com");

        String toAlice = sim.receive(CUSTOMER, ALICE_NUMBER, "hi Alice").conversationSid();
        String toBob = sim.receive(CUSTOMER, BOB_NUMBER, "hi Bob").conversationSid();
        String otherToAlice = sim.receive("+15551230002", ALICE_NUMBER, "hello").conversationSid();

        assertThat(workers(sim, toAlice)).containsExactly("alice@example.com");
        assertThat(workers(sim, toBob)).containsExactly("bob@example.com");
        assertThat(workers(sim, otherToAlice)).containsExactly("alice@example.com");
    }

    @Test
    void whenSeveralUsersShareANumberTheMostRecentlyModifiedOwnsIt() {
        ConversationsSimulator sim = sim("support@example.com");

        String sid = sim.receive(CUSTOMER, SHARED_NUMBER, "hi").conversationSid();

        assertThat(workers(sim, sid)).containsExactly("new@example.com");
    }

    @Test
    void aNumberNobodyOwnsGoesToTheDefaultWorker() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550009")
                .router(Routers.custom(ROUTING)).build();
        sim.endpoint(ROUTING, new ProxyNumberOwnerRouting(sim.api(), "support@example.com")
                .user("alice@example.com", ALICE_NUMBER, T0));

        String sid = sim.receive(CUSTOMER, "+15005550009", "hi").conversationSid();

        assertThat(workers(sim, sid)).containsExactly("support@example.com");
        RecordedDelivery route = sim.deliveries().only("onConversationRoute").get(0);
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.responseBody()).isEmpty();
    }

    @Test
    void withNoOwnerAndNoDefaultTheUncaughtCreateFailsTheCallbackAndFrontlineRecords32506() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550009")
                .router(Routers.custom(ROUTING)).build();
        sim.endpoint(ROUTING, new ProxyNumberOwnerRouting(sim.api(), null));

        String sid = sim.receive(CUSTOMER, "+15005550009", "hi").conversationSid();

        assertThat(workers(sim, sid)).isEmpty();
        RecordedDelivery route = sim.deliveries().only("onConversationRoute").get(0);
        assertThat(route.status()).isEqualTo(500);
        assertThat(route.error()).contains("TwilioApiException 20001");
        assertThat(sim.journalText()).contains("error 32506: the custom routing callback " + ROUTING);
    }

    @Test
    void ownershipComparesTheNumberExactly() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();
        ProxyNumberOwnerRouting routing = new ProxyNumberOwnerRouting(sim.api(), "support@example.com")
                .user("alice@example.com", ALICE_NUMBER, T0);

        assertThat(routing.ownerOf(ALICE_NUMBER)).isEqualTo("alice@example.com");
        assertThat(routing.ownerOf("whatsapp:" + ALICE_NUMBER)).isEqualTo("support@example.com");
    }
}
