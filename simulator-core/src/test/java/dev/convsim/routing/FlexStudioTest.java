package dev.convsim.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.AddressConfigurationRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Sids;
import dev.convsim.webhook.ConversationWebhook;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlexStudioTest {

    static final String CUSTOMER = "+15551230001";
    static final String TWILIO = "+13115552368";
    static final String FLOW = Sids.format(Sids.FLOW, 0xabc);

    static AddressConfigurationRequest studio(int retries) {
        return new AddressConfigurationRequest().type("sms").address(TWILIO).autoCreationEnabled(true)
                .autoCreationType("studio").studioFlowSid(FLOW).studioRetryCount(retries);
    }

    /** A simulator whose flow endpoint gives these answers in turn, then 200s. */
    static ConversationsSimulator flex(int retries, WebhookResponse... answers) {
        Deque<WebhookResponse> script = new ArrayDeque<>(List.of(answers));
        ConversationsSimulator sim = ConversationsSimulator.builder().addressConfiguration(studio(retries)).build();
        WebhookEndpoint flow = request -> script.isEmpty() ? WebhookResponse.ok() : script.poll();
        sim.endpoint(sim.studioFlowUrl(FLOW), flow);
        return sim;
    }

    static List<RecordedDelivery> flowDeliveries(ConversationsSimulator sim) {
        return sim.deliveries().all().stream().filter(d -> d.url().equals(sim.studioFlowUrl(FLOW))).toList();
    }

    @Test
    void theFlowUrlIsKeyedByTheAccountAndTheFlowSid() {
        ConversationsSimulator sim = ConversationsSimulator.builder().build();

        assertThat(sim.studioFlowUrl(FLOW)).isEqualTo("https://webhooks.twilio.com/v1/Accounts/" + sim.accountSid()
                + "/Flows/" + FLOW);
        assertThatThrownBy(() -> sim.studioFlowUrl("FW123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[FW123] is not a Studio flow SID: expected FW followed by 32 hex digits");
    }

    @Test
    void aStudioAddressAttachesAStudioScopedWebhookThatCarriesTheFirstMessageToTheFlow() {
        ConversationsSimulator sim = flex(3);

        String sid = sim.receive(CUSTOMER, TWILIO, "I need help").conversationSid();

        List<ConversationWebhook> webhooks = sim.api().listConversationWebhooks(sid);
        assertThat(webhooks).singleElement().satisfies(wh -> {
            assertThat(wh.target()).isEqualTo("studio");
            assertThat(wh.flowSid()).isEqualTo(FLOW);
            assertThat(wh.retryCount()).isEqualTo(3);
        });
        assertThat(flowDeliveries(sim)).singleElement().satisfies(d -> {
            assertThat(d.scope()).isEqualTo(WebhookScope.CONVERSATION);
            assertThat(d.eventType()).isEqualTo("onMessageAdded");
            assertThat(d.param("ConversationSid")).isEqualTo(sid);
            assertThat(d.param("Body")).isEqualTo("I need help");
            assertThat(d.param("Author")).isEqualTo(CUSTOMER);
            assertThat(d.attempt()).isZero();
            assertThat(d.status()).isEqualTo(200);
        });
    }

    @Test
    void laterMessagesOfTheConversationReachTheFlowToo() {
        ConversationsSimulator sim = flex(0);

        sim.receive(CUSTOMER, TWILIO, "first");
        sim.receive(CUSTOMER, TWILIO, "second");

        assertThat(flowDeliveries(sim)).extracting(d -> d.param("Body")).containsExactly("first", "second");
    }

    @Test
    void aFailingFlowIsRetriedStudioRetryCountTimesEachTryRecorded() {
        ConversationsSimulator sim = flex(2, WebhookResponse.status(500), WebhookResponse.status(503),
                WebhookResponse.status(502));

        sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(flowDeliveries(sim)).extracting(RecordedDelivery::attempt).containsExactly(0, 1, 2);
        assertThat(flowDeliveries(sim)).extracting(RecordedDelivery::status).containsExactly(500, 503, 502);
        assertThat(flowDeliveries(sim)).extracting(d -> d.param("RetryCount")).containsExactly("0", "1", "2");
        assertThat(flowDeliveries(sim).get(1).toString()).contains("retry 1 → 503");
    }

    @Test
    void aSuccessfulRetryStopsRetrying() {
        ConversationsSimulator sim = flex(3, WebhookResponse.status(429));

        sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(flowDeliveries(sim)).extracting(RecordedDelivery::status).containsExactly(429, 200);
    }

    @Test
    void aTimeoutCountsAsAFailure() {
        ConversationsSimulator sim = flex(1, WebhookResponse.timeout());

        sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(flowDeliveries(sim)).hasSize(2);
        assertThat(flowDeliveries(sim).get(0).timedOut()).isTrue();
        assertThat(flowDeliveries(sim).get(1).status()).isEqualTo(200);
    }

    @Test
    void retryCountZeroMeansOneTry() {
        ConversationsSimulator sim = flex(0, WebhookResponse.status(500));

        sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(flowDeliveries(sim)).extracting(RecordedDelivery::status).containsExactly(500);
    }

    @Test
    void aThrowingFlowHandlerIsAFailedTryThatIsRetried() {
        int[] calls = new int[1];
        ConversationsSimulator sim = ConversationsSimulator.builder().addressConfiguration(studio(1)).build();
        sim.endpoint(sim.studioFlowUrl(FLOW), request -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("flow crashed");
            }
            return WebhookResponse.ok();
        });

        sim.receive(CUSTOMER, TWILIO, "hello");

        assertThat(flowDeliveries(sim)).extracting(RecordedDelivery::status).containsExactly(500, 200);
        assertThat(flowDeliveries(sim).get(0).error()).contains("flow crashed");
    }

    @Test
    void aStudioAddressNeedsAFlowSid() {
        assertThatThrownBy(() -> ConversationsSimulator.builder().addressConfiguration(
                new AddressConfigurationRequest().type("sms").address(TWILIO).autoCreationEnabled(true)
                        .autoCreationType("studio")).build())
                .isInstanceOf(TwilioApiException.class)
                .hasMessageContaining("AutoCreation.StudioFlowSid is required when AutoCreation.Type is studio");
    }
}
