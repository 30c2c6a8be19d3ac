package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import dev.convsim.model.PhoneNumber;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messaging services, phone numbers and address configurations as live, changing resources (issue 10). */
class LiveConfigurationTest {

    static final String N1 = "+15005550001";
    static final String N2 = "+15005550002";
    static final String MG1 = "MG00000000000000000000000000000001";
    static final String MG2 = "MG00000000000000000000000000000002";

    private static ConversationsSimulator.Builder twoServices() {
        return ConversationsSimulator.builder()
                .messagingService(new MessagingService(MG1, "Conversations", List.of(), true, true, null, null))
                .messagingService(new MessagingService(MG2, "Legacy", List.of(Address.parse(N1), Address.parse(N2)),
                        false, false, "https://legacy.example.com/inbound", "POST"))
                .options(FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false).build());
    }

    @Test
    void addingANumberToAnAutocreatingPoolMovesItAndOnlyThatNumberAutocreates() {
        ConversationsSimulator sim = twoServices().build();
        sim.advance(Duration.ofMinutes(3));

        sim.addSender(MG1, N1);

        InboundOutcome moved = sim.receive("+15551230001", N1, "hi");
        InboundOutcome stayed = sim.receive("+15551230001", N2, "hi");
        assertThat(moved).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(moved.explanation()).contains(N1 + " is in messaging service MG…01 (joined messaging service MG…01 at "
                + "2026-01-01T00:03:00Z); its integration autocreates");
        assertThat(stayed).isInstanceOfSatisfying(InboundOutcome.SentToMessagingWebhook.class,
                o -> assertThat(o.url()).isEqualTo("https://legacy.example.com/inbound"));
        assertThat(sim.messagingServices()).extracting(ms -> ms.sid() + "=" + ms.senders())
                .containsExactly(MG1 + "=[" + N1 + "]", MG2 + "=[" + N2 + "]");
    }

    @Test
    void removingANumberFromThePoolSendsItBackToItsSmsUrl() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .messagingService(new MessagingService(MG1, "Conversations", List.of(Address.parse(N1)), true, true,
                        null, null))
                .phoneNumber(N1, "https://legacy.example.com/sms").build();

        sim.removeSender(MG1, N1);

        InboundOutcome outcome = sim.receive("+15551230001", N1, "hi");
        assertThat(outcome).isInstanceOf(InboundOutcome.SentToMessagingWebhook.class);
        assertThat(outcome.explanation()).contains("is in no messaging service that autocreates (left messaging "
                + "service MG…01 at 2026-01-01T00:00:00Z)");
    }

    @Test
    void switchingTheIntegrationNeedsTheLockUnlocked() {
        ConversationsSimulator sim = twoServices().build();
        List<String> journal = InboundRoutingTest.lines(sim);

        assertThatThrownBy(() -> sim.setIntegration(MG2, true, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("messaging service [" + MG2 + "] can't autocreate conversations while \"Handle Inbound "
                        + "Messages with Conversations\" is locked: unlock it first");
        assertThat(InboundRoutingTest.lines(sim)).isEqualTo(journal);

        sim.setIntegration(MG2, true, true, null);
        assertThat(sim.receive("+15551230001", N2, "hi")).isInstanceOf(InboundOutcome.Autocreated.class);
    }

    @Test
    void badChangesNameTheValueAndChangeNothing() {
        ConversationsSimulator sim = twoServices().build();
        List<String> journal = InboundRoutingTest.lines(sim);

        assertThatThrownBy(() -> sim.addSender("MG00000000000000000000000000000009", N1))
                .hasMessage("[MG00000000000000000000000000000009] is not a messaging service of this simulator: "
                        + "add it first (known: [" + MG1 + ", " + MG2 + "])");
        assertThatThrownBy(() -> sim.removeSender(MG1, N2))
                .hasMessage("[" + N2 + "] is not in the sender pool of " + MG1 + ": its senders are []");
        assertThatThrownBy(() -> sim.addSender(MG2, N1))
                .hasMessage("[" + N1 + "] is already in the sender pool of " + MG2);
        assertThatThrownBy(() -> sim.addSender(MG1, "5005550001"))
                .hasMessage("[5005550001] is not an E.164 number: expected like +15551234567");
        assertThatThrownBy(() -> sim.putMessagingService(new MessagingService("MG1", "x", List.of(), false, false, null, null)))
                .hasMessage("[MG1] is not a messaging service SID: expected MG followed by 32 hex digits");
        assertThat(InboundRoutingTest.lines(sim)).isEqualTo(journal);
    }

    @Test
    void aPhoneNumbersSmsUrlCanChange() {
        ConversationsSimulator sim = ConversationsSimulator.builder().phoneNumber(N1, "https://old.example.com/sms").build();

        sim.putPhoneNumber(new PhoneNumber(Address.parse(N1), "https://new.example.com/sms", "POST"));

        assertThat(((InboundOutcome.SentToMessagingWebhook) sim.receive("+15551230001", N1, "hi")).url())
                .isEqualTo("https://new.example.com/sms");
    }

    @Test
    void addressConfigurationsCanBeEnabledDisabledAndRetyped() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(N1).build();
        sim.api().updateAddressConfiguration(N1, new AddressConfigurationRequest().autoCreationEnabled(false));
        assertThat(sim.receive("+15551230001", N1, "hi")).isInstanceOf(InboundOutcome.Unhandled.class);

        sim.api().updateAddressConfiguration(N1, new AddressConfigurationRequest().autoCreationEnabled(true)
                .autoCreationType("webhook").webhookUrl("https://svc.example.com/scoped").webhookFilters("onMessageAdded"));
        String ch = sim.receive("+15551230001", N1, "hi").conversationSid();

        assertThat(sim.api().listConversationWebhooks(ch)).hasSize(1);
        assertThat(sim.deliveries().all()).extracting(d -> d.url()).containsExactly("https://svc.example.com/scoped");
    }

    @Test
    void withAPropagationDelayTheOldSettingAppliesUntilTheChangeTakesEffect() {
        ConversationsSimulator sim = twoServices()
                .options(FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false)
                        .autocreationPropagationDelay(Duration.ofSeconds(60)).build())
                .build();

        sim.addSender(MG1, N1);
        assertThat(sim.receive("+15551230001", N1, "during the delay"))
                .isInstanceOf(InboundOutcome.SentToMessagingWebhook.class);
        sim.advance(Duration.ofSeconds(59));
        assertThat(sim.receive("+15551230002", N1, "still old")).isInstanceOf(InboundOutcome.SentToMessagingWebhook.class);
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.receive("+15551230003", N1, "new setting")).isInstanceOf(InboundOutcome.Autocreated.class);

        assertThat(sim.journalText())
                .contains("messaging service MG…01 change made: senders [" + N1 + "], autocreates; takes effect at "
                        + "2026-01-01T00:01:00Z (propagation delay PT1M)")
                .contains("messaging service updated MG…01 (senders [" + N1 + "], integration autocreates "
                        + "conversations; change made at 2026-01-01T00:00:00Z, took effect at 2026-01-01T00:01:00Z)");
    }
}
