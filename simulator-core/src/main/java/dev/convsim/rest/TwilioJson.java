package dev.convsim.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convsim.api.TwilioApiException;
import dev.convsim.model.Address;
import dev.convsim.model.AddressConfiguration;
import dev.convsim.model.AutoCreation;
import dev.convsim.model.AutoCreationType;
import dev.convsim.model.Configuration;
import dev.convsim.model.Conversation;
import dev.convsim.model.ConversationService;
import dev.convsim.model.Media;
import dev.convsim.model.Message;
import dev.convsim.model.MessagingBinding;
import dev.convsim.model.Participant;
import dev.convsim.model.Timers;
import dev.convsim.webhook.ConversationWebhook;
import dev.convsim.webhook.WebhookConfiguration;
import dev.convsim.webhook.WebhookEvent;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Renders convsim's resource snapshots as Twilio's Conversations v1 JSON: snake_case keys in the order of the
 * OpenAPI schema, every schema property present (null where Twilio has null), dates as {@code 2015-12-16T22:18:37Z},
 * and {@code url}/{@code links} under {@code https://conversations.twilio.com/v1}. Methods named {@code service…}
 * render the copies of a resource under {@code /v1/Services/{ChatServiceSid}/…}, which also carry
 * {@code chat_service_sid}.
 *
 * <pre>{@code
 * String json = TwilioJson.write(TwilioJson.conversation(sim.api().fetchConversation("CH…01")));
 * }</pre>
 */
public final class TwilioJson {

    /** Twilio's Conversations API host, as page URLs start with it. */
    public static final String ORIGIN = "https://conversations.twilio.com";

    /** The root every {@code url} and {@code links} value starts with. */
    public static final String BASE_URL = ORIGIN + "/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TwilioJson() {
    }

    // ------------------------------------------------------------------ values

    /** A date as Twilio writes it: ISO-8601 UTC with second precision, e.g. {@code 2015-12-16T22:18:37Z}; null stays null. */
    public static String date(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A duration as Twilio writes it ({@code PT1M}); null stays null. */
    public static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    /** Compact JSON text of a node. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A conversation's {@code timers}: {@code {}}, or the keys {@code date_inactive} / {@code date_closed} that are set. */
    public static ObjectNode timers(Timers timers) {
        ObjectNode out = NODES.objectNode();
        if (timers != null) {
            if (timers.dateInactive() != null) {
                out.put("date_inactive", date(timers.dateInactive()));
            }
            if (timers.dateClosed() != null) {
                out.put("date_closed", date(timers.dateClosed()));
            }
        }
        return out;
    }

    /**
     * A participant's {@code messaging_binding}: {@code {type, address, proxy_address}} for a 1:1 pair,
     * {@code {type, address}} for a group member, {@code {type, projected_address}} for a projected identity, and
     * null for a pure chat participant.
     */
    public static JsonNode messagingBinding(MessagingBinding binding) {
        if (binding == null) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", binding.type().wire());
        if (binding.address() != null) {
            out.put("address", binding.address().value());
        }
        if (binding.proxyAddress() != null) {
            out.put("proxy_address", binding.proxyAddress().value());
        }
        if (binding.projectedAddress() != null) {
            out.put("projected_address", binding.projectedAddress().value());
        }
        return out;
    }

    /** An error as Twilio's API answers it: {@code {code, message, more_info, status}}. */
    public static ObjectNode error(TwilioApiException error) {
        ObjectNode out = NODES.objectNode();
        out.put("code", error.code());
        out.put("message", error.getMessage());
        out.put("more_info", error.moreInfo());
        out.put("status", error.status());
        return out;
    }

    // ------------------------------------------------------------------ conversations

    /** A Conversation ({@code conversations.v1.conversation}) under {@code /v1/Conversations}. */
    public static ObjectNode conversation(Conversation c) {
        return conversation(c, BASE_URL + "/Conversations/" + c.sid());
    }

    /** A Conversation ({@code service_conversation}) under {@code /v1/Services/{its service}/Conversations}. */
    public static ObjectNode serviceConversation(Conversation c) {
        return conversation(c, serviceBase(c.chatServiceSid()) + "/Conversations/" + c.sid());
    }

    private static ObjectNode conversation(Conversation c, String url) {
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", c.accountSid());
        out.put("chat_service_sid", c.chatServiceSid());
        out.put("messaging_service_sid", c.messagingServiceSid());
        out.put("sid", c.sid());
        out.put("friendly_name", c.friendlyName());
        out.put("unique_name", c.uniqueName());
        out.put("attributes", c.attributes());
        out.put("state", c.state() == null ? null : c.state().wire());
        out.put("date_created", date(c.dateCreated()));
        out.put("date_updated", date(c.dateUpdated()));
        out.set("timers", timers(c.timers()));
        out.put("url", url);
        ObjectNode links = out.putObject("links");
        links.put("participants", url + "/Participants");
        links.put("messages", url + "/Messages");
        links.put("webhooks", url + "/Webhooks");
        links.put("export", url + "/Export");
        // email bindings are not simulated; Twilio shows {} for conversations without them
        out.putObject("bindings");
        return out;
    }

    // ------------------------------------------------------------------ participants

    /** A Participant ({@code conversation_participant}) under {@code /v1/Conversations/{CH}/Participants}. */
    public static ObjectNode participant(Participant p) {
        return participant(p, null);
    }

    /** A Participant ({@code service_conversation_participant}) under {@code /v1/Services/{IS}/Conversations/…}. */
    public static ObjectNode serviceParticipant(Participant p, String chatServiceSid) {
        return participant(p, requireService(chatServiceSid));
    }

    private static ObjectNode participant(Participant p, String chatServiceSid) {
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", p.accountSid());
        if (chatServiceSid != null) {
            out.put("chat_service_sid", chatServiceSid);
        }
        out.put("conversation_sid", p.conversationSid());
        out.put("sid", p.sid());
        out.put("identity", p.identity());
        out.put("attributes", p.attributes());
        out.set("messaging_binding", messagingBinding(p.messagingBinding()));
        out.put("role_sid", p.roleSid());
        out.put("date_created", date(p.dateCreated()));
        out.put("date_updated", date(p.dateUpdated()));
        out.put("url", conversationBase(chatServiceSid, p.conversationSid()) + "/Participants/" + p.sid());
        if (p.lastReadMessageIndex() == null) {
            out.putNull("last_read_message_index");
        } else {
            out.put("last_read_message_index", p.lastReadMessageIndex().intValue());
        }
        out.put("last_read_timestamp", date(p.lastReadTimestamp()));
        return out;
    }

    // ------------------------------------------------------------------ messages

    /** A Message ({@code conversation_message}) under {@code /v1/Conversations/{CH}/Messages}. */
    public static ObjectNode message(Message m) {
        return message(m, null);
    }

    /** A Message ({@code service_conversation_message}) under {@code /v1/Services/{IS}/Conversations/…}. */
    public static ObjectNode serviceMessage(Message m, String chatServiceSid) {
        return message(m, requireService(chatServiceSid));
    }

    private static ObjectNode message(Message m, String chatServiceSid) {
        String url = conversationBase(chatServiceSid, m.conversationSid()) + "/Messages/" + m.sid();
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", m.accountSid());
        if (chatServiceSid != null) {
            out.put("chat_service_sid", chatServiceSid);
        }
        out.put("conversation_sid", m.conversationSid());
        out.put("sid", m.sid());
        out.put("index", m.index());
        out.put("author", m.author());
        out.put("body", m.body());
        if (m.media().isEmpty()) {
            out.putNull("media");
        } else {
            ArrayNode media = out.putArray("media");
            for (Media item : m.media()) {
                ObjectNode each = media.addObject();
                each.put("sid", item.sid());
                each.put("size", item.size());
                each.put("content_type", item.contentType());
                each.put("filename", item.filename());
            }
        }
        out.put("attributes", m.attributes());
        out.put("participant_sid", m.participantSid());
        out.put("date_created", date(m.dateCreated()));
        out.put("date_updated", date(m.dateUpdated()));
        out.put("url", url);
        // delivery receipts are not simulated: Twilio has null until a receipt exists
        out.putNull("delivery");
        ObjectNode links = out.putObject("links");
        links.put("delivery_receipts", url + "/Receipts");
        links.put("channel_metadata", url + "/ChannelMetadata");
        out.putNull("content_sid");
        return out;
    }

    // ------------------------------------------------------------------ conversation-scoped webhooks

    /** A conversation-scoped Webhook ({@code conversation_scoped_webhook}) under {@code /v1/Conversations/{CH}/Webhooks}. */
    public static ObjectNode conversationWebhook(ConversationWebhook w) {
        return conversationWebhook(w, null);
    }

    /** A conversation-scoped Webhook ({@code service_conversation_scoped_webhook}) under {@code /v1/Services/{IS}/…}. */
    public static ObjectNode serviceConversationWebhook(ConversationWebhook w, String chatServiceSid) {
        return conversationWebhook(w, requireService(chatServiceSid));
    }

    private static ObjectNode conversationWebhook(ConversationWebhook w, String chatServiceSid) {
        ObjectNode out = NODES.objectNode();
        out.put("sid", w.sid());
        out.put("account_sid", w.accountSid());
        if (chatServiceSid != null) {
            out.put("chat_service_sid", chatServiceSid);
        }
        out.put("conversation_sid", w.conversationSid());
        out.put("target", w.target());
        out.put("url", conversationBase(chatServiceSid, w.conversationSid()) + "/Webhooks/" + w.sid());
        ObjectNode configuration = out.putObject("configuration");
        if (w.url() != null) {
            configuration.put("url", w.url());
        }
        if (w.method() != null && !"studio".equals(w.target())) {
            // the scoped webhook's method enum is lower-case (get, post)
            configuration.put("method", w.method().toLowerCase(Locale.ROOT));
        }
        if (!w.filters().isEmpty()) {
            strings(configuration.putArray("filters"), w.filters());
        }
        if (!w.triggers().isEmpty()) {
            strings(configuration.putArray("triggers"), w.triggers());
        }
        if (w.flowSid() != null) {
            configuration.put("flow_sid", w.flowSid());
        }
        if (w.replayAfter() != null) {
            configuration.put("replay_after", w.replayAfter().intValue());
        }
        out.put("date_created", date(w.dateCreated()));
        out.put("date_updated", date(w.dateUpdated()));
        return out;
    }

    // ------------------------------------------------------------------ configuration

    /** An Address Configuration ({@code configuration_address}) under {@code /v1/Configuration/Addresses}. */
    public static ObjectNode addressConfiguration(AddressConfiguration a) {
        ObjectNode out = NODES.objectNode();
        out.put("sid", a.sid());
        out.put("account_sid", a.accountSid());
        out.put("type", a.type().wire());
        out.put("address", a.address() == null ? null : a.address().value());
        out.put("friendly_name", a.friendlyName());
        out.set("auto_creation", autoCreation(a.autoCreation()));
        out.put("date_created", date(a.dateCreated()));
        out.put("date_updated", date(a.dateUpdated()));
        out.put("url", BASE_URL + "/Configuration/Addresses/" + a.sid());
        // only short codes have a country in Twilio's answers; convsim simulates long codes and WhatsApp
        out.putNull("address_country");
        return out;
    }

    /**
     * An address configuration's {@code auto_creation}: {@code enabled}, {@code type}, the service when set, and
     * the keys of its type ({@code webhook_url}, {@code webhook_method}, {@code webhook_filters} for webhook;
     * {@code studio_flow_sid}, {@code studio_retry_count} for studio), as in Twilio's examples.
     */
    public static ObjectNode autoCreation(AutoCreation a) {
        ObjectNode out = NODES.objectNode();
        out.put("enabled", a.enabled());
        out.put("type", a.type().wire());
        if (a.conversationServiceSid() != null) {
            out.put("conversation_service_sid", a.conversationServiceSid());
        }
        if (a.type() == AutoCreationType.WEBHOOK || a.webhookUrl() != null) {
            out.put("webhook_url", a.webhookUrl());
            out.put("webhook_method", a.webhookMethod() == null ? "POST" : a.webhookMethod());
            strings(out.putArray("webhook_filters"), a.webhookFilters());
        }
        if (a.type() == AutoCreationType.STUDIO || a.studioFlowSid() != null) {
            out.put("studio_flow_sid", a.studioFlowSid());
            if (a.studioRetryCount() == null) {
                out.putNull("studio_retry_count");
            } else {
                out.put("studio_retry_count", a.studioRetryCount().intValue());
            }
        }
        return out;
    }

    /** The account Configuration ({@code conversations.v1.configuration}) at {@code /v1/Configuration}. */
    public static ObjectNode configuration(Configuration c) {
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", c.accountSid());
        out.put("default_chat_service_sid", c.defaultChatServiceSid());
        out.put("default_messaging_service_sid", c.defaultMessagingServiceSid());
        out.put("default_inactive_timer", duration(c.defaultInactiveTimer()));
        out.put("default_closed_timer", duration(c.defaultClosedTimer()));
        out.put("url", BASE_URL + "/Configuration");
        ObjectNode links = out.putObject("links");
        links.put("service", c.defaultChatServiceSid() == null
                ? null
                : serviceBase(c.defaultChatServiceSid()) + "/Configuration");
        links.put("webhooks", BASE_URL + "/Configuration/Webhooks");
        return out;
    }

    /** The global webhooks ({@code configuration_webhook}) at {@code /v1/Configuration/Webhooks}. */
    public static ObjectNode globalWebhooks(WebhookConfiguration w, String accountSid) {
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", accountSid);
        out.put("method", w.method());
        strings(out.putArray("filters"), eventNames(w));
        out.put("pre_webhook_url", w.preWebhookUrl());
        out.put("post_webhook_url", w.postWebhookUrl());
        out.put("target", w.target());
        out.put("url", BASE_URL + "/Configuration/Webhooks");
        return out;
    }

    /** A service's webhooks ({@code service_webhook_configuration}) at {@code /v1/Services/{IS}/Configuration/Webhooks}. */
    public static ObjectNode serviceWebhooks(WebhookConfiguration w, String accountSid) {
        String service = requireService(w.chatServiceSid());
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", accountSid);
        out.put("chat_service_sid", service);
        out.put("pre_webhook_url", w.preWebhookUrl());
        out.put("post_webhook_url", w.postWebhookUrl());
        strings(out.putArray("filters"), eventNames(w));
        out.put("method", w.method());
        out.put("url", serviceBase(service) + "/Configuration/Webhooks");
        return out;
    }

    /** A Conversation Service ({@code conversations.v1.service}) under {@code /v1/Services}. */
    public static ObjectNode service(ConversationService s) {
        String url = serviceBase(s.sid());
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", s.accountSid());
        out.put("sid", s.sid());
        out.put("friendly_name", s.friendlyName());
        out.put("date_created", date(s.dateCreated()));
        out.put("date_updated", date(s.dateUpdated()));
        out.put("url", url);
        ObjectNode links = out.putObject("links");
        links.put("conversations", url + "/Conversations");
        links.put("users", url + "/Users");
        links.put("roles", url + "/Roles");
        links.put("bindings", url + "/Bindings");
        links.put("configuration", url + "/Configuration");
        links.put("participant_conversations", url + "/ParticipantConversations");
        links.put("conversation_with_participants", url + "/ConversationWithParticipants");
        return out;
    }

    // ------------------------------------------------------------------ participant conversations

    /** One entry of {@code GET /v1/ParticipantConversations} ({@code participant_conversation}). */
    public static ObjectNode participantConversation(Participant p, Conversation c) {
        return participantConversation(p, c, BASE_URL + "/Conversations/" + c.sid());
    }

    /** One entry of {@code GET /v1/Services/{IS}/ParticipantConversations} ({@code service_participant_conversation}). */
    public static ObjectNode serviceParticipantConversation(Participant p, Conversation c) {
        return participantConversation(p, c, serviceBase(c.chatServiceSid()) + "/Conversations/" + c.sid());
    }

    private static ObjectNode participantConversation(Participant p, Conversation c, String conversationUrl) {
        ObjectNode out = NODES.objectNode();
        out.put("account_sid", c.accountSid());
        out.put("chat_service_sid", c.chatServiceSid());
        out.put("participant_sid", p.sid());
        // Conversation Users are not simulated
        out.putNull("participant_user_sid");
        out.put("participant_identity", p.identity());
        out.set("participant_messaging_binding", participantConversationBinding(p.messagingBinding()));
        out.put("conversation_sid", c.sid());
        out.put("conversation_unique_name", c.uniqueName());
        out.put("conversation_friendly_name", c.friendlyName());
        out.put("conversation_attributes", c.attributes());
        out.put("conversation_date_created", date(c.dateCreated()));
        out.put("conversation_date_updated", date(c.dateUpdated()));
        // the creator's identity: conversations made by the API or by autocreation have none in convsim
        out.putNull("conversation_created_by");
        out.put("conversation_state", c.state() == null ? null : c.state().wire());
        out.set("conversation_timers", timers(c.timers()));
        ObjectNode links = out.putObject("links");
        links.put("participant", conversationUrl + "/Participants/" + p.sid());
        links.put("conversation", conversationUrl);
        return out;
    }

    /** The participant-conversation binding, which Twilio shows with every key (null where unset). */
    private static JsonNode participantConversationBinding(MessagingBinding b) {
        if (b == null) {
            return NODES.nullNode();
        }
        ObjectNode out = NODES.objectNode();
        out.put("address", value(b.address()));
        out.put("proxy_address", value(b.proxyAddress()));
        out.put("type", b.type().wire());
        out.putNull("level");
        out.putNull("name");
        out.put("projected_address", value(b.projectedAddress()));
        return out;
    }

    // ------------------------------------------------------------------ helpers

    static String serviceBase(String chatServiceSid) {
        return BASE_URL + "/Services/" + chatServiceSid;
    }

    static String conversationBase(String chatServiceSid, String conversationSid) {
        return chatServiceSid == null
                ? BASE_URL + "/Conversations/" + conversationSid
                : serviceBase(chatServiceSid) + "/Conversations/" + conversationSid;
    }

    private static String requireService(String chatServiceSid) {
        if (chatServiceSid == null) {
            throw new IllegalArgumentException("[null] is not a conversation service SID: "
                    + "a service-scoped resource needs its IS… SID");
        }
        return chatServiceSid;
    }

    private static String value(Address address) {
        return address == null ? null : address.value();
    }

    private static List<String> eventNames(WebhookConfiguration w) {
        return w.filters().stream().map(WebhookEvent::wire).toList();
    }

    private static void strings(ArrayNode array, List<String> values) {
        for (String v : values) {
            array.add(v);
        }
    }
}
