package dev.convsim.assertj;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.EngineBackdoor;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.model.ConversationState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each simulator assertion passes on what is there and fails with a message that shows what is there instead. */
class SimulatorAssertTest {

    static final String NUMBER = "+15005550001";
    static final String SECOND = "+15005550002";
    static final String CUSTOMER = "+15551230001";
    static final String OTHER = "+15551230002";
    static final String CH1 = "CH00000000000000000000000000000001";
    static final String CH2 = "CH00000000000000000000000000000002";
    static final String CH3 = "CH00000000000000000000000000000003";

    ConversationsSimulator sim;

    @BeforeEach
    void twoConversationsOfOneCustomer() {
        sim = ConversationsSimulator.builder().autocreate(NUMBER).autocreate(SECOND).build();
        sim.receive(CUSTOMER, NUMBER, "hello");
        sim.receive(CUSTOMER, SECOND, "hi");
    }

    // ------------------------------------------------------------------ pairs

    @Test
    void aPairBoundToItsConversationPasses() {
        assertThat(sim).hasPairBoundTo(CUSTOMER, NUMBER, CH1).hasPairBoundTo(CUSTOMER, SECOND, CH2);
    }

    @Test
    void aPairBoundElsewhereNamesTheConversationThatHoldsIt() {
        assertThatThrownBy(() -> assertThat(sim).hasPairBoundTo(CUSTOMER, NUMBER, CH2))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected the pair +15551230001 → +15005550001 to be bound to CH…02 but it is bound to"
                        + " CH…01");
    }

    @Test
    void sidsThatLookAlikeAbbreviatedAreWrittenInFull() {
        assertThatThrownBy(() -> assertThat(sim).hasPairBoundTo(CUSTOMER, NUMBER, "CH00000000000000000000000000000101"))
                .hasMessage("expected the pair +15551230001 → +15005550001 to be bound to"
                        + " CH00000000000000000000000000000101 but it is bound to CH00000000000000000000000000000001");
    }

    @Test
    void aPairReleasedByClosingNamesTheClosedConversationThatHeldIt() {
        sim.api().updateConversation(CH1, new ConversationRequest().state("closed"));

        assertThatThrownBy(() -> assertThat(sim).hasPairBoundTo(CUSTOMER, NUMBER, CH1))
                .hasMessage("expected the pair +15551230001 → +15005550001 to be bound to CH…01 but no non-closed"
                        + " conversation binds it; closed CH…01 held it");
    }

    @Test
    void aPairNeverBoundShowsTheAddresssOtherPairs() {
        assertThatThrownBy(() -> assertThat(sim).hasPairBoundTo(CUSTOMER, "+15005550003", CH1))
                .hasMessage("expected the pair +15551230001 → +15005550003 to be bound to CH…01 but no non-closed"
                        + " conversation binds it; bound instead: +15551230001 → +15005550001 in CH…01, +15551230001 →"
                        + " +15005550002 in CH…02");
    }

    @Test
    void anUnboundPairPassesAndABoundOneNamesItsParticipant() {
        assertThat(sim).hasPairUnbound(OTHER, NUMBER);

        assertThatThrownBy(() -> assertThat(sim).hasPairUnbound(CUSTOMER, NUMBER))
                .hasMessage("expected the pair +15551230001 → +15005550001 to be unbound but participant MB…01 binds"
                        + " it in CH…01 (active)");
    }

    @Test
    void aBadAddressIsNamedWithTheFix() {
        assertThatThrownBy(() -> assertThat(sim).hasPairBoundTo("555", NUMBER, CH1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[555] is not an E.164 number: expected like +15551234567");
    }

    // ------------------------------------------------------------------ groups

    @Test
    void aNumberGroupIsASetBoundToItsConversation() {
        sim.receive(InboundMessage.group(CUSTOMER, NUMBER, "all of us", OTHER));

        assertThat(sim).hasNumberGroupBoundTo(List.of(OTHER, NUMBER, CUSTOMER), CH3);
        assertThatThrownBy(() -> assertThat(sim).hasNumberGroupBoundTo(List.of(CUSTOMER, OTHER, NUMBER), CH1))
                .hasMessage("expected the number group [+15005550001, +15551230001, +15551230002] to be bound to CH…01"
                        + " but it is bound to CH…03");
    }

    @Test
    void aNumberGroupNobodyHasShowsWhatTheExpectedConversationHas() {
        sim.receive(InboundMessage.group(CUSTOMER, NUMBER, "all of us", OTHER));

        assertThatThrownBy(() -> assertThat(sim).hasNumberGroupBoundTo(List.of(CUSTOMER, NUMBER, "+15551230003"), CH3))
                .hasMessage("expected the number group [+15005550001, +15551230001, +15551230003] to be bound to CH…03"
                        + " but no non-closed conversation has it; CH…03 has [+15005550001, +15551230001,"
                        + " +15551230002]");
        assertThatThrownBy(() -> assertThat(sim).hasNumberGroupBoundTo(List.of(CUSTOMER, NUMBER, OTHER), CH1))
                .hasMessageEndingWith("but it is bound to CH…03");
        assertThatThrownBy(() -> assertThat(sim).hasNumberGroupBoundTo(List.of(CUSTOMER, NUMBER, "+15551230003"), CH1))
                .hasMessageEndingWith("but no non-closed conversation has it; CH…01 has no number group");
    }

    // ------------------------------------------------------------------ conversations

    @Test
    void aConversationInTheStateExpectedPassesAndAnotherStateIsNamed() {
        sim.api().updateConversation(CH2, new ConversationRequest().state("inactive"));

        assertThat(sim).hasConversationInState(CH1, ConversationState.ACTIVE)
                .hasConversationInState(CH2, ConversationState.INACTIVE);
        assertThatThrownBy(() -> assertThat(sim).hasConversationInState(CH2, ConversationState.CLOSED))
                .hasMessage("expected conversation CH…02 to be closed but it is inactive");
    }

    @Test
    void aMissingConversationListsTheOnesThereAre() {
        assertThatThrownBy(() -> assertThat(sim).hasConversationInState("CH00000000000000000000000000000009",
                ConversationState.ACTIVE))
                .hasMessage("expected conversation CH…09 to be active but there is no such conversation; there are"
                        + " CH…01 (active), CH…02 (active)");
        assertThatThrownBy(() -> assertThat(ConversationsSimulator.builder().build())
                .hasMessageCount("support", 1))
                .hasMessage("expected conversation support to have 1 message but there is no such conversation; there"
                        + " are no conversations");
    }

    @Test
    void conversationCountsListTheConversations() {
        sim.api().updateConversation(CH1, new ConversationRequest().state("closed"));

        assertThat(sim).hasConversationCount(2).hasConversationCount(ConversationState.CLOSED, 1);
        assertThatThrownBy(() -> assertThat(sim).hasConversationCount(1))
                .hasMessage("expected 1 conversation but there are 2: CH…01 (closed), CH…02 (active)");
        assertThatThrownBy(() -> assertThat(sim).hasConversationCount(ConversationState.ACTIVE, 2))
                .hasMessage("expected 2 active conversations but there is 1: CH…02");
        assertThatThrownBy(() -> assertThat(sim).hasConversationCount(ConversationState.INACTIVE, 1))
                .hasMessage("expected 1 inactive conversation but there are 0; the conversations are CH…01 (closed),"
                        + " CH…02 (active)");
    }

    @Test
    void messageAssertionsListTheMessages() {
        sim.receive(CUSTOMER, NUMBER, "again");

        assertThat(sim).hasMessageCount(CH1, 2).hasMessageWithBody(CH1, "again");
        assertThatThrownBy(() -> assertThat(sim).hasMessageCount(CH1, 1))
                .hasMessage("expected conversation CH…01 to have 1 message but it has 2: #0 +15551230001 \"hello\","
                        + " #1 +15551230001 \"again\"");
        assertThatThrownBy(() -> assertThat(sim).hasMessageWithBody(CH2, "bye"))
                .hasMessage("expected conversation CH…02 to have a message \"bye\" but its messages are #0"
                        + " +15551230001 \"hi\"");
    }

    @Test
    void participantAssertionListsTheParticipants() {
        sim.api().createParticipant(CH1, new ParticipantRequest().identity("alice@example.com"));

        assertThat(sim).hasParticipantWithIdentity(CH1, "alice@example.com");
        assertThatThrownBy(() -> assertThat(sim).hasParticipantWithIdentity(CH2, "alice@example.com"))
                .hasMessage("expected conversation CH…02 to have the participant alice@example.com but its"
                        + " participants are MB…02 (+15551230001 → +15005550002)");
    }

    @Test
    void brokenInvariantsAreReportedInTheSimulatorsWords() {
        assertThat(sim).satisfiesInvariants();
        EngineBackdoor.forgetPairBindings(sim);

        assertThatThrownBy(() -> assertThat(sim).satisfiesInvariants())
                .hasMessage("expected the simulator's invariants to hold but the pair +15551230001 → +15005550001"
                        + " held by MB00000000000000000000000000000001 in CH00000000000000000000000000000001 is missing"
                        + " from the binding index");
    }

    @Test
    void aDescriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> assertThat(sim).as("after the hand-off").hasConversationCount(3))
                .hasMessage("[after the hand-off] expected 3 conversations but there are 2: CH…01 (active), CH…02"
                        + " (active)");
    }
}
