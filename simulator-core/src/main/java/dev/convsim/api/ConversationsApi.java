package dev.convsim.api;

import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.Configuration;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationService;
import dev.convsim.model.Message;
import dev.convsim.model.Participant;
import dev.convsim.webhook.ConversationWebhook;
import dev.convsim.webhook.WebhookConfiguration;
import java.util.List;

/**
 * The Conversations v1 resources as typed Java calls, mirroring Twilio's REST API and its form parameters. Every
 * failure is a {@link TwilioApiException} with Twilio's code, HTTP status and message, and changes nothing.
 * Calls fire webhooks only when the request says {@link ApiRequest#webhookEnabled(boolean)} (Twilio's
 * {@code X-Twilio-Webhook-Enabled: true}).
 *
 * <pre>{@code
 * Conversation c = sim.api().createConversation(new ConversationRequest().friendlyName("Support"));
 * sim.api().createParticipant(c.sid(), new ParticipantRequest().address("+15551230001").proxyAddress("+15005550001"));
 * }</pre>
 */
public interface ConversationsApi {

    // --- conversations

    /** Creates a conversation in the default conversation service. */
    Conversation createConversation(ConversationRequest request);

    /** Creates a conversation in the given conversation service ({@code /v1/Services/{IS}/Conversations}). */
    Conversation createConversation(String chatServiceSid, ConversationRequest request);

    /** Fetches a conversation by SID or unique name. */
    Conversation fetchConversation(String sidOrUniqueName);

    /** Updates a conversation (name, attributes, state, timers). */
    Conversation updateConversation(String sidOrUniqueName, ConversationRequest request);

    /** Deletes a conversation, releasing its bindings. */
    void deleteConversation(String sidOrUniqueName, boolean webhookEnabled);

    /** Lists all conversations in creation order. */
    List<Conversation> listConversations();

    /** Lists the conversations of one conversation service. */
    List<Conversation> listConversations(String chatServiceSid);

    // --- participants

    /** Adds a participant: identity, number pair, group member or projected address. */
    Participant createParticipant(String conversation, ParticipantRequest request);

    /** Fetches a participant by SID or identity. */
    Participant fetchParticipant(String conversation, String sidOrIdentity);

    /** Updates a participant. */
    Participant updateParticipant(String conversation, String sidOrIdentity, ParticipantRequest request);

    /** Removes a participant, releasing its binding. */
    void deleteParticipant(String conversation, String sidOrIdentity, boolean webhookEnabled);

    /** Lists a conversation's participants in the order they joined. */
    List<Participant> listParticipants(String conversation);

    /** Lists the participants across conversations that have this address (a participant conversation search). */
    List<Participant> findParticipantsByAddress(String address);

    /** Lists the participants across conversations that have this identity. */
    List<Participant> findParticipantsByIdentity(String identity);

    // --- messages

    /** Sends a message into a conversation. */
    Message createMessage(String conversation, MessageRequest request);

    /** Fetches a message by SID. */
    Message fetchMessage(String conversation, String messageSid);

    /** Updates a message's body, author or attributes. */
    Message updateMessage(String conversation, String messageSid, MessageRequest request);

    /** Deletes a message. */
    void deleteMessage(String conversation, String messageSid, boolean webhookEnabled);

    /** Lists a conversation's messages by index. */
    List<Message> listMessages(String conversation);

    // --- address configurations

    /** Creates an address configuration (one per address). */
    AddressConfiguration createAddressConfiguration(AddressConfigurationRequest request);

    /** Fetches an address configuration by SID or address. */
    AddressConfiguration fetchAddressConfiguration(String sidOrAddress);

    /** Updates an address configuration. */
    AddressConfiguration updateAddressConfiguration(String sidOrAddress, AddressConfigurationRequest request);

    /** Deletes an address configuration. */
    void deleteAddressConfiguration(String sidOrAddress);

    /** Lists address configurations in creation order. */
    List<AddressConfiguration> listAddressConfigurations();

    // --- conversation services

    /** Creates a conversation service. */
    ConversationService createService(String friendlyName);

    /** Fetches a conversation service. */
    ConversationService fetchService(String chatServiceSid);

    /** Deletes a conversation service and its conversations. */
    void deleteService(String chatServiceSid);

    /** Lists conversation services in creation order. */
    List<ConversationService> listServices();

    // --- configuration and webhooks

    /** The account configuration: default services and timers. */
    Configuration fetchConfiguration();

    /** Updates the account configuration. */
    Configuration updateConfiguration(ConfigurationRequest request);

    /** The global webhook configuration. */
    WebhookConfiguration fetchGlobalWebhooks();

    /** Updates the global webhook configuration. */
    WebhookConfiguration updateGlobalWebhooks(WebhookConfigurationRequest request);

    /** A service's webhook configuration. */
    WebhookConfiguration fetchServiceWebhooks(String chatServiceSid);

    /** Updates a service's webhook configuration. */
    WebhookConfiguration updateServiceWebhooks(String chatServiceSid, WebhookConfigurationRequest request);

    /** Adds a conversation-scoped webhook. */
    ConversationWebhook createConversationWebhook(String conversation, ConversationWebhookRequest request);

    /** Fetches a conversation-scoped webhook. */
    ConversationWebhook fetchConversationWebhook(String conversation, String webhookSid);

    /** Updates a conversation-scoped webhook. */
    ConversationWebhook updateConversationWebhook(String conversation, String webhookSid, ConversationWebhookRequest request);

    /** Deletes a conversation-scoped webhook. */
    void deleteConversationWebhook(String conversation, String webhookSid);

    /** Lists a conversation's scoped webhooks. */
    List<ConversationWebhook> listConversationWebhooks(String conversation);
}
