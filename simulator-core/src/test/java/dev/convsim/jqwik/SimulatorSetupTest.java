package dev.convsim.jqwik;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.jqwik.SimulatorSetup.AddressConfig;
import dev.convsim.jqwik.SimulatorSetup.NumberSetup;
import dev.convsim.jqwik.SimulatorSetup.Service;
import dev.convsim.model.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setup builds the simulator it describes, says so in one sentence, and the arbitraries only make valid ones. */
class SimulatorSetupTest {

    static final Instant START = Instant.parse("2026-02-03T04:05:06Z");

    private static SimulatorSetup everyKindOfNumber() {
        Map<String, Boolean> workers = new LinkedHashMap<>();
        workers.put("alice@example.com", true);
        workers.put("bob@example.com", false);
        return new SimulatorSetup(START, List.of(
                new NumberSetup(ConvsimArbitraries.twilioNumber(1), AddressConfig.AUTOCREATE, Service.NONE, false),
                new NumberSetup(ConvsimArbitraries.twilioNumber(2), AddressConfig.NONE, Service.WEBHOOK, true),
                new NumberSetup(ConvsimArbitraries.twilioNumber(3), AddressConfig.NONE, Service.NONE, true),
                new NumberSetup(ConvsimArbitraries.twilioNumber(4), AddressConfig.NO_AUTOCREATE, Service.AUTOCREATE,
                        false),
                new NumberSetup(ConvsimArbitraries.twilioNumber(5), AddressConfig.NONE, Service.NONE, false)),
                Duration.ofMinutes(5), Duration.ofHours(2), workers, "spam", true,
                FidelityOptions.defaults().toBuilder().addressConfigurationFirst(false).build());
    }

    @Test
    void eachNumberHandlesInboundMessagesAsTheSetupSays() {
        ConversationsSimulator sim = everyKindOfNumber().build();
        String customer = "+15550100001";

        assertThat(sim.now()).isEqualTo(START);
        assertThat(sim.receive(customer, "+15005550001", "hi"))
                .isAutocreatedVia(InboundOutcome.Via.ADDRESS_CONFIGURATION);
        assertThat(sim.receive(customer, "+15005550002", "hi")).isSentToMessagingWebhook()
                .explanationContains(SimulatorSetup.MESSAGING_URL);
        assertThat(sim.receive(customer, "+15005550003", "hi")).isSentToMessagingWebhook()
                .explanationContains(SimulatorSetup.SMS_URL);
        assertThat(sim.receive(customer, "+15005550004", "hi")).isAutocreatedVia(InboundOutcome.Via.MESSAGING_SERVICE);
        assertThat(sim.receive(customer, "+15005550005", "hi")).isUnhandled();
        assertThat(sim.receive("+15550100002", "+15005550001", "spam offer")).isDropped();
        assertThat(sim.receive(customer, "+15005550001", "more spam")).isDropped();
    }

    @Test
    void timersRoutingAndPostWebhooksAreSetUp() {
        ConversationsSimulator sim = everyKindOfNumber().build();

        String ch = sim.receive("+15550100001", "+15005550001", "hi").conversationSid();

        assertThat(sim.api().fetchConversation(ch).timers().dateInactive()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(sim.api().fetchConversation(ch).timers().dateClosed()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(sim).hasParticipantWithIdentity(ch, "alice@example.com");
        assertThat(sim.deliveries()).containsEventType("onConversationAdd").containsEventType("onConversationAdded");
    }

    @Test
    void aSetupReadsAsOneSentence() {
        assertThat(everyKindOfNumber().toString()).isEqualTo("setup at 2026-02-03T04:05:06Z: +15005550001 (address"
                + " configuration autocreates), +15005550002 (in a messaging service that sends a webhook, SMS URL),"
                + " +15005550003 (SMS URL), +15005550004 (address configuration without autocreation, in a messaging"
                + " service that autocreates), +15005550005 (nothing); default timers inactive PT5M, closed PT2H; pool"
                + " routing to alice@example.com (available), bob@example.com (unavailable); the pre-action webhook"
                + " rejects \"spam\"; post-action webhooks on; options addressConfigurationFirst=false");
    }

    @Test
    void badSetupsAreNamedWithTheFix() {
        NumberSetup one = new NumberSetup(ConvsimArbitraries.twilioNumber(1), AddressConfig.NONE, Service.NONE, false);
        FidelityOptions defaults = FidelityOptions.defaults();

        assertThatThrownBy(() -> new SimulatorSetup(START, List.of(), null, null, Map.of(), null, false, defaults))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[no numbers] is not a setup: give at least one Twilio number");
        assertThatThrownBy(() -> new SimulatorSetup(START, List.of(one, one), null, null, Map.of(), null, false,
                defaults))
                .hasMessage("[+15005550001] is listed twice: give each number once");
        assertThatThrownBy(() -> new SimulatorSetup(START, List.of(one), Duration.ofSeconds(30), null, Map.of(), null,
                false, defaults))
                .hasMessage("defaultInactiveTimer [PT30S] is under Twilio's minimum: give at least PT1M, or null for"
                        + " none");
        assertThatThrownBy(() -> new SimulatorSetup(START, List.of(one), null, Duration.ofMinutes(5), Map.of(), null,
                false, defaults))
                .hasMessage("defaultClosedTimer [PT5M] is under Twilio's minimum: give at least PT10M, or null for"
                        + " none");
        assertThatThrownBy(() -> new SimulatorSetup(START, List.of(one), null, null, Map.of(" ", true), null, false,
                defaults))
                .hasMessage("[ ] is not a worker identity: expected like alice@example.com");
        assertThatThrownBy(() -> new SimulatorSetup(START, List.of(one), null, null, Map.of(), "", false, defaults))
                .hasMessage("rejectWord [] is blank: give a word, or null for none");
    }

    @Test
    void pairsAndGroupsRefuseWhatCannotBeSent() {
        assertThatThrownBy(() -> NumberPair.of("+15550100001", "whatsapp:+15005550001"))
                .hasMessage("[+15550100001 → whatsapp:+15005550001] is not a number pair: expected two different"
                        + " addresses on one channel");
        Address twilio = ConvsimArbitraries.twilioNumber(1);
        assertThatThrownBy(() -> new NumberGroup(twilio, List.of(ConvsimArbitraries.customer(1))))
                .hasMessage("[[+15550100001]] is too small for a group: give at least two members");
        assertThatThrownBy(() -> new NumberGroup(twilio, List.of(ConvsimArbitraries.customer(1), twilio)))
                .hasMessage("[[+15550100001, +15005550001]] repeats an address or holds the Twilio number"
                        + " +15005550001: give distinct customer addresses");
    }

    @Test
    void aGroupMembersMessageHasTheOtherMembersAsRecipients() {
        NumberGroup group = new NumberGroup(ConvsimArbitraries.twilioNumber(1),
                List.of(ConvsimArbitraries.customer(3), ConvsimArbitraries.customer(1), ConvsimArbitraries.customer(2)));

        InboundMessage m = group.messageFrom(1, "hi all");

        assertThat(m).isEqualTo(InboundMessage.group("+15550100001", "+15005550001", "hi all", "+15550100003",
                "+15550100002"));
        assertThat(group.addresses()).isEqualTo(m.numberGroup());
    }

    @Test
    void theArbitrariesMakeValidValuesFromSmallPools() {
        assertThat(ConvsimArbitraries.customerAddresses().sampleStream().limit(200).distinct())
                .containsExactlyInAnyOrder(ConvsimArbitraries.customer(1), ConvsimArbitraries.customer(2),
                        ConvsimArbitraries.customer(3), ConvsimArbitraries.customer(4));
        assertThat(ConvsimArbitraries.numberGroups().sampleStream().limit(200))
                .allSatisfy(g -> assertThat(g.members()).hasSizeBetween(2, 3).doesNotHaveDuplicates());
        SimulatorSetup setup = everyKindOfNumber();
        assertThat(ConvsimArbitraries.inboundMessages(setup).sampleStream().limit(300))
                .allSatisfy(m -> assertThat(setup.twilioNumbers()).contains(m.to()))
                .anySatisfy(m -> assertThat(m.isGroup()).isTrue());
        assertThat(ConvsimArbitraries.setups().sampleStream().limit(100))
                .allSatisfy(s -> assertThat(s.build().journal()).isNotEmpty());
        assertThatThrownBy(() -> ConvsimArbitraries.customerAddresses(0))
                .hasMessage("[0] is not a pool size: expected 1 to 9999");
    }
}
