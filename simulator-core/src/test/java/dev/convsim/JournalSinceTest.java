package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.journal.JournalEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConversationsSimulator#journalSince(long)} returns what happened after an earlier look. */
class JournalSinceTest {

    @Test
    void journalSinceReturnsExactlyTheEntriesAfterTheSequenceInOrder() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001").build();
        List<JournalEntry> setup = sim.journal();
        long seen = setup.get(setup.size() - 1).sequence();
        sim.receive("+15551230001", "+15005550001", "hi");
        List<JournalEntry> all = sim.journal();
        assertThat(sim.journalSince(seen)).isEqualTo(all.subList(setup.size(), all.size())).isNotEmpty();
        assertThat(sim.journalSince(0)).isEqualTo(all);
        assertThat(sim.journalSince(all.get(all.size() - 1).sequence())).isEmpty();
    }

    @Test
    void journalSinceReturnsOnlyWhatTheBoundKept() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
                .options(FidelityOptions.defaults().toBuilder().journalLimit(3).build()).build();
        sim.receive("+15551230001", "+15005550001", "hi");
        assertThat(sim.journalSince(0)).hasSize(3).isEqualTo(sim.journal());
        assertThat(sim.journalDropped()).isPositive();
    }
}
