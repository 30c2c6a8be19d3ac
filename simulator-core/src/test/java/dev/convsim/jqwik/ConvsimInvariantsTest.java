package dev.convsim.jqwik;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.EngineBackdoor;
import dev.convsim.api.ConversationRequest;
import dev.convsim.routing.Routers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each invariant holds on a healthy simulator and, on a broken one, says what broke. */
class ConvsimInvariantsTest {

    static final String NUMBER = "+15005550001";
    static final String CH1 = "CH00000000000000000000000000000001";
    static final String CH2 = "CH00000000000000000000000000000002";

    final ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER)
            .router(Routers.pool()).worker("alice@example.com", true).build();

    ConvsimInvariantsTest() {
        sim.receive("+15551230001", NUMBER, "hello");
        sim.receive("+15551230002", NUMBER, "hello");
        sim.api().updateConversation(CH2, new ConversationRequest().state("active").timersInactive("PT5M"));
        sim.advance(Duration.ofMinutes(10));
    }

    @Test
    void allHoldAfterOrdinaryTraffic() {
        assertThatCode(() -> ConvsimInvariants.all().accept(sim)).doesNotThrowAnyException();
    }

    @Test
    void aPairInTwoConversationsIsNamed() {
        EngineBackdoor.duplicatePair(sim, CH1, CH2);

        assertThatThrownBy(() -> ConvsimInvariants.noPairInTwoNonClosedConversations().accept(sim))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the pair +15551230001 → +15005550001 is in two non-closed conversations: CH…01 and CH…02");
    }

    @Test
    void aBindingIndexOutOfStepIsNamed() {
        EngineBackdoor.forgetPairBindings(sim);

        assertThatThrownBy(() -> ConvsimInvariants.bindingIndexConsistent().accept(sim))
                .hasMessage("the pair +15551230001 → +15005550001 held by MB00000000000000000000000000000001 in"
                        + " CH00000000000000000000000000000001 is missing from the binding index");
    }

    @Test
    void anOverdueTimerIsNamedWithItsDueInstant() {
        EngineBackdoor.overdueInactiveTimer(sim, CH1, Duration.ofSeconds(30));

        assertThatThrownBy(() -> ConvsimInvariants.noTimerOverdue().accept(sim))
                .hasMessage("conversation CH…01 is still active at 2026-01-01T00:10:00Z though its inactive timer fell"
                        + " due at 2026-01-01T00:09:30Z");
    }

    @Test
    void aJournalEntryDatedBeforeTheOneBeforeIsNamed() {
        // the latest entry is CH…02 going inactive at 00:05; the clock is at 00:10
        EngineBackdoor.noteInThePast(sim, Duration.ofMinutes(6), "late note");
        long last = sim.journal().get(sim.journal().size() - 1).sequence();

        assertThatThrownBy(() -> ConvsimInvariants.journalInOrder().accept(sim))
                .hasMessage("journal entry #" + last + " 2026-01-01T00:04:00Z late note is at 2026-01-01T00:04:00Z,"
                        + " before the previous entry's 2026-01-01T00:05:00Z");
    }

    @Test
    void aConversationWaitingBesideAnAvailableWorkerIsNamed() {
        EngineBackdoor.enqueueForRouting(sim, CH1);

        assertThatThrownBy(() -> ConvsimInvariants.noConversationWaitsWhileAWorkerIsAvailable().accept(sim))
                .hasMessage("alice@example.com is available but 1 conversation waits in the routing queue: CH…01");
    }

    @Test
    void anInvariantReachesTheSimulatorInsideAnyState() {
        record Holder(ConversationsSimulator inside) {
        }
        EngineBackdoor.forgetPairBindings(sim);

        assertThatThrownBy(() -> ConvsimInvariants.on(Holder::inside, ConvsimInvariants.all()).accept(new Holder(sim)))
                .hasMessageContaining("is missing from the binding index");
    }
}
