package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets a clear error, in Twilio's code where Twilio has one, and changes nothing. */
class BadInputTest {

    private final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").build();

    private void assertRejectedWithoutChange(Executable call, int code, String message) {
        List<String> before = InboundRoutingTest.lines(sim);
        var conversationsBefore = sim.api().listConversations();
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(TwilioApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
        assertThat(InboundRoutingTest.lines(sim)).isEqualTo(before);
        assertThat(sim.api().listConversations()).isEqualTo(conversationsBefore);
        sim.verifyInvariants();
    }

    @Test
    void anInvalidNumberIsNamedWithTheExpectedShape() {
        assertThatThrownBy(() -> Address.parse("555")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[555] is not an E.164 number: expected like +15551234567");
        assertThatThrownBy(() -> InboundMessage.of("+15551230001", "15005550001", "hi"))
                .hasMessage("[15005550001] is not an E.164 number: expected like +15551234567");
        assertThatThrownBy(() -> Address.parse("whatsapp:555"))
                .hasMessage("[whatsapp:555] is not a WhatsApp address: expected like whatsapp:+15551234567");
    }

    @Test
    void anInvalidNumberOnTheApiPathIsTwilioError50407() {
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        assertRejectedWithoutChange(
                () -> sim.api().createParticipant(ch, new ParticipantRequest().address("555").proxyAddress("+15005550001")),
                50407, "Invalid messaging binding address: MessagingBinding.Address [555] is not an E.164 number: "
                        + "expected like +15551234567 (or whatsapp:+15551234567)");
    }

    @Test
    void aTwilioNumberCannotBeTheCustomerAddress() {
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        assertRejectedWithoutChange(
                () -> sim.api().createParticipant(ch,
                        new ParticipantRequest().address("+15005550001").proxyAddress("+15005550001")),
                50407, "Invalid messaging binding address: MessagingBinding.Address [+15005550001] is a number of this "
                        + "account; the customer's number goes in Address and the Twilio number in ProxyAddress");
    }

    @Test
    void anUnknownConversationSidIs20404() {
        assertRejectedWithoutChange(
                () -> sim.api().createMessage("CH000000000000000000000000000000ff", new MessageRequest().body("hi")),
                20404, "The requested resource /Conversations/CH000000000000000000000000000000ff was not found");
        assertThatThrownBy(() -> sim.api().fetchConversation("CH000000000000000000000000000000ff"))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anUnknownParticipantSidIs20404() {
        String ch = sim.receive("+15551230001", "+15005550001", "hi").conversationSid();
        assertRejectedWithoutChange(() -> sim.api().deleteParticipant(ch, "MB000000000000000000000000000000ff", false),
                20404, "The requested resource /Conversations/" + ch + "/Participants/MB000000000000000000000000000000ff"
                        + " was not found");
    }

    @Test
    void aBodyOverSixteenHundredCharactersIsRefused() {
        String tooLong = "x".repeat(1601);
        assertThatThrownBy(() -> InboundMessage.of("+15551230001", "+15005550001", tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[body of 1601 characters] is too long: Twilio accepts at most 1600 characters (error 21617)");
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        assertRejectedWithoutChange(() -> sim.api().createMessage(ch, new MessageRequest().body(tooLong)), 21617,
                "The message body is 1601 characters: Twilio accepts at most 1600");
        assertThat(sim.api().createMessage(ch, new MessageRequest().body("x".repeat(1600))).body()).hasSize(1600);
    }

    @Test
    void aUniqueNameShapedLikeASidIs50390() {
        assertRejectedWithoutChange(
                () -> sim.api().createConversation(new ConversationRequest().uniqueName("CH0123456789abcdef0123456789abcdef")),
                50390, "UniqueName [CH0123456789abcdef0123456789abcdef] matches the conversation SID pattern: "
                        + "choose a name that is not shaped like CH + 32 hex digits");
    }

    @Test
    void aTakenUniqueNameIs50353AndTheNameFetchesTheConversation() {
        String ch = sim.api().createConversation(new ConversationRequest().uniqueName("support-42")).sid();
        assertThat(sim.api().fetchConversation("support-42").sid()).isEqualTo(ch);
        assertRejectedWithoutChange(() -> sim.api().createConversation(new ConversationRequest().uniqueName("support-42")),
                50353, "Conversation with provided unique name [support-42] already exists: " + ch);
    }

    @Test
    void aSecondAddressConfigurationForOneAddressIsRefused() {
        assertRejectedWithoutChange(() -> sim.api().createAddressConfiguration(
                        new AddressConfigurationRequest().type("sms").address("+15005550001").autoCreationEnabled(true)),
                50353, "An address configuration for +15005550001 already exists: IG00000000000000000000000000000001; "
                        + "update it instead");
        assertThat(sim.api().listAddressConfigurations()).hasSize(1);
    }

    @Test
    void attributesMustBeJson() {
        assertRejectedWithoutChange(() -> sim.api().createConversation(new ConversationRequest().attributes("{nope")),
                20001, "Attributes [{nope] is not valid JSON: send a JSON string such as {\"key\":\"value\"}");
    }

    @Test
    void anIdentityAndAnAddressCannotBothBeSet() {
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        assertRejectedWithoutChange(() -> sim.api().createParticipant(ch,
                        new ParticipantRequest().identity("alice").address("+15551230001").proxyAddress("+15005550001")),
                20001, "Identity [alice] and MessagingBinding.Address [+15551230001] can't both be set: a chat participant "
                        + "has an identity, an SMS participant an address");
    }

    @Test
    void mixedChannelsInOnePairAreRefused() {
        assertThatThrownBy(() -> InboundMessage.of("whatsapp:+15551230001", "+15005550001", "hi"))
                .hasMessage("[whatsapp:+15551230001 → +15005550001] mixes channels: From and To must both be SMS "
                        + "numbers or both WhatsApp addresses");
    }

    @Test
    void builderKnobsNameWhatWasAlreadySet() {
        var builder = ConversationsSimulator.builder().router(dev.convsim.routing.Routers.doNotRoute());
        assertThatThrownBy(() -> builder.router(dev.convsim.routing.Routers.doNotRoute()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("router was already set to Routers.doNotRoute(): one router per simulator");
        assertThatThrownBy(() -> ConversationsSimulator.builder().account("AC123", "token"))
                .hasMessage("[AC123] is not an account SID: expected AC followed by 32 hex digits");
        assertThatThrownBy(() -> sim.advance(java.time.Duration.ofSeconds(-1)))
                .hasMessage("[PT-1S] is negative: the clock only moves forward");
    }
}
