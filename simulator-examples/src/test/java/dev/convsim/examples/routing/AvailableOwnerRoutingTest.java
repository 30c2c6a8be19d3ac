package dev.convsim.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Participant;
import dev.convsim.routing.Routers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailableOwnerRoutingTest {

    static final String ROUTING = "https://nucleus.example.com/twilio/frontline/callback/routing";
    static final String TEAM_NUMBER = "+15005550001";
    static final String OTHER_NUMBER = "+15005550002";
    static final String CUSTOMER = "+15551230001";

    final Set<String> available = new HashSet<>();
    final List<Integer> bounds = new ArrayList<>();

    /** A Random that always picks the last candidate, recording how many there were. */
    final Random last = new Random() {
        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return bound - 1;
        }
    };

    ConversationsSimulator sim() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(TEAM_NUMBER).autocreate(OTHER_NUMBER)
                .router(Routers.custom(ROUTING))
                .build();
        sim.endpoint(ROUTING, new AvailableOwnerRouting(sim.api(), available::contains, last)
                .ownsNumber("alice@example.com", TEAM_NUMBER)
                .ownsNumber("bob@example.com", OTHER_NUMBER)
                .ownsNumber("carol@example.com", TEAM_NUMBER)
                .ownsNumber("dave@example.com", TEAM_NUMBER)
                .crmOwner(CUSTOMER, "erin@example.com"));
        return sim;
    }

    static List<String> workers(ConversationsSimulator sim, String sid) {
        return sim.api().listParticipants(sid).stream().map(Participant::identity).filter(Objects::nonNull).toList();
    }

    @Test
    void onlyAvailableOwnersOfTheNumberAreCandidates() {
        available.add("alice@example.com");
        available.add("carol@example.com");
        available.add("bob@example.com");
        ConversationsSimulator sim = sim();

        String sid = sim.receive(CUSTOMER, TEAM_NUMBER, "hi").conversationSid();

        assertThat(bounds).containsExactly(2);
        assertThat(workers(sim, sid)).containsExactly("carol@example.com");
    }

    @Test
    void whenNoOwnerIsAvailableEveryOwnerIsACandidate() {
        available.add("bob@example.com");
        ConversationsSimulator sim = sim();

        String sid = sim.receive(CUSTOMER, TEAM_NUMBER, "hi").conversationSid();

        assertThat(bounds).containsExactly(3);
        assertThat(workers(sim, sid)).containsExactly("dave@example.com");
    }

    @Test
    void numberOwnershipComesBeforeTheCrmOwner() {
        ConversationsSimulator sim = sim();

        String sid = sim.receive(CUSTOMER, OTHER_NUMBER, "hi").conversationSid();

        assertThat(workers(sim, sid)).containsExactly("bob@example.com");
    }

    @Test
    void aNumberNobodyOwnsFallsBackToTheOwnerOfTheSendersCrmContact() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550009")
                .router(Routers.custom(ROUTING)).build();
        sim.endpoint(ROUTING, new AvailableOwnerRouting(sim.api(), available::contains, last)
                .ownsNumber("alice@example.com", TEAM_NUMBER).crmOwner(CUSTOMER, "erin@example.com"));

        String sid = sim.receive(CUSTOMER, "+15005550009", "hi").conversationSid();

        assertThat(workers(sim, sid)).containsExactly("erin@example.com");
        assertThat(bounds).isEmpty();
    }

    @Test
    void withNeitherRuleMatchingTheCallbackAnswers422AndFrontlineRecords32506() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550009")
                .router(Routers.custom(ROUTING)).build();
        sim.endpoint(ROUTING, new AvailableOwnerRouting(sim.api(), available::contains, last)
                .ownsNumber("alice@example.com", TEAM_NUMBER));

        String sid = sim.receive(CUSTOMER, "+15005550009", "hi").conversationSid();

        assertThat(workers(sim, sid)).isEmpty();
        assertThat(sim.deliveries().only("onConversationRoute").get(0).status()).isEqualTo(422);
        assertThat(sim.journalText()).contains("error 32506");
    }

    @Test
    void inAGroupTheWorkerJoinsProjectedOnTheGroupsTwilioNumberAndTheGroupKeepsCapturing() {
        available.add("alice@example.com");
        ConversationsSimulator sim = sim();

        String sid = sim.receive(InboundMessage.group("+15551230003", TEAM_NUMBER, "hi all", CUSTOMER))
                .conversationSid();
        InboundOutcome reply = sim.receive(InboundMessage.group(CUSTOMER, TEAM_NUMBER, "hello", "+15551230003"));

        Participant alice = sim.api().fetchParticipant(sid, "alice@example.com");
        assertThat(alice.messagingBinding().projectedAddress().value()).isEqualTo(TEAM_NUMBER);
        assertThat(reply).isInstanceOf(InboundOutcome.Captured.class);
        assertThat(reply.conversationSid()).isEqualTo(sid);
        sim.verifyInvariants();
    }

    @Test
    void inAGroupTheCrmRuleLooksUpTheAuthorNotTheMemberList() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550009")
                .router(Routers.custom(ROUTING)).build();
        sim.endpoint(ROUTING, new AvailableOwnerRouting(sim.api(), available::contains, last)
                .crmOwner(CUSTOMER, "erin@example.com"));

        String sid = sim.receive(InboundMessage.group(CUSTOMER, "+15005550009", "hi all", "+15551230003"))
                .conversationSid();

        assertThat(workers(sim, sid)).containsExactly("erin@example.com");
    }
}
