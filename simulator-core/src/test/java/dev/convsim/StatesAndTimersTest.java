package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.MessageRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** States, transitions and timers (reference §5). */
class StatesAndTimersTest {

    private static ConversationsSimulator sim(Instant start) {
        return ConversationsSimulator.builder().start(start).autocreate("+15005550001")
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl("https://svc.example.com/post")
                        .filters("onConversationStateUpdated"))
                .build();
    }

    private static List<JournalEntry.StateChanged> stateChanges(ConversationsSimulator sim) {
        return sim.journal().stream().filter(JournalEntry.StateChanged.class::isInstance)
                .map(JournalEntry.StateChanged.class::cast).toList();
    }

    private static void assertTwilioError(Runnable call, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TwilioApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void timersBelowTwiliosMinimumsAreRefused() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        assertThatThrownBy(() -> sim.api().createConversation(new ConversationRequest().state("active").timersInactive("PT59S")))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(50375);
                    assertThat(e.getMessage()).isEqualTo("Timers.Inactive [PT59S] is below Twilio's minimum of PT1M: "
                            + "use at least PT1M, or PT0S to disable");
                });
        assertTwilioError(() -> sim.api().createConversation(new ConversationRequest().state("active").timersClosed("PT9M")), 50376);
        assertTwilioError(() -> sim.api().createConversation(new ConversationRequest().state("active").timersInactive("5 minutes")), 50379);
        assertTwilioError(() -> sim.api().createConversation(new ConversationRequest().state("active").timersClosed("soon")), 50380);
        assertTwilioError(() -> sim.api().createConversation(new ConversationRequest().timersInactive("PT5M")), 50382);
        assertTwilioError(() -> sim.api().updateConfiguration(new ConfigurationRequest().defaultInactiveTimer("PT30S")), 50375);
        assertThat(sim.api().listConversations()).isEmpty();
    }

    @Test
    void timersCountFromTheSameAnchorAndShowOnTheResource() {
        ConversationsSimulator sim = sim(Instant.parse("2015-12-16T22:18:38Z"));

        Conversation c = sim.api().createConversation(new ConversationRequest().state("active")
                .timersInactive("PT1M").timersClosed("PT10M"));

        assertThat(c.timers().dateInactive()).isEqualTo(Instant.parse("2015-12-16T22:19:38Z"));
        assertThat(c.timers().dateClosed()).isEqualTo(Instant.parse("2015-12-16T22:28:38Z"));
    }

    @Test
    void timersFireInOrderEachAtItsOwnInstant() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        String a = sim.api().createConversation(new ConversationRequest().state("active").timersInactive("PT2M")
                .timersClosed("PT10M")).sid();
        sim.advance(Duration.ofSeconds(30));
        String b = sim.api().createConversation(new ConversationRequest().state("active").timersInactive("PT1M")).sid();

        Instant end = sim.advance(Duration.ofHours(1));

        assertThat(end).isEqualTo(Instant.parse("2026-01-01T01:00:30Z"));
        assertThat(stateChanges(sim)).extracting(e -> e.conversationSid() + " " + e.to() + " " + e.at() + " " + e.reason())
                .containsExactly(
                        b + " inactive 2026-01-01T00:01:30Z TIMER",
                        a + " inactive 2026-01-01T00:02:00Z TIMER",
                        a + " closed 2026-01-01T00:10:00Z TIMER");
        assertThat(sim.deliveries().all()).extracting(d -> d.at().toString())
                .containsExactly("2026-01-01T00:01:30Z", "2026-01-01T00:02:00Z", "2026-01-01T00:10:00Z");
    }

    @Test
    void noTimerFiresEarly() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        String ch = sim.api().createConversation(new ConversationRequest().state("active").timersInactive("PT5M")).sid();

        sim.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.ACTIVE);
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.INACTIVE);
    }

    @Test
    void activityRestartsTheTimers() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        sim.api().updateConfiguration(new ConfigurationRequest().defaultInactiveTimer("PT5M"));
        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();

        sim.advance(Duration.ofMinutes(4));
        sim.receive("+15551230001", "+15005550001", "still here");
        sim.advance(Duration.ofMinutes(4));
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.ACTIVE);
        sim.api().createParticipant(ch, new ParticipantRequest().identity("alice"));
        sim.advance(Duration.ofMinutes(4));
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.ACTIVE);
        sim.advance(Duration.ofMinutes(1));
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.INACTIVE);
        assertThat(stateChanges(sim).get(0).at()).isEqualTo(Instant.parse("2026-01-01T00:13:00Z"));
    }

    @Test
    void accountDefaultsApplyToAutocreatedConversationsAndPT0SDisables() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        sim.api().updateConfiguration(new ConfigurationRequest().defaultInactiveTimer("PT10M").defaultClosedTimer("PT1H"));

        String auto = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        String noInactive = sim.api().createConversation(new ConversationRequest().state("active")
                .timersInactive("PT0S")).sid();

        assertThat(sim.api().fetchConversation(auto).timers().inactive()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sim.api().fetchConversation(noInactive).timers().inactive()).isNull();
        assertThat(sim.api().fetchConversation(noInactive).timers().closed()).isEqualTo(Duration.ofHours(1));
        sim.advance(Duration.ofMinutes(30));
        assertThat(sim.api().fetchConversation(auto).state()).isEqualTo(ConversationState.INACTIVE);
        assertThat(sim.api().fetchConversation(noInactive).state()).isEqualTo(ConversationState.ACTIVE);
        sim.advance(Duration.ofMinutes(30));
        assertThat(sim.api().fetchConversation(noInactive).state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void anInactiveConversationKeepsItsPairAndAnInboundMessageReactivatesIt() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        sim.api().updateConversation(ch, new ConversationRequest().state("inactive"));

        InboundOutcome back = sim.receive("+15551230001", "+15005550001", "back again");

        assertThat(back).isInstanceOfSatisfying(InboundOutcome.Captured.class, c -> {
            assertThat(c.conversationSid()).isEqualTo(ch);
            assertThat(c.reactivated()).isTrue();
        });
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.ACTIVE);
        assertThat(stateChanges(sim)).extracting(e -> e.from() + "→" + e.to() + " " + e.reason())
                .containsExactly("active→inactive API", "inactive→active EVENT");
        assertThat(sim.deliveries().all()).extracting(d -> d.param("Reason"))
                .as("the API change fired no webhook without the header; the reactivation did")
                .containsExactly("EVENT");
    }

    @Test
    void everyApiTransitionIsJournaledWithReasonApi() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        String a = sim.api().createConversation(new ConversationRequest()).sid();
        String b = sim.api().createConversation(new ConversationRequest()).sid();

        sim.api().updateConversation(a, new ConversationRequest().state("inactive"));
        sim.api().updateConversation(a, new ConversationRequest().state("active"));
        sim.api().updateConversation(a, new ConversationRequest().state("closed"));
        sim.api().updateConversation(b, new ConversationRequest().state("inactive"));
        sim.api().updateConversation(b, new ConversationRequest().state("closed"));

        assertThat(stateChanges(sim)).extracting(e -> e.conversationSid() + " " + e.from() + "→" + e.to() + " " + e.reason())
                .containsExactly(a + " active→inactive API", a + " inactive→active API", a + " active→closed API",
                        b + " active→inactive API", b + " inactive→closed API");
        assertTwilioError(() -> sim.api().updateConversation(b, new ConversationRequest().state("initializing")), 50377);
        String c = sim.api().createConversation(new ConversationRequest()).sid();
        assertTwilioError(() -> sim.api().updateConversation(c, new ConversationRequest().state("initializing")), 20001);
    }

    @Test
    void theReactivationReasonIsAnOption() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate("+15005550001")
                .options(FidelityOptions.defaults().toBuilder().reactivationReason("API").build()).build();
        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        sim.api().updateConversation(ch, new ConversationRequest().state("inactive"));

        sim.receive("+15551230001", "+15005550001", "back");

        assertThat(stateChanges(sim).get(1).reason()).isEqualTo("API");
    }

    @Test
    void closedIsFinalReleasesThePairAndAnyChangeFailsWith50377() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        String ch = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();
        sim.api().updateConversation(ch, new ConversationRequest().state("closed").webhookEnabled(true));

        assertThatThrownBy(() -> sim.api().updateConversation(ch, new ConversationRequest().state("active")))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(50377);
                    assertThat(e.getMessage()).isEqualTo("Can't update conversation " + ch + " as it's in final closed state");
                });
        assertTwilioError(() -> sim.api().createMessage(ch, new MessageRequest().body("hi")), 50377);
        assertTwilioError(() -> sim.api().createParticipant(ch, new ParticipantRequest().identity("bob")), 50377);

        InboundOutcome next = sim.receive("+15551230001", "+15005550001", "new topic");
        assertThat(next).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(next.conversationSid()).isNotEqualTo(ch);
        assertThat(sim.deliveries().all()).extracting(d -> d.param("StateFrom") + "→" + d.param("StateTo") + " " + d.param("Reason"))
                .containsExactly("active→closed API");
        sim.verifyInvariants();
    }

    @Test
    void closeThenAutocreateEndToEndByTimer() {
        ConversationsSimulator sim = sim(ConversationsSimulator.DEFAULT_START);
        sim.api().updateConfiguration(new ConfigurationRequest().defaultInactiveTimer("PT5M").defaultClosedTimer("PT15M"));
        String first = sim.receive("+15551230001", "+15005550001", "hello").conversationSid();

        sim.advance(Duration.ofMinutes(6));
        assertThat(sim.receive("+15551230001", "+15005550001", "reactivate").conversationSid()).isEqualTo(first);
        sim.advance(Duration.ofMinutes(20));
        String second = sim.receive("+15551230001", "+15005550001", "new").conversationSid();

        assertThat(second).isNotEqualTo(first);
        assertThat(stateChanges(sim)).extracting(e -> e.from() + "→" + e.to() + " " + e.reason() + " " + e.at())
                .containsExactly(
                        "active→inactive TIMER 2026-01-01T00:05:00Z",
                        "inactive→active EVENT 2026-01-01T00:06:00Z",
                        "active→inactive TIMER 2026-01-01T00:11:00Z",
                        "inactive→closed TIMER 2026-01-01T00:21:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T23:58:00Z", "2026-03-08T06:59:00Z", "2026-11-01T05:59:00Z",
        "2028-02-28T23:59:30Z", "2026-12-31T23:59:59Z"})
    void timersStayRightAcrossMonthEndsAndDstDatesBecauseTheClockIsUtc(String start) {
        Instant t0 = Instant.parse(start);
        ConversationsSimulator sim = sim(t0);
        String ch = sim.api().createConversation(new ConversationRequest().state("active").timersInactive("PT2M")
                .timersClosed("P1D")).sid();

        sim.advance(Duration.ofDays(2));

        assertThat(stateChanges(sim)).extracting(JournalEntry.StateChanged::at)
                .containsExactly(t0.plus(Duration.ofMinutes(2)), t0.plus(Duration.ofDays(1)));
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.CLOSED);
    }
}
