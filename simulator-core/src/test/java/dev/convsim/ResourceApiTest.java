package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.Address;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreationType;
import dev.convsim.model.MessagingService;
import dev.convsim.model.Participant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource operations beyond the inbound path. */
class ResourceApiTest {

    @Test
    void conversationsLiveInServicesAndServiceAutocreationUsesTheConfiguredService() {
        ConversationsSimulator sim = ConversationsSimulator.builder().service("Main").build();
        String support = sim.api().createService("Support").sid();
        sim.api().createAddressConfiguration(new AddressConfigurationRequest().type("sms").address("+15005550001")
                .autoCreationEnabled(true).conversationServiceSid(support));

        String auto = sim.receive("+15551230001", "+15005550001", "hi").conversationSid();
        String explicit = sim.api().createConversation(new ConversationRequest()).sid();

        assertThat(sim.api().fetchConversation(auto).chatServiceSid()).isEqualTo(support);
        assertThat(sim.api().fetchConversation(explicit).chatServiceSid()).isEqualTo("IS00000000000000000000000000000001");
        assertThat(sim.api().listConversations(support)).extracting(c -> c.sid()).containsExactly(auto);
        assertThatThrownBy(() -> sim.api().deleteService(support))
                .hasMessage("Conversation service " + support + " is where address configuration "
                        + "IG00000000000000000000000000000001 (+15005550001) autocreates: point it at another service first");
        sim.api().deleteAddressConfiguration("+15005550001");
        sim.api().deleteService(support);
        assertThat(sim.api().listConversations()).extracting(c -> c.sid()).containsExactly(explicit);
        assertThat(sim.api().listServices()).hasSize(1);
        sim.verifyInvariants();
    }

    @Test
    void addressConfigurationsAreFetchedByAddressUpdatedAndDeleted() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();
        AddressConfiguration created = sim.api().createAddressConfiguration(new AddressConfigurationRequest()
                .type("whatsapp").address("+15005550001").friendlyName("WA").autoCreationEnabled(true)
                .autoCreationType("studio").studioFlowSid("FW00000000000000000000000000000001").studioRetryCount(2));

        assertThat(created.address()).isEqualTo(Address.parse("whatsapp:+15005550001"));
        assertThat(sim.api().fetchAddressConfiguration("whatsapp:+15005550001").sid()).isEqualTo(created.sid());
        assertThat(created.autoCreation().type()).isEqualTo(AutoCreationType.STUDIO);
        assertThat(created.autoCreation().studioRetryCount()).isEqualTo(2);
        AddressConfiguration updated = sim.api().updateAddressConfiguration(created.sid(),
                new AddressConfigurationRequest().friendlyName("WhatsApp"));
        assertThat(updated.friendlyName()).isEqualTo("WhatsApp");
        assertThat(updated.autoCreation()).isEqualTo(created.autoCreation());
        sim.api().deleteAddressConfiguration("whatsapp:+15005550001");
        assertThat(sim.api().listAddressConfigurations()).isEmpty();
        assertThatThrownBy(() -> sim.api().fetchAddressConfiguration(created.sid()))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(20404));
    }

    @Test
    void participantsAreFoundAcrossConversationsByAddressOrIdentity() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").autocreate("+15005550002").build();
        String a = sim.receive("+15551230001", "+15005550001", "hi").conversationSid();
        String b = sim.receive("+15551230001", "+15005550002", "hi").conversationSid();
        sim.api().createParticipant(b, new ParticipantRequest().identity("alice@example.com"));

        assertThat(sim.api().findParticipantsByAddress("+15551230001")).extracting(Participant::conversationSid)
                .containsExactly(a, b);
        assertThat(sim.api().findParticipantsByIdentity("alice@example.com")).extracting(Participant::conversationSid)
                .containsExactly(b);
        assertThat(sim.api().fetchParticipant(b, "alice@example.com").identity()).isEqualTo("alice@example.com");
    }

    @Test
    void changingAProxyAddressMovesTheBinding() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").autocreate("+15005550002").build();
        InboundOutcome.Autocreated first = (InboundOutcome.Autocreated) sim.receive("+15551230001", "+15005550001", "hi");
        String other = sim.receive("+15551230001", "+15005550002", "hi").conversationSid();

        assertThatThrownBy(() -> sim.api().updateParticipant(first.conversationSid(), first.participantSid(),
                new ParticipantRequest().proxyAddress("+15005550002")))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.getMessage()).endsWith(other));
        sim.api().deleteConversation(other, false);
        sim.api().updateParticipant(first.conversationSid(), first.participantSid(),
                new ParticipantRequest().proxyAddress("+15005550002"));

        assertThat(sim.receive("+15551230001", "+15005550002", "moved").conversationSid()).isEqualTo(first.conversationSid());
        assertThat(sim.receive("+15551230001", "+15005550001", "old pair")).isInstanceOf(InboundOutcome.Autocreated.class);
        sim.verifyInvariants();
    }

    @Test
    void messagesAreSentUpdatedAndDeletedWithIndexesInOrder() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        String agent = sim.api().createParticipant(ch, new ParticipantRequest().identity("alice")).sid();

        var system = sim.api().createMessage(ch, new MessageRequest().body("welcome"));
        var fromAlice = sim.api().createMessage(ch, new MessageRequest().author("alice").body("hi"));
        sim.api().updateMessage(ch, fromAlice.sid(), new MessageRequest().body("hello"));
        sim.api().deleteMessage(ch, system.sid(), false);
        var third = sim.api().createMessage(ch, new MessageRequest().body("bye"));

        assertThat(system.author()).isEqualTo("system");
        assertThat(system.participantSid()).isNull();
        assertThat(fromAlice.participantSid()).isEqualTo(agent);
        assertThat(sim.api().listMessages(ch)).extracting(m -> m.index() + ":" + m.body())
                .containsExactly("1:hello", "2:bye");
        assertThat(third.index()).as("indexes may skip numbers but stay in order").isEqualTo(2);
        assertThat(sim.api().fetchMessage(ch, fromAlice.sid()).dateUpdated()).isNotNull();
    }

    @Test
    void theDefaultMessagingServiceIsRecordedOnNewConversations() {
        ConversationsSimulator sim = ConversationsSimulator.builder()
                .messagingService(new MessagingService(null, "Default", List.of(), false, false, null, null))
                .configuration(new ConfigurationRequest().defaultMessagingServiceSid("MG00000000000000000000000000000001"))
                .build();

        assertThat(sim.api().createConversation(new ConversationRequest()).messagingServiceSid())
                .isEqualTo("MG00000000000000000000000000000001");
        assertThat(sim.api().fetchConfiguration().defaultMessagingServiceSid()).isEqualTo("MG00000000000000000000000000000001");
        assertThatThrownBy(() -> sim.api().updateConfiguration(new ConfigurationRequest()
                .defaultChatServiceSid("IS000000000000000000000000000000ff")))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> assertThat(e.code()).isEqualTo(20404));
    }
}
