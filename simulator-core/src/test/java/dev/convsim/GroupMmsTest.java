package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.model.ConversationState;
import dev.convsim.model.Participant;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group MMS: number groups, autocreation, limits and shapes (reference §3.2, §4.5). */
class GroupMmsTest {

    static final String NUMBER = "+15005550001";
    static final String A = "+15551230001";
    static final String B = "+15551230002";
    static final String C = "+15551230003";

    private static ConversationsSimulator.Builder builder() {
        return ConversationsSimulator.builder().autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl("https://svc.example.com/pre")
                        .postWebhookUrl("https://svc.example.com/post").filters("onConversationAdd",
                                "onConversationAdded", "onParticipantAdded", "onMessageAdded",
                                "onConversationStateUpdated", "onParticipantAdd", "onMessageAdd"));
    }

    @Test
    void autocreatingAGroupFollowsTheObservedOrderAndEndsActive() {
        ConversationsSimulator sim = builder().build();

        InboundOutcome outcome = sim.receive(InboundMessage.group(A, NUMBER, "hi all", B, C));

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        sim.deliveries().assertEventTypes("onConversationAdd", "onConversationAdded", "onParticipantAdded",
                "onParticipantAdded", "onParticipantAdded", "onParticipantAdded", "onMessageAdded",
                "onConversationStateUpdated");
        var add = sim.deliveries().only("onConversationAdd").get(0);
        assertThat(add.param("MessagingBinding.Address")).isEqualTo(A + "," + B + "," + C);
        assertThat(add.param("MessagingBinding.AuthorAddress")).isEqualTo(A);
        assertThat(add.param("MessagingBinding.ProjectedAddress")).isEqualTo(NUMBER);
        assertThat(add.param("State")).isEqualTo("initializing");
        var stateUpdated = sim.deliveries().only("onConversationStateUpdated").get(0);
        assertThat(stateUpdated.param("StateFrom") + "→" + stateUpdated.param("StateTo") + " " + stateUpdated.param("Reason"))
                .isEqualTo("initializing→active EVENT");
        String ch = outcome.conversationSid();
        assertThat(sim.api().fetchConversation(ch).state()).isEqualTo(ConversationState.ACTIVE);
        List<Participant> participants = sim.api().listParticipants(ch);
        assertThat(participants).extracting(p -> p.messagingBinding().address() + "/" + p.messagingBinding().proxyAddress()
                + "/" + p.messagingBinding().projectedAddress())
                .containsExactly(A + "/null/null", B + "/null/null", C + "/null/null", "null/null/" + NUMBER);
        assertThat(sim.api().listMessages(ch).get(0).participantSid()).isEqualTo(participants.get(0).sid());
    }

    @Test
    void handlersSeeTheGroupInitializingAndUsingItFailsWith50386() {
        List<String> seen = new ArrayList<>();
        ConversationsSimulator[] holder = new ConversationsSimulator[1];
        ConversationsSimulator sim = builder().endpoint("https://svc.example.com/post", r -> {
            if (r.eventType().equals("onConversationAdded")) {
                String ch = r.param("ConversationSid");
                seen.add(holder[0].api().fetchConversation(ch).state().wire());
                try {
                    holder[0].api().updateConversation(ch, new ConversationRequest().friendlyName("too early"));
                } catch (TwilioApiException e) {
                    seen.add(String.valueOf(e.code()));
                }
            }
            return WebhookResponse.ok();
        }).build();
        holder[0] = sim;

        sim.receive(InboundMessage.group(A, NUMBER, "hi", B));

        assertThat(seen).containsExactly("initializing", "50386");
    }

    @Test
    void aGroupIsCapturedWhateverTheOrderTheRecipientsArriveIn() {
        ConversationsSimulator sim = builder().build();
        String ch = sim.receive(InboundMessage.group(A, NUMBER, "first", B, C)).conversationSid();

        List<InboundOutcome> outcomes = List.of(
                sim.receive(InboundMessage.group(A, NUMBER, "2", C, B)),
                sim.receive(InboundMessage.group(B, NUMBER, "3", A, C)),
                sim.receive(InboundMessage.group(B, NUMBER, "4", C, A)),
                sim.receive(InboundMessage.group(C, NUMBER, "5", A, B)),
                sim.receive(InboundMessage.group(C, NUMBER, "6", B, A)));

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o).isInstanceOf(InboundOutcome.Captured.class);
            assertThat(o.conversationSid()).isEqualTo(ch);
        });
        assertThat(sim.api().listMessages(ch)).extracting(m -> m.author() + ":" + m.body())
                .containsExactly(A + ":first", A + ":2", B + ":3", B + ":4", C + ":5", C + ":6");
    }

    @Test
    void aOneToOneMessageFromAGroupMemberIsNotCapturedByTheGroup() {
        ConversationsSimulator sim = builder().build();
        String group = sim.receive(InboundMessage.group(A, NUMBER, "group", B)).conversationSid();

        InboundOutcome direct = sim.receive(A, NUMBER, "just me");

        assertThat(direct).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(direct.conversationSid()).isNotEqualTo(group);
    }

    @Test
    void aDifferentGroupGetsItsOwnConversation() {
        ConversationsSimulator sim = builder().build();
        String abc = sim.receive(InboundMessage.group(A, NUMBER, "abc", B, C)).conversationSid();

        String ab = sim.receive(InboundMessage.group(A, NUMBER, "ab", B)).conversationSid();

        assertThat(ab).isNotEqualTo(abc);
        sim.verifyInvariants();
    }

    @Test
    void groupParticipantShapesLimitsAndErrorsOnTheApi() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER).build();
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        sim.api().createParticipant(ch, new ParticipantRequest().address(A));
        sim.api().createParticipant(ch, new ParticipantRequest().address(B));
        sim.api().createParticipant(ch, new ParticipantRequest().identity("agent@example.com").projectedAddress(NUMBER));

        assertThat(sim.receive(InboundMessage.group(B, NUMBER, "hello", A)).conversationSid()).isEqualTo(ch);
        assertCode(() -> sim.api().createParticipant(ch, new ParticipantRequest().address(A)), 50437);
        assertCode(() -> sim.api().createParticipant(ch, new ParticipantRequest().address("+447700900123")), 50435);
        String twin = sim.api().createConversation(new ConversationRequest()).sid();
        sim.api().createParticipant(twin, new ParticipantRequest().address(A));
        sim.api().createParticipant(twin, new ParticipantRequest().address(B));
        assertCode(() -> sim.api().createParticipant(twin, new ParticipantRequest().projectedAddress(NUMBER)
                .identity("other@example.com")), 50438);
        sim.verifyInvariants();
    }

    @Test
    void removingAMemberCannotMakeASecondConversationWithTheSameGroup() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER).build();
        String ab = sim.receive(InboundMessage.group(A, NUMBER, "ab", B)).conversationSid();
        String abc = sim.receive(InboundMessage.group(A, NUMBER, "abc", B, C)).conversationSid();
        String memberC = sim.api().listParticipants(abc).stream()
                .filter(p -> p.messagingBinding().address() != null && p.messagingBinding().address().value().equals(C))
                .findFirst().orElseThrow().sid();
        List<String> order = sim.api().listParticipants(abc).stream().map(p -> p.sid()).toList();

        assertThatThrownBy(() -> sim.api().deleteParticipant(abc, memberC, false))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(50438);
                    assertThat(e.getMessage()).startsWith("Group conversation with given participant list already exists: " + ab);
                });
        // a refused removal changes nothing, not even the order participants are listed in
        assertThat(sim.api().listParticipants(abc).stream().map(p -> p.sid()).toList()).isEqualTo(order);
        assertThat(order.indexOf(memberC)).isLessThan(order.size() - 1);
        sim.api().updateConversation(ab, new ConversationRequest().state("closed"));
        sim.api().deleteParticipant(abc, memberC, false);

        assertThat(sim.receive(InboundMessage.group(B, NUMBER, "now ab again", A)).conversationSid()).isEqualTo(abc);
        sim.verifyInvariants();
    }

    @Test
    void theGroupParticipantLimitIsAnOptionDefaultingToTen() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        for (int i = 0; i < 10; i++) {
            sim.api().createParticipant(ch, new ParticipantRequest().address("+1555123000" + i));
        }
        assertThatThrownBy(() -> sim.api().createParticipant(ch, new ParticipantRequest().address("+15551230010")))
                .isInstanceOfSatisfying(TwilioApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(50436);
                    assertThat(e.getMessage()).isEqualTo("Participant limit exceeded for group conversation " + ch
                            + ": it has 10 of at most 10");
                });
        ConversationsSimulator twenty = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().groupParticipantLimit(20).build()).build();
        String big = twenty.api().createConversation(new ConversationRequest()).sid();
        for (int i = 0; i < 11; i++) {
            twenty.api().createParticipant(big, new ParticipantRequest().address("+155512300" + (10 + i)));
        }
        assertThat(twenty.api().listParticipants(big)).hasSize(11);
    }

    @Test
    void aGroupOverTheLimitIsNotAutocreated() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER)
                .phoneNumber(NUMBER, "https://legacy.example.com/sms")
                .options(FidelityOptions.defaults().toBuilder().groupParticipantLimit(3).build()).build();

        InboundOutcome outcome = sim.receive(InboundMessage.group(A, NUMBER, "too many", B, C));

        assertThat(outcome).isInstanceOf(InboundOutcome.SentToMessagingWebhook.class);
        assertThat(sim.journalText()).contains("error 50436: the group [+15005550001, +15551230001, +15551230002, "
                + "+15551230003] has 4 addresses, over the group participant limit of 3: not autocreated");
    }

    @Test
    void withGroupMmsOffApiCallsFailWith50452AndInboundGroupsAreHandledOneToOne() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER)
                .options(FidelityOptions.defaults().toBuilder().groupMmsEnabled(false).build()).build();
        String ch = sim.api().createConversation(new ConversationRequest()).sid();
        assertCode(() -> sim.api().createParticipant(ch, new ParticipantRequest().address(A)), 50452);

        InboundOutcome outcome = sim.receive(InboundMessage.group(A, NUMBER, "hi", B));

        assertThat(outcome).isInstanceOf(InboundOutcome.Autocreated.class);
        assertThat(sim.api().listParticipants(outcome.conversationSid())).singleElement()
                .satisfies(p -> assertThat(p.messagingBinding().isPair()).isTrue());
    }

    private static void assertCode(Runnable call, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TwilioApiException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
