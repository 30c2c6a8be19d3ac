package dev.convsim.examples.testkit;

import dev.convsim.ConversationsSimulator;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.webhook.WebhookEndpoint;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;

/**
 * The code under test in these examples: a support desk's Conversations webhook handler. On
 * {@code onConversationAdd} it names each new conversation after the customer, and it refuses to open a
 * conversation for a bare STOP. (In a real service this is your controller; here it is an in-process endpoint.)
 */
final class SupportDesk implements WebhookEndpoint {

    static final String NUMBER = "+15005550001";
    static final String HOOK_URL = "https://desk.example.com/twilio/conversations";

    /** The simulator the desk's tests run against: its number autocreates, its webhooks go to the desk. */
    static ConversationsSimulator.Builder simulator() {
        return ConversationsSimulator.builder()
                .autocreate(NUMBER)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(HOOK_URL).postWebhookUrl(HOOK_URL)
                        .filters("onConversationAdd", "onConversationAdded", "onMessageAdded"))
                .endpoint(HOOK_URL, new SupportDesk());
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (!request.eventType().equals("onConversationAdd")) {
            return WebhookResponse.ok();
        }
        String body = request.param("MessageBody");
        if (body != null && body.trim().equalsIgnoreCase("STOP")) {
            return WebhookResponse.status(403);
        }
        return WebhookResponse.json("{\"friendly_name\":\"SMS with " + request.param("MessagingBinding.Address")
                + "\"}");
    }
}
