package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.webhook.Phase;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journal keeps the last {@code journalLimit} entries, counts what it drops, and says so plainly. */
class JournalBoundTest {

    private static final String TWILIO = "+15005550001";

    private static ConversationsSimulator simulator(int journalLimit, boolean postWebhooks) {
        ConversationsSimulator.Builder builder = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().journalLimit(journalLimit).build())
                .autocreate(TWILIO);
        if (postWebhooks) {
            // three post-action deliveries per autocreation, answered 200 by the default endpoint
            builder.globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl("https://hooks.example.com/post")
                    .filters("onConversationAdded", "onParticipantAdded", "onMessageAdded"));
        }
        return builder.build();
    }

    private static String sender(int i) {
        return "+1555" + String.format("%07d", i);
    }

    @Test
    void journalKeepsOnlyTheNewestEntriesUpToTheLimit() {
        ConversationsSimulator sim = simulator(10, false);
        for (int i = 0; i < 30; i++) {
            sim.receive(sender(i % 3), TWILIO, "message " + i);
        }
        List<JournalEntry> kept = sim.journal();
        long total = sim.journalDropped() + kept.size();

        assertThat(kept).hasSize(10);
        assertThat(sim.journalDropped()).isEqualTo(total - 10).isPositive();
        // the kept entries are the newest ones, contiguous, ending at the last event
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).sequence()).isEqualTo(sim.journalDropped() + 1 + i);
        }
        assertThat(kept.get(9).toString()).contains("index 9");
    }

    @Test
    void aCapturedMessageJournalsItsInboundEntryThenItsMessageEvenWhenTheBoundCutsBetweenThem() {
        ConversationsSimulator sim = simulator(100, false);
        sim.receive(sender(1), TWILIO, "first");
        InboundOutcome outcome = sim.receive(sender(1), TWILIO, "second");
        List<JournalEntry> all = sim.journal();
        JournalEntry inbound = all.get(all.size() - 2);
        JournalEntry added = all.get(all.size() - 1);

        assertThat(inbound).isEqualTo(new JournalEntry.Inbound(inbound.sequence(), sim.now(), outcome));
        assertThat(added).isEqualTo(new JournalEntry.ResourceChanged(inbound.sequence() + 1, sim.now(),
                JournalEntry.Resource.MESSAGE, JournalEntry.Action.ADDED, outcome.messageSid(),
                outcome.conversationSid(), "index 1"));
        assertThat(sim.journalSince(inbound.sequence() - 1)).containsExactly(inbound, added);

        // an odd bound keeps the message entry of the oldest capture without its inbound entry
        ConversationsSimulator cut = simulator(3, false);
        cut.receive(sender(1), TWILIO, "first");
        for (int i = 0; i < 4; i++) {
            cut.receive(sender(1), TWILIO, "again " + i);
        }
        List<JournalEntry> kept = cut.journal();
        assertThat(kept).hasSize(3);
        assertThat(kept.get(0)).isInstanceOf(JournalEntry.ResourceChanged.class);
        assertThat(kept.get(0).toString()).contains("index 3");
        assertThat(kept.get(1)).isInstanceOf(JournalEntry.Inbound.class);
        assertThat(kept.get(2).toString()).contains("index 4");
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).sequence()).isEqualTo(cut.journalDropped() + 1 + i);
        }
    }

    @Test
    void nothingIsDroppedUntilTheLimitIsExceeded() {
        int setup = simulator(100, false).journal().size(); // the service and the address configuration
        ConversationsSimulator sim = simulator(setup + 8, false);
        sim.receive(sender(1), TWILIO, "hello"); // autocreation: 4 entries
        sim.receive(sender(1), TWILIO, "again"); // capture: 2 entries
        sim.receive(sender(1), TWILIO, "third"); // capture: 2 entries, 8 in all

        assertThat(sim.journal()).hasSize(setup + 8);
        assertThat(sim.journalDropped()).isZero();
        assertThat(sim.journalText()).doesNotContain("dropped");

        sim.receive(sender(1), TWILIO, "fourth");

        assertThat(sim.journal()).hasSize(setup + 8);
        assertThat(sim.journalDropped()).isEqualTo(2);
        assertThat(sim.journal().get(0).sequence()).isEqualTo(3);
    }

    @Test
    void aLongRunKeepsTheJournalAtItsBound() {
        ConversationsSimulator sim = simulator(1_000, true);
        int setup = sim.journal().size();
        for (int i = 0; i < 20_000; i++) {
            sim.receive(sender(i % 500), TWILIO, "message " + i);
        }

        assertThat(sim.journal()).hasSize(1_000);
        assertThat(sim.deliveries().all()).hasSize(1_000);
        // 500 autocreations (4 entries, 3 deliveries each) and 19,500 captures (2 entries, 1 delivery each)
        assertThat(sim.journalDropped()).isEqualTo(setup + 500 * (4 + 3) + 19_500 * (2 + 1) - 1_000);
        assertThat(sim.deliveries().count()).isEqualTo(500 * 3 + 19_500);
        assertThat(sim.deliveries().dropped()).isEqualTo(500 * 3 + 19_500 - 1_000);
    }

    @Test
    void deliveryViewCountsDroppedDeliveriesAndKeepsTheNewest() {
        ConversationsSimulator sim = simulator(5, true);
        for (int i = 0; i < 4; i++) {
            sim.receive(sender(i), TWILIO, "hello " + i); // 3 post-action deliveries each: 12 in all
        }

        List<RecordedDelivery> kept = sim.deliveries().all();
        assertThat(kept).hasSize(5);
        assertThat(sim.deliveries().dropped()).isEqualTo(7);
        assertThat(sim.deliveries().count()).isEqualTo(12);
        assertThat(sim.deliveries().pending()).isEqualTo(12);
        assertThat(kept).extracting(RecordedDelivery::sequence).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(kept.get(4).eventType()).isEqualTo("onMessageAdded");
        assertThat(kept.get(4).param("Body")).isEqualTo("hello 3");
    }

    @Test
    void takeNextPastDroppedDeliveriesFailsNamingThemAndTheFix() {
        ConversationsSimulator sim = simulator(5, true);
        for (int i = 0; i < 4; i++) {
            sim.receive(sender(i), TWILIO, "hello " + i);
        }

        assertThatThrownBy(() -> sim.deliveries().takeNext())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("deliveries #1 to #7 were dropped by the journal bound before they were taken")
                .hasMessageContaining("only the last 5 are kept")
                .hasMessageContaining("raise FidelityOptions.journalLimit");
        // the failure takes nothing: it fails the same way again
        assertThatThrownBy(() -> sim.deliveries().takeNext("onConversationAdded"))
                .hasMessageContaining("deliveries #1 to #7 were dropped");
        assertThat(sim.deliveries().pending()).isEqualTo(12);
    }

    @Test
    void takingDeliveriesAsTheyComeNeverHitsTheBound() {
        ConversationsSimulator sim = simulator(5, true);
        for (int i = 0; i < 200; i++) {
            sim.receive(sender(i), TWILIO, "hello " + i);
            assertThat(sim.deliveries().takeNext("onConversationAdded").param("MessagingBinding.Address"))
                    .isEqualTo(sender(i));
            sim.deliveries().takeNext("onParticipantAdded");
            assertThat(sim.deliveries().takeNext("onMessageAdded").param("Body")).isEqualTo("hello " + i);
        }

        assertThat(sim.deliveries().dropped()).isEqualTo(600 - 5);
        assertThat(sim.deliveries().pending()).isZero();
    }

    @Test
    void viewsSayPlainlyHowManyOlderEntriesWereDropped() {
        ConversationsSimulator sim = simulator(5, true);
        for (int i = 0; i < 4; i++) {
            sim.receive(sender(i), TWILIO, "hello " + i);
        }

        assertThat(sim.deliveries().toString()).startsWith("(7 older deliveries dropped by the journal bound)\n");
        assertThat(sim.journalText()).startsWith("(" + sim.journalDropped()
                + " older events dropped: journalLimit is 5)\n");
        assertThatThrownBy(() -> sim.deliveries().assertEventTypes("onConversationAdded"))
                .hasMessageContaining("7 older deliveries were dropped by the journal bound and are not compared");
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheJournalMovesOn() {
        ConversationsSimulator sim = simulator(6, true);
        sim.receive(sender(1), TWILIO, "hello");
        List<JournalEntry> journalBefore = sim.journal();
        List<RecordedDelivery> deliveriesBefore = sim.deliveries().all();
        List<JournalEntry> copy = List.copyOf(journalBefore);
        List<RecordedDelivery> deliveriesCopy = List.copyOf(deliveriesBefore);

        for (int i = 0; i < 50; i++) {
            sim.receive(sender(1), TWILIO, "more " + i);
        }

        assertThat(journalBefore).isEqualTo(copy);
        assertThat(deliveriesBefore).isEqualTo(deliveriesCopy);
        assertThat(sim.journal()).doesNotContainAnyElementsOf(copy);
        assertThatThrownBy(() -> journalBefore.add(copy.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void journalLimitBelowOneIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> FidelityOptions.defaults().toBuilder().journalLimit(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journalLimit [0]");
    }

    private static JournalEntry.Delivered delivered(long entrySequence, long deliverySequence) {
        return new JournalEntry.Delivered(entrySequence, Instant.EPOCH, new RecordedDelivery(deliverySequence,
                Instant.EPOCH, Phase.POST, WebhookScope.GLOBAL, "https://hooks.example.com", "POST",
                "onMessageAdded", Map.of(), 0, 200, "", null));
    }

    @Test
    void takeNextReadsTheDroppedCountAndTheKeptDeliveriesAtOneMoment() {
        // another thread's deliveries drop #1 and #2 between the view's first read of the count and its read of
        // the list: the view must not hand out #3 as if it were #1
        List<RecordedDelivery> afterDrop = List.of(delivered(3, 3).delivery(), delivered(4, 4).delivery());
        java.util.concurrent.atomic.AtomicInteger countReads = new java.util.concurrent.atomic.AtomicInteger();
        dev.convsim.webhook.RecordedDeliveries view = new dev.convsim.webhook.RecordedDeliveries(() -> afterDrop,
                () -> countReads.getAndIncrement() == 0 ? 0L : 2L);

        assertThatThrownBy(view::takeNext).isInstanceOf(AssertionError.class)
                .hasMessageContaining("deliveries #1 to #2 were dropped by the journal bound");
        assertThat(countReads.get()).isGreaterThanOrEqualTo(3); // read again until two reads agree

        java.util.concurrent.atomic.AtomicLong ever = new java.util.concurrent.atomic.AtomicLong();
        dev.convsim.webhook.RecordedDeliveries restless = new dev.convsim.webhook.RecordedDeliveries(() -> afterDrop,
                ever::incrementAndGet);
        assertThatThrownBy(restless::count).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the dropped count changed during each of 1,000 reads");
    }

    @Test
    void aDeliveryRecordedLateIsPlacedInSequenceWithoutChangingEarlierSnapshots() {
        Journal journal = new Journal(40); // chunks of 16: the insertions below cross chunk boundaries
        List<List<RecordedDelivery>> snapshots = new ArrayList<>();
        List<List<RecordedDelivery>> copies = new ArrayList<>();
        long entry = 0;
        for (long d = 1; d <= 100; d += 2) {
            // d+1 was sent after d but, answered first from inside d's handler, is recorded before it
            journal.append(delivered(++entry, d + 1));
            journal.append(delivered(++entry, d));
            List<RecordedDelivery> snapshot = journal.deliveries();
            snapshots.add(snapshot);
            copies.add(List.copyOf(snapshot));
        }

        List<RecordedDelivery> kept = journal.deliveries();
        assertThat(kept).hasSize(40);
        assertThat(kept).extracting(RecordedDelivery::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(61, 100).boxed().toList());
        assertThat(journal.droppedDeliveries()).isEqualTo(60);
        assertThat(journal.entries()).extracting(JournalEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(61, 100).boxed().toList());
        for (int i = 0; i < snapshots.size(); i++) {
            assertThat(snapshots.get(i)).as("snapshot %d", i).isEqualTo(copies.get(i));
        }
    }
}
