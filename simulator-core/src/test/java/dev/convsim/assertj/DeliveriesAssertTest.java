package dev.convsim.assertj;

import static dev.convsim.assertj.ConvsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.webhook.WebhookResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each delivery assertion passes on what was delivered and fails showing the closest delivery. */
class DeliveriesAssertTest {

    static final String NUMBER = "+15005550001";
    static final String CUSTOMER = "+15551230001";
    static final String PRE = "https://hooks.example.com/pre";
    static final String POST = "https://hooks.example.com/post";

    ConversationsSimulator sim;

    @BeforeEach
    void oneAutocreationAndOneCapture() {
        sim = ConversationsSimulator.builder().autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(PRE).postWebhookUrl(POST)
                        .filters("onConversationAdd", "onConversationAdded", "onParticipantAdded", "onMessageAdded"))
                .build();
        sim.receive(CUSTOMER, NUMBER, "hello");
        sim.receive(CUSTOMER, NUMBER, "again");
    }

    @Test
    void theEventTypesInOrderPassAndTheFirstDifferenceIsShown() {
        assertThat(sim.deliveries()).containsExactlyEventTypes("onConversationAdd", "onConversationAdded",
                "onParticipantAdded", "onMessageAdded", "onMessageAdded");

        assertThatThrownBy(() -> assertThat(sim.deliveries()).containsExactlyEventTypes("onConversationAdd",
                "onConversationAdded", "onMessageAdded"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected the deliveries' event types to be exactly [onConversationAdd,"
                        + " onConversationAdded, onMessageAdded] but were [onConversationAdd, onConversationAdded,"
                        + " onParticipantAdded, onMessageAdded, onMessageAdded]; first difference at position 2:"
                        + " expected onMessageAdded, was #3 post global onParticipantAdded CH…01 → 200");
    }

    @Test
    void anEventTypeThatWasNotDeliveredListsTheOnesThatWere() {
        assertThat(sim.deliveries()).containsEventType("onParticipantAdded").doesNotContainEventType("onMessageAdd");

        assertThatThrownBy(() -> assertThat(sim.deliveries()).containsEventType("onMessageAdd"))
                .hasMessage("expected a delivery of onMessageAdd but there is none; the event types delivered are"
                        + " [onConversationAdd, onConversationAdded, onParticipantAdded, onMessageAdded,"
                        + " onMessageAdded]");
        assertThatThrownBy(() -> assertThat(ConversationsSimulator.builder().build().deliveries())
                .containsEventType("onMessageAdd"))
                .hasMessage("expected a delivery of onMessageAdd but there is none; nothing was delivered");
    }

    @Test
    void anEventTypeThatShouldNotBeThereShowsTheFirstOne() {
        assertThatThrownBy(() -> assertThat(sim.deliveries()).doesNotContainEventType("onMessageAdded"))
                .hasMessage("expected no delivery of onMessageAdded but there are 2, the first #4 post global"
                        + " onMessageAdded CH…01 \"hello\" → 200");
        assertThatThrownBy(() -> assertThat(sim.deliveries()).doesNotContainEventType("onParticipantAdded"))
                .hasMessage("expected no delivery of onParticipantAdded but there is #3 post global onParticipantAdded"
                        + " CH…01 → 200");
    }

    @Test
    void aParameterValueThatWasNotSentShowsTheClosestDelivery() {
        assertThat(sim.deliveries()).containsEventWithParam("onConversationAdd", "MessageBody", "hello")
                .containsEventWithParam("onMessageAdded", "Body", "again");

        assertThatThrownBy(() -> assertThat(sim.deliveries()).containsEventWithParam("onMessageAdded", "Body", "agai"))
                .hasMessage("expected a delivery of onMessageAdded with Body=agai but none has it; the closest is #5"
                        + " post global onMessageAdded CH…01 \"again\" → 200, whose Body is again");
        assertThatThrownBy(() -> assertThat(sim.deliveries()).containsEventWithParam("onConversationAdded", "Body",
                "hello"))
                .hasMessage("expected a delivery of onConversationAdded with Body=hello but none has it; the closest"
                        + " is #2 post global onConversationAdded CH…01 → 200, whose parameters have no Body");
        assertThatThrownBy(() -> assertThat(sim.deliveries()).containsEventWithParam("onMessageAdd", "Body", "hello"))
                .hasMessage("expected a delivery of onMessageAdd with Body=hello but there is no delivery of"
                        + " onMessageAdd; the event types delivered are [onConversationAdd, onConversationAdded,"
                        + " onParticipantAdded, onMessageAdded, onMessageAdded]");
    }

    @Test
    void theCountAndThePendingDeliveriesAreListed() {
        sim.deliveries().takeNext("onConversationAdd");
        sim.deliveries().takeNext("onConversationAdded");
        sim.deliveries().takeNext("onParticipantAdded");

        assertThat(sim.deliveries()).hasSize(5);
        assertThatThrownBy(() -> assertThat(sim.deliveries()).hasSize(4))
                .hasMessage("""
                        expected 4 deliveries but there were 5:
                          #1 pre global onConversationAdd +15551230001 "hello" → 200
                          #2 post global onConversationAdded CH…01 → 200
                          #3 post global onParticipantAdded CH…01 → 200
                          #4 post global onMessageAdded CH…01 "hello" → 200
                          #5 post global onMessageAdded CH…01 "again" → 200""");
        assertThatThrownBy(() -> assertThat(sim.deliveries()).hasNoPendingDeliveries())
                .hasMessage("""
                        expected every delivery to be taken but 2 are pending:
                          #4 post global onMessageAdded CH…01 "hello" → 200
                          #5 post global onMessageAdded CH…01 "again" → 200""");

        sim.deliveries().takeNext("onMessageAdded");
        sim.deliveries().takeNext("onMessageAdded");
        assertThat(sim.deliveries()).hasNoPendingDeliveries();
    }

    @Test
    void aFailedAnswerIsShown() {
        assertThat(sim.deliveries()).allAnsweredSuccessfully();
        sim.endpoint(POST, request -> WebhookResponse.status(500));
        sim.receive(CUSTOMER, NUMBER, "third");

        assertThatThrownBy(() -> assertThat(sim.deliveries()).allAnsweredSuccessfully())
                .hasMessage("expected every delivery to be answered 2xx but #6 post global onMessageAdded CH…01"
                        + " \"third\" → 500");
    }
}
