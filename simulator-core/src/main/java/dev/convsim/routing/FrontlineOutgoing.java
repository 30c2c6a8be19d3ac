package dev.convsim.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Address;
import dev.convsim.model.Channel;
import dev.convsim.model.Conversation;
import dev.convsim.model.Participant;
import dev.convsim.webhook.WebhookResponse;
import dev.convsim.webhook.WebhookScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Frontline's outgoing-conversation flow, as the Frontline app runs it when a worker starts a conversation with a
 * customer: create the conversation, ask the Outgoing Conversation Callback URL for a proxy address
 * ({@code Location=GetProxyAddress}), add the customer (their address and that proxy address), add the worker,
 * return it. It acts only through the public API and one recorded callback (scope {@code frontline}).
 *
 * <pre>{@code
 * FrontlineOutgoing outgoing = new FrontlineOutgoing(sim.api(), sim::callback,
 *         "https://svc.example.com/callbacks/outgoing-conversation");
 * OutgoingConversation started = outgoing.start("alice@example.com", "42", "sms", "+15551230001");
 * }</pre>
 *
 * <p>Any failure removes the half-made conversation, so nothing is left behind, and throws a
 * {@link TwilioApiException}: the callback answered anything but 200, or timed out (11200, Twilio's "HTTP
 * retrieval failure", HTTP 502); it answered 200 without a {@code proxy_address} (11200, HTTP 502); the customer's
 * pair is already bound in another conversation (Frontline's 48031 "Outgoing conversation already exists for this
 * contact and proxy address", HTTP 409, caused by Conversations' 50416); any other API error as the API threw it.
 *
 * <p>The app's changes fire webhooks, as an SDK client's do (so an {@code onParticipantAdded} handler can enrich
 * the customer); {@link #webhooks(boolean) webhooks(false)} makes them silent. The cleanup delete fires webhooks
 * likewise, falling back to a silent delete if a pre-action hook rejects it.
 */
public final class FrontlineOutgoing {

    /** Frontline's error when the customer's address and the proxy address are already bound elsewhere. */
    public static final int OUTGOING_CONVERSATION_EXISTS = 48031;
    /** Twilio's "HTTP retrieval failure": the callback failed or gave no proxy address. */
    public static final int CALLBACK_FAILED = 11200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationsApi api;
    private final CallbackSender callbacks;
    private final String callbackUrl;
    private final boolean webhooks;

    /**
     * The flow against a simulator's API and callbacks, with the Outgoing Conversation Callback URL.
     *
     * @throws IllegalArgumentException when the URL is blank
     */
    public FrontlineOutgoing(ConversationsApi api, CallbackSender callbacks, String callbackUrl) {
        this(api, callbacks, callbackUrl, true);
    }

    private FrontlineOutgoing(ConversationsApi api, CallbackSender callbacks, String callbackUrl, boolean webhooks) {
        this.api = Objects.requireNonNull(api, "api");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new IllegalArgumentException("[" + callbackUrl
                    + "] is not a callback URL: expected like https://svc.example.com/callbacks/outgoing-conversation");
        }
        this.callbackUrl = callbackUrl;
        this.webhooks = webhooks;
    }

    /** The same flow, with the app's API calls firing webhooks (the default) or not. */
    public FrontlineOutgoing webhooks(boolean enabled) {
        return new FrontlineOutgoing(api, callbacks, callbackUrl, enabled);
    }

    /**
     * A worker starts a conversation with a customer.
     *
     * @param worker the worker's identity, e.g. {@code alice@example.com}
     * @param customerId the CRM's customer ID, sent as {@code CustomerId}
     * @param channelType {@code sms} or {@code whatsapp} (Frontline's {@code chat} is not simulated)
     * @param channelValue the customer's address, e.g. {@code +15551230001} or {@code whatsapp:+15551230001}
     * @return the conversation with both participants
     * @throws IllegalArgumentException for bad input, before anything is created
     * @throws TwilioApiException when a step fails, after the half-made conversation was removed
     */
    public OutgoingConversation start(String worker, String customerId, String channelType, String channelValue) {
        Address customer = validate(worker, customerId, channelType, channelValue);
        Conversation conversation = api.createConversation(new ConversationRequest().webhookEnabled(webhooks));
        String sid = conversation.sid();

        Map<String, String> params = new LinkedHashMap<>();
        params.put("Location", "GetProxyAddress");
        params.put("Worker", worker);
        params.put("CustomerId", customerId);
        params.put("ChannelType", channelType);
        params.put("ChannelValue", channelValue);
        WebhookResponse answer = callbacks.send(WebhookScope.FRONTLINE, callbackUrl, "GetProxyAddress", params);
        if (answer.timedOut() || answer.status() != 200) {
            throw removed(sid, new TwilioApiException(CALLBACK_FAILED, 502, "The outgoing conversation callback "
                    + callbackUrl + " answered " + answer + " to GetProxyAddress: expected 200 with a body like "
                    + "{\"proxy_address\": \"+15005550006\"}; " + sid + " was removed"));
        }
        String proxy = proxyAddress(answer.body());
        if (proxy == null) {
            throw removed(sid, new TwilioApiException(CALLBACK_FAILED, 502, "The outgoing conversation callback "
                    + callbackUrl + " answered 200 without a proxy_address: expected a body like "
                    + "{\"proxy_address\": \"+15005550006\"}, got [" + answer.body() + "]; " + sid + " was removed"));
        }
        if (customer.channel() == Channel.WHATSAPP && !proxy.startsWith("whatsapp:")) {
            proxy = "whatsapp:" + proxy;
        }

        Participant customerParticipant;
        try {
            customerParticipant = api.createParticipant(sid, new ParticipantRequest().address(customer.value())
                    .proxyAddress(proxy).webhookEnabled(webhooks));
        } catch (TwilioApiException e) {
            if (e.code() == 50416) {
                TwilioApiException exists = new TwilioApiException(OUTGOING_CONVERSATION_EXISTS, 409,
                        "Outgoing conversation already exists for this contact and proxy address: " + customer
                                + " → " + proxy + " (" + e.getMessage() + "); " + sid + " was removed");
                exists.initCause(e);
                throw removed(sid, exists);
            }
            throw removed(sid, e);
        }
        Participant workerParticipant;
        try {
            workerParticipant = api.createParticipant(sid, new ParticipantRequest().identity(worker)
                    .webhookEnabled(webhooks));
        } catch (TwilioApiException e) {
            throw removed(sid, e);
        }
        return new OutgoingConversation(api.fetchConversation(sid), customerParticipant, workerParticipant,
                customerParticipant.messagingBinding().proxyAddress().value());
    }

    private static Address validate(String worker, String customerId, String channelType, String channelValue) {
        if (worker == null || worker.isBlank()) {
            throw new IllegalArgumentException("[" + worker + "] is not a worker identity: expected like alice@example.com");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("[" + customerId
                    + "] is not a customer ID: give the customer_id your CRM callback returns, e.g. 42");
        }
        if ("chat".equals(channelType)) {
            throw new IllegalArgumentException(
                    "[chat] outgoing chat conversations are not simulated: expected sms or whatsapp");
        }
        if (!"sms".equals(channelType) && !"whatsapp".equals(channelType)) {
            throw new IllegalArgumentException("[" + channelType + "] is not a channel type: expected sms or whatsapp");
        }
        if (channelValue == null) {
            throw new IllegalArgumentException("[null] is not a channel value: expected like +15551230001");
        }
        boolean whatsapp = channelType.equals("whatsapp");
        if (!whatsapp && channelValue.startsWith("whatsapp:")) {
            throw new IllegalArgumentException("[" + channelValue
                    + "] is a WhatsApp address but ChannelType is sms: send ChannelType whatsapp, or the bare number");
        }
        return Address.parse(whatsapp && !channelValue.startsWith("whatsapp:") ? "whatsapp:" + channelValue
                : channelValue);
    }

    private static String proxyAddress(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
        JsonNode proxy = json == null ? null : json.get("proxy_address");
        return proxy != null && proxy.isTextual() && !proxy.asText().isBlank() ? proxy.asText() : null;
    }

    /** Removes the half-made conversation and returns the error to throw. */
    private TwilioApiException removed(String sid, TwilioApiException error) {
        try {
            api.deleteConversation(sid, webhooks);
        } catch (TwilioApiException rejected) {
            try {
                api.deleteConversation(sid, false);
            } catch (TwilioApiException gone) {
                // already removed (by a handler): nothing is left behind either way
            }
        }
        return error;
    }

    @Override
    public String toString() {
        return "FrontlineOutgoing(" + callbackUrl + (webhooks ? "" : ", webhooks off") + ")";
    }
}
