package dev.convsim.examples.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rehearses the seed's migration from Programmable Messaging to Conversations, step by step, on the public API:
 * explicit conversations first, then an empty autocreating messaging service, then numbers moved into its pool one
 * at a time, then the rest.
 */
class MigrationWalkthroughTest {

    static final String SALES = "+15005550001";
    static final String SUPPORT = "+15005550002";
    static final String BILLING = "+15005550003";
    static final String VIP = "+15551239999";

    private final ConversationsSimulator sim = ConversationsSimulator.builder()
            .phoneNumber(SALES, "https://legacy.example.com/sms")
            .phoneNumber(SUPPORT, "https://legacy.example.com/sms")
            .phoneNumber(BILLING, "https://legacy.example.com/sms")
            .options(dev.convsim.FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false).build())
            .build();

    private String webhookOrConversation(String from, String to) {
        InboundOutcome outcome = sim.receive(from, to, "hello");
        return outcome instanceof InboundOutcome.SentToMessagingWebhook ? "webhook" : outcome.kind() + " " + outcome.conversationSid();
    }

    @Test
    void theFourStepsMoveTrafficOneNumberAtATimeAndBoundPairsStayPut() {
        // Step 1: a conversation created over REST captures only its own pair.
        String vip = sim.api().createConversation(new ConversationRequest().friendlyName("VIP")).sid();
        String vipParticipant = sim.api().createParticipant(vip,
                new ParticipantRequest().address(VIP).proxyAddress(SALES)).sid();
        assertThat(webhookOrConversation(VIP, SALES)).isEqualTo("captured " + vip);
        assertThat(webhookOrConversation("+15551230001", SALES)).isEqualTo("webhook");

        // Deleting that participant sends the pair back to the webhook; adding it again brings it back.
        sim.api().deleteParticipant(vip, vipParticipant, false);
        assertThat(webhookOrConversation(VIP, SALES)).isEqualTo("webhook");
        sim.api().createParticipant(vip, new ParticipantRequest().address(VIP).proxyAddress(SALES));

        // Step 2: an empty messaging service set to autocreate changes nothing.
        String mg = sim.putMessagingService(new MessagingService(null, "Conversations", List.of(), true, true, null, null)).sid();
        sim.advance(Duration.ofMinutes(3));
        assertThat(webhookOrConversation("+15551230002", SALES)).isEqualTo("webhook");
        assertThat(webhookOrConversation("+15551230002", SUPPORT)).isEqualTo("webhook");

        // Step 3: adding one number to its pool makes only that number autocreate.
        sim.addSender(mg, SUPPORT);
        InboundOutcome first = sim.receive("+15551230003", SUPPORT, "hello");
        assertThat(first).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(first.explanation()).contains(SUPPORT + " is in messaging service MG…01 (joined messaging service "
                + "MG…01 at 2026-01-01T00:03:00Z); its integration autocreates");
        assertThat(webhookOrConversation("+15551230003", SALES)).isEqualTo("webhook");
        assertThat(webhookOrConversation("+15551230003", BILLING)).isEqualTo("webhook");

        // Step 4: adding the rest makes them all autocreate.
        sim.addSender(mg, SALES);
        sim.addSender(mg, BILLING);
        assertThat(webhookOrConversation("+15551230004", SALES)).startsWith("autocreated");
        assertThat(webhookOrConversation("+15551230004", BILLING)).startsWith("autocreated");

        // Throughout, the explicitly bound pair stayed where it was.
        assertThat(webhookOrConversation(VIP, SALES)).isEqualTo("captured " + vip);
        sim.verifyInvariants();
    }
}
