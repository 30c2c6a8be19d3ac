package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import dev.convsim.model.Participant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inbound decision, rule by rule (reference §3, §4). */
class InboundRoutingTest {

    static final String CUSTOMER = "+15551230001";
    static final String OTHER_CUSTOMER = "+15551230002";
    static final String NUMBER = "+15005550001";
    static final String SECOND_NUMBER = "+15005550002";

    private static ConversationsSimulator autocreating(String... numbers) {
        ConversationsSimulator.Builder builder = ConversationsSimulator.builder();
        for (String n : numbers) {
            builder.autocreate(n);
        }
        return builder.build();
    }

    @Test
    void firstMessageFromAPairAutocreatesAConversationWithParticipantAndMessage() {
        ConversationsSimulator sim = autocreating(NUMBER);

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        String ch = outcome.conversationSid();
        assertThat(ch).isEqualTo("CH00000000000000000000000000000001");
        List<Participant> participants = sim.api().listParticipants(ch);
        assertThat(participants).hasSize(1);
        assertThat(participants.get(0).messagingBinding().address()).isEqualTo(Address.parse(CUSTOMER));
        assertThat(participants.get(0).messagingBinding().proxyAddress()).isEqualTo(Address.parse(NUMBER));
        assertThat(sim.api().listMessages(ch)).singleElement().satisfies(m -> {
            assertThat(m.index()).isZero();
            assertThat(m.author()).isEqualTo(CUSTOMER);
            assertThat(m.body()).isEqualTo("hello");
            assertThat(m.participantSid()).isEqualTo(participants.get(0).sid());
        });
    }

    @Test
    void secondMessageFromSameSenderJoinsOpenConversation() {
        ConversationsSimulator sim = autocreating(NUMBER);
        String ch = sim.receive(CUSTOMER, NUMBER, "hello").conversationSid();

        InboundOutcome second = sim.receive(CUSTOMER, NUMBER, "again");

        assertThat(second).isInstanceOf(InboundOutcome.Captured.class);
        assertThat(second.conversationSid()).isEqualTo(ch);
        assertThat(sim.api().listMessages(ch)).extracting(m -> m.index() + ":" + m.body())
                .containsExactly("0:hello", "1:again");
        assertThat(sim.api().listConversations()).hasSize(1);
    }

    @Test
    void sameCustomerTextingASecondTwilioNumberGetsASecondConversation() {
        ConversationsSimulator sim = autocreating(NUMBER, SECOND_NUMBER);

        String first = sim.receive(CUSTOMER, NUMBER, "to the first").conversationSid();
        String second = sim.receive(CUSTOMER, SECOND_NUMBER, "to the second").conversationSid();

        assertThat(second).isNotEqualTo(first);
        assertThat(sim.receive(CUSTOMER, NUMBER, "first again").conversationSid()).isEqualTo(first);
        assertThat(sim.receive(CUSTOMER, SECOND_NUMBER, "second again").conversationSid()).isEqualTo(second);
    }

    @Test
    void oneTwilioNumberServesManyCustomers() {
        ConversationsSimulator sim = autocreating(NUMBER);

        String a = sim.receive(CUSTOMER, NUMBER, "a").conversationSid();
        String b = sim.receive(OTHER_CUSTOMER, NUMBER, "b").conversationSid();
        String c = sim.receive("+15551230003", NUMBER, "c").conversationSid();

        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(sim.receive(OTHER_CUSTOMER, NUMBER, "b again").conversationSid()).isEqualTo(b);
    }

    @Test
    void removingTheParticipantReleasesThePairSoTheNextMessageAutocreates() {
        ConversationsSimulator sim = autocreating(NUMBER);
        InboundOutcome first = sim.receive(CUSTOMER, NUMBER, "hello");
        String participant = ((InboundOutcome.Autocreated) first).participantSid();

        sim.api().deleteParticipant(first.conversationSid(), participant, false);
        InboundOutcome next = sim.receive(CUSTOMER, NUMBER, "hello again");

        assertThat(next).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(next.conversationSid()).isNotEqualTo(first.conversationSid());
        sim.verifyInvariants();
    }

    @Test
    void deletingTheConversationReleasesThePair() {
        ConversationsSimulator sim = autocreating(NUMBER);
        String ch = sim.receive(CUSTOMER, NUMBER, "hello").conversationSid();

        sim.api().deleteConversation(ch, false);

        assertThat(sim.receive(CUSTOMER, NUMBER, "hello again")).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThatThrownBy(() -> sim.api().fetchConversation(ch)).isInstanceOf(TwilioApiException.class)
                .hasMessage("The requested resource /Conversations/" + ch + " was not found");
    }

    @Test
    void closingTheConversationReleasesThePairToTheMessagingWebhook() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .phoneNumber(NUMBER, "https://legacy.example.com/sms").build();
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        sim.api().createParticipant(ch, new ParticipantRequest().address(CUSTOMER).proxyAddress(NUMBER));
        assertThat(sim.receive(CUSTOMER, NUMBER, "captured")).isInstanceOf(InboundOutcome.Captured.class);

        sim.api().updateConversation(ch, new ConversationRequest().state("closed"));
        InboundOutcome after = sim.receive(CUSTOMER, NUMBER, "after close");

        assertThat(after).isInstanceOf(InboundOutcome.SentToMessagingWebhook.class);
        assertThat(((InboundOutcome.SentToMessagingWebhook) after).url()).isEqualTo("https://legacy.example.com/sms");
        sim.verifyInvariants();
    }

    @Test
    void bindingABoundPairElsewhereFailsWith50416NamingTheHolder() {
        ConversationsSimulator sim = autocreating(NUMBER);
        String holder = sim.receive(CUSTOMER, NUMBER, "hello").conversationSid();
        String other = sim.api().createConversation(new ConversationRequest()).sid();
        List<String> journalBefore = lines(sim);

        assertThatThrownBy(() -> sim.api().createParticipant(other,
                new ParticipantRequest().address(CUSTOMER).proxyAddress(NUMBER)))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(50416);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo(
                            "A binding for this participant and proxy address already exists in Conversation " + holder);
                });
        assertThat(lines(sim)).isEqualTo(journalBefore);
        assertThat(sim.api().listParticipants(other)).isEmpty();
        sim.verifyInvariants();
    }

    @Test
    void anIdentityAlreadyInTheConversationFailsWith50433() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        sim.api().createParticipant(ch, new ParticipantRequest().identity("alice@example.com"));

        assertThatThrownBy(() -> sim.api().createParticipant(ch, new ParticipantRequest().identity("alice@example.com")))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(50433));
        assertThat(sim.api().listParticipants(ch)).hasSize(1);
    }

    @Test
    void aDisabledAddressConfigurationFallsThroughToTheNumbersSmsUrl() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .addressConfiguration(new AddressConfigurationRequest().type("sms").address(NUMBER)
                        .autoCreationEnabled(false))
                .phoneNumber(NUMBER, "https://legacy.example.com/sms")
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome).isInstanceOf(InboundOutcome.SentToMessagingWebhook.class);
        assertThat(outcome.explanation()).isEqualTo("no non-closed conversation binds " + CUSTOMER + " → " + NUMBER
                + "; address configuration IG…01 for " + NUMBER + " has autocreation disabled; " + NUMBER
                + " is in no messaging service that autocreates; sent to the number's SMS URL https://legacy.example.com/sms");
        assertThat(sim.api().listConversations()).isEmpty();
    }

    @Test
    void aNumberWithNothingConfiguredIsUnhandledAndOnlyLogged() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "anyone?");

        assertThat(outcome).isInstanceOf(InboundOutcome.Unhandled.class);
        assertThat(outcome.explanation()).endsWith(NUMBER + " has no incoming-message URL, so the message was only logged");
        assertThat(sim.deliveries().all()).isEmpty();
        assertThat(sim.journal().get(sim.journal().size() - 1).toString()).contains("→ unhandled");
    }

    @Test
    void aMessagingServiceThatAutocreatesHandlesEveryNumberInItsPool() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .messagingService(new MessagingService(null, "Support", List.of(Address.parse(NUMBER)), true, true,
                        null, null))
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Autocreated.class, a -> {
            assertThat(a.via()).isEqualTo(InboundOutcome.Via.MESSAGING_SERVICE);
            assertThat(a.viaSid()).isEqualTo("MG00000000000000000000000000000001");
        });
        assertThat(sim.api().fetchConversation(outcome.conversationSid()).messagingServiceSid())
                .isEqualTo("MG00000000000000000000000000000001");
    }

    @Test
    void addressConfigurationIsTriedBeforeAMessagingServiceByDefault() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .messagingService(new MessagingService(null, "Support", List.of(Address.parse(NUMBER)), true, true,
                        null, null))
                .autocreate(NUMBER)
                .build();

        InboundOutcome.Autocreated outcome = (InboundOutcome.Autocreated) sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome.via()).isEqualTo(InboundOutcome.Via.ADDRESS_CONFIGURATION);
        assertThat(outcome.viaSid()).isEqualTo("IG00000000000000000000000000000001");
        assertThat(sim.api().fetchConversation(outcome.conversationSid()).messagingServiceSid())
                .as("the conversation still records the receiving number's messaging service")
                .isEqualTo("MG00000000000000000000000000000001");
    }

    @Test
    void theOptionPutsTheMessagingServiceFirst() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().addressConfigurationFirst(false).build())
                .messagingService(new MessagingService(null, "Support", List.of(Address.parse(NUMBER)), true, true,
                        null, null))
                .autocreate(NUMBER)
                .build();

        InboundOutcome.Autocreated outcome = (InboundOutcome.Autocreated) sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome.via()).isEqualTo(InboundOutcome.Via.MESSAGING_SERVICE);
    }

    @Test
    void whatsAppPairsNeverMatchSmsPairs() {
        ConversationsSimulator sim = autocreating(NUMBER, "whatsapp:" + NUMBER);

        String sms = sim.receive(CUSTOMER, NUMBER, "by sms").conversationSid();
        String whatsapp = sim.receive("whatsapp:" + CUSTOMER, "whatsapp:" + NUMBER, "by whatsapp").conversationSid();

        assertThat(whatsapp).isNotEqualTo(sms);
        assertThat(sim.api().listParticipants(whatsapp).get(0).messagingBinding().type().wire()).isEqualTo("whatsapp");
        assertThat(sim.receive(CUSTOMER, NUMBER, "sms again").conversationSid()).isEqualTo(sms);
    }

    @Test
    void theNumbersSmsUrlFiresAlongsideCaptureAndAutocreation() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .autocreate(NUMBER)
                .phoneNumber(NUMBER, "https://legacy.example.com/sms")
                .build();

        sim.receive(CUSTOMER, NUMBER, "autocreates");
        sim.receive(CUSTOMER, NUMBER, "captured");

        assertThat(sim.deliveries().only("incomingMessage")).extracting(d -> d.param("Body"))
                .containsExactly("autocreates", "captured");
        assertThat(sim.deliveries().only("incomingMessage").get(0).url()).isEqualTo("https://legacy.example.com/sms");
    }

    @Test
    void theOptionTurnsTheAlongsideSmsUrlOff() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false).build())
                .autocreate(NUMBER)
                .phoneNumber(NUMBER, "https://legacy.example.com/sms")
                .build();

        sim.receive(CUSTOMER, NUMBER, "autocreates");
        sim.receive(CUSTOMER, NUMBER, "captured");

        assertThat(sim.deliveries().only("incomingMessage")).isEmpty();
    }

    @Test
    void theMessagingServiceInboundUrlWinsOverTheNumbersOwnUrlWhenNotAutocreating() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .messagingService(new MessagingService(null, "Legacy", List.of(Address.parse(NUMBER)), false, false,
                        "https://legacy.example.com/service-inbound", "POST"))
                .phoneNumber(NUMBER, "https://legacy.example.com/sms")
                .options(FidelityOptions.defaults().toBuilder().numberWebhookFiresAlongside(false).build())
                .build();

        InboundOutcome outcome = sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.SentToMessagingWebhook.class,
                o -> assertThat(o.url()).isEqualTo("https://legacy.example.com/service-inbound"));
        assertThat(sim.deliveries().all()).singleElement().satisfies(d -> {
            assertThat(d.param("MessagingServiceSid")).isEqualTo("MG00000000000000000000000000000001");
            assertThat(d.param("From")).isEqualTo(CUSTOMER);
            assertThat(d.param("To")).isEqualTo(NUMBER);
            assertThat(d.param("Body")).isEqualTo("hello");
        });
    }

    @Test
    void eachOutcomeIsJournaledWithItsExplanation() {
        ConversationsSimulator sim = autocreating(NUMBER);

        sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(sim.journal()).anySatisfy(e -> assertThat(e.toString()).isEqualTo(
                "#3 2026-01-01T00:00:00Z inbound +15551230001 → +15005550001 \"hello\" → autocreated CH…01: "
                        + "no non-closed conversation binds +15551230001 → +15005550001; address configuration IG…01 for "
                        + "+15005550001 has autocreation enabled; autocreated conversation CH…01 with participant MB…01 "
                        + "and message IM…01"));
    }

    static List<String> lines(ConversationsSimulator sim) {
        return sim.journal().stream().map(Object::toString).toList();
    }
}
