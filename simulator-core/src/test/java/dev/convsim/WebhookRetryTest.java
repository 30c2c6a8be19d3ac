package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code FidelityOptions.webhookRetries}: a global or service webhook that times out or answers 429, 503 or 504 is
 * sent again, with {@code RetryCount} counting the retries; other answers are final, and by default nothing is
 * retried.
 */
class WebhookRetryTest {

    private static final String NUMBER = "+15005550001";
    private static final String CUSTOMER = "+15551230001";
    private static final String PRE = "https://svc.example.com/pre";
    private static final String POST = "https://svc.example.com/post";

    /** Answers in turn from the list, then 200. */
    private static WebhookEndpoint answering(WebhookResponse... answers) {
        Deque<WebhookResponse> left = new ArrayDeque<>(List.of(answers));
        return request -> left.isEmpty() ? WebhookResponse.ok() : left.poll();
    }

    private static ConversationsSimulator simulator(int retries, String preFilter, WebhookEndpoint pre,
            String postFilter, WebhookEndpoint post) {
        return ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().webhookRetries(retries).build())
                .autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(PRE).postWebhookUrl(POST)
                        .filters(preFilter, postFilter))
                .endpoint(PRE, pre)
                .endpoint(POST, post)
                .build();
    }

    private static List<String> retryCounts(ConversationsSimulator sim, String eventType) {
        return sim.deliveries().only(eventType).stream().map(d -> d.param("RetryCount")).toList();
    }

    @Test
    void aPostActionWebhookAnswering503IsSentAgainWithRetryCountUntilItSucceeds() {
        ConversationsSimulator sim = simulator(3, "onConversationAdd", answering(), "onMessageAdded",
                answering(WebhookResponse.status(503), WebhookResponse.status(429)));

        sim.receive(CUSTOMER, NUMBER, "hello");

        assertThat(retryCounts(sim, "onMessageAdded")).containsExactly("0", "1", "2");
        assertThat(sim.deliveries().only("onMessageAdded")).extracting(RecordedDelivery::attempt)
                .containsExactly(0, 1, 2);
        assertThat(sim.deliveries().only("onMessageAdded")).extracting(RecordedDelivery::status)
                .containsExactly(503, 429, 200);
        // the retries happen at the event's own simulated instant
        assertThat(sim.deliveries().only("onMessageAdded")).extracting(RecordedDelivery::at).containsOnly(sim.now());
    }

    @Test
    void retriesStopAtTheOptionsCountAndOtherFailuresAreFinal() {
        ConversationsSimulator sim = simulator(2, "onConversationAdd", answering(), "onMessageAdded",
                request -> WebhookResponse.status(504));
        sim.receive(CUSTOMER, NUMBER, "hello");
        assertThat(retryCounts(sim, "onMessageAdded")).containsExactly("0", "1", "2");

        ConversationsSimulator broken = simulator(5, "onConversationAdd", answering(), "onMessageAdded",
                request -> WebhookResponse.status(500));
        broken.receive(CUSTOMER, NUMBER, "hello");
        assertThat(retryCounts(broken, "onMessageAdded")).containsExactly("0");
    }

    @Test
    void byDefaultNothingIsRetried() {
        ConversationsSimulator sim = ConversationsSimulator.builder().autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(POST).filters("onMessageAdded"))
                .endpoint(POST, request -> WebhookResponse.status(503))
                .build();
        sim.receive(CUSTOMER, NUMBER, "hello");
        assertThat(retryCounts(sim, "onMessageAdded")).containsExactly("0");
    }

    @Test
    void aPreActionWebhookThatTimesOutIsRetriedAndItsLastAnswerDecides() {
        // timed out, then a rejection: the rejection drops the message
        ConversationsSimulator rejected = simulator(1, "onConversationAdd",
                answering(WebhookResponse.timeout(), WebhookResponse.status(403)), "onMessageAdded", answering());
        InboundOutcome outcome = rejected.receive(CUSTOMER, NUMBER, "hello");
        assertThat(outcome).isInstanceOf(InboundOutcome.Dropped.class);
        assertThat(retryCounts(rejected, "onConversationAdd")).containsExactly("0", "1");
        assertThat(rejected.api().listConversations()).isEmpty();

        // 503, then an answer that names the conversation: created with that name
        ConversationsSimulator renamed = simulator(1, "onConversationAdd",
                answering(WebhookResponse.status(503), WebhookResponse.json("{\"friendly_name\": \"Support\"}")),
                "onMessageAdded", answering());
        String ch = renamed.receive(CUSTOMER, NUMBER, "hello").conversationSid();
        assertThat(renamed.api().fetchConversation(ch).friendlyName()).isEqualTo("Support");
        assertThat(retryCounts(renamed, "onConversationAdd")).containsExactly("0", "1");

        // without retries the 503 alone rejects
        ConversationsSimulator once = simulator(0, "onConversationAdd", answering(WebhookResponse.status(503)),
                "onMessageAdded", answering());
        assertThat(once.receive(CUSTOMER, NUMBER, "hello")).isInstanceOf(InboundOutcome.Dropped.class);
    }

    @Test
    void aRetryCountOutsideZeroToFiveIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> FidelityOptions.defaults().toBuilder().webhookRetries(6).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhookRetries [6] is out of range: use 0 to 5, as Twilio's #rc= override allows"
                        + " (default 0)");
        assertThatThrownBy(() -> FidelityOptions.defaults().toBuilder().webhookRetries(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhookRetries [-1]");
    }
}
