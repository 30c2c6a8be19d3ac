package dev.convsim.assertj;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.MessagingService;
import dev.convsim.webhook.WebhookResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each outcome assertion passes on its outcome and fails saying what happened instead, with the explanation. */
class InboundOutcomeAssertTest {

    static final String NUMBER = "+15005550001";
    static final String CUSTOMER = "+15551230001";
    static final String CH1 = "CH00000000000000000000000000000001";
    static final String CH2 = "CH00000000000000000000000000000002";

    final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER).build();

    @Test
    void anAutocreatedOutcomePassesAndIsNotCaptured() {
        InboundOutcome first = sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(first).isAutocreated().byConversation(CH1)
                .isAutocreatedVia(InboundOutcome.Via.ADDRESS_CONFIGURATION)
                .explanationContains("address configuration IG…01 for +15005550001 has autocreation enabled");
        assertThatThrownBy(() -> assertThat(first).isCaptured())
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected +15551230001 → +15005550001 \"hello\" to be captured but it autocreated CH…01 (no"
                        + " non-closed conversation binds +15551230001 → +15005550001; address configuration IG…01"
                        + " for +15005550001 has autocreation enabled; autocreated conversation CH…01 with"
                        + " participant MB…01 and message IM…01)");
    }

    @Test
    void aCapturedOutcomePassesAndNamesItsConversationWhenAnotherWasExpected() {
        sim.receive(CUSTOMER, NUMBER, "hello");
        InboundOutcome again = sim.receive(CUSTOMER, NUMBER, "again");

        assertThat(again).isCaptured().byConversation(CH1);
        assertThatThrownBy(() -> assertThat(again).isAutocreated())
                .hasMessage("expected +15551230001 → +15005550001 \"again\" to be autocreated but it was captured by"
                        + " CH…01 (participant MB…01 in conversation CH…01 binds +15551230001 → +15005550001; captured"
                        + " as message IM…02)");
        assertThatThrownBy(() -> assertThat(again).byConversation(CH2))
                .hasMessage("expected +15551230001 → +15005550001 \"again\" to land in CH…02 but it was captured by"
                        + " CH…01 (participant MB…01 in conversation CH…01 binds +15551230001 → +15005550001; captured"
                        + " as message IM…02)");
    }

    @Test
    void anOutcomeWithoutAConversationSaysSoWhenOneWasExpected() {
        InboundOutcome unhandled = sim.receive(CUSTOMER, "+15005550002", "anyone?");

        assertThat(unhandled).isUnhandled();
        assertThatThrownBy(() -> assertThat(unhandled).byConversation(CH1))
                .hasMessage("expected +15551230001 → +15005550002 \"anyone?\" to land in CH…01 but it landed in no"
                        + " conversation: it was unhandled (no non-closed conversation binds +15551230001 →"
                        + " +15005550002; +15005550002 has no address configuration; +15005550002 is in no messaging"
                        + " service that autocreates; +15005550002 has no incoming-message URL, so the message was"
                        + " only logged)");
    }

    @Test
    void aReactivationPassesOnlyWhenTheConversationWasInactive() {
        sim.receive(CUSTOMER, NUMBER, "hello");
        InboundOutcome whileActive = sim.receive(CUSTOMER, NUMBER, "still there");
        sim.api().updateConversation(CH1, new ConversationRequest().state("inactive"));
        InboundOutcome afterwards = sim.receive(CUSTOMER, NUMBER, "back");

        assertThat(afterwards).reactivatedItsConversation();
        assertThatThrownBy(() -> assertThat(whileActive).reactivatedItsConversation())
                .hasMessage("expected +15551230001 → +15005550001 \"still there\" to reactivate CH…01 but the"
                        + " conversation was not inactive when the message arrived");
    }

    @Test
    void theAutocreationPathIsNamed() {
        ConversationsSimulator viaService = ConversationsSimulator.builder()
                .messagingService(new MessagingService(null, "Pool", List.of(
                        Address.parse(NUMBER)), true, true, null, null))
                .build();
        InboundOutcome outcome = viaService.receive(CUSTOMER, NUMBER, "hello");

        assertThat(outcome).isAutocreatedVia(InboundOutcome.Via.MESSAGING_SERVICE);
        assertThatThrownBy(() -> assertThat(outcome).isAutocreatedVia(InboundOutcome.Via.ADDRESS_CONFIGURATION))
                .hasMessageStartingWith("expected +15551230001 → +15005550001 \"hello\" to autocreate via an address"
                        + " configuration but it did via a messaging service MG…01 (");
    }

    @Test
    void droppedAndMessagingWebhookOutcomesPassAndAreNamed() {
        ConversationsSimulator guarded = ConversationsSimulator.builder().autocreate(NUMBER)
                .phoneNumber("+15005550002", "https://hooks.example.com/sms")
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://hooks.example.com/pre")
                        .filters("onConversationAdd"))
                .endpoint("https://hooks.example.com/pre", request -> WebhookResponse.status(403))
                .build();
        InboundOutcome dropped = guarded.receive(CUSTOMER, NUMBER, "spam");
        InboundOutcome toWebhook = guarded.receive(CUSTOMER, "+15005550002", "hello");

        assertThat(dropped).isDropped().explanationContains("answered 403");
        assertThat(toWebhook).isSentToMessagingWebhook();
        assertThatThrownBy(() -> assertThat(dropped).isAutocreated())
                .hasMessageStartingWith("expected +15551230001 → +15005550001 \"spam\" to be autocreated but it was"
                        + " dropped by onConversationAdd (403) (");
        assertThatThrownBy(() -> assertThat(toWebhook).isUnhandled())
                .hasMessageStartingWith("expected +15551230001 → +15005550002 \"hello\" to be unhandled but it was"
                        + " sent to the messaging webhook https://hooks.example.com/sms (");
    }

    @Test
    void aMissingPhraseShowsTheWholeExplanation() {
        InboundOutcome first = sim.receive(CUSTOMER, NUMBER, "hello");

        assertThatThrownBy(() -> assertThat(first).explanationContains("messaging service"))
                .hasMessage("expected the explanation of +15551230001 → +15005550001 \"hello\" to contain \"messaging"
                        + " service\" but it is: no non-closed conversation binds +15551230001 → +15005550001; address"
                        + " configuration IG…01 for +15005550001 has autocreation enabled; autocreated conversation"
                        + " CH…01 with participant MB…01 and message IM…01");
    }
}
