package dev.convsim;

import dev.convsim.model.Address;
import dev.convsim.model.Media;
import dev.convsim.model.Message;
import dev.convsim.webhook.WebhookEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the form parameters of each webhook event, with Twilio's names, in the order Twilio's docs list them. */
final class WebhookParams {

    private final Map<String, String> map = new LinkedHashMap<>(24);

    private WebhookParams() {
    }

    static WebhookParams start(String accountSid, WebhookEvent event, String source) {
        WebhookParams p = new WebhookParams();
        p.put("AccountSid", accountSid);
        p.put("EventType", event.wire());
        p.put("Source", source);
        p.put("RetryCount", "0");
        return p;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    WebhookParams put(String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
        return this;
    }

    WebhookParams put(String name, Address value) {
        return put(name, value == null ? null : value.value());
    }

    WebhookParams put(String name, Instant value) {
        return put(name, iso(value));
    }

    Map<String, String> build() {
        return map;
    }

    /** onConversationAdd, onConversationAdded, …Update(d), …Remove(d): the conversation's fields. */
    WebhookParams conversation(ConvEntity c) {
        put("ConversationSid", c.sid);
        put("DateCreated", c.dateCreated);
        put("DateUpdated", c.dateUpdated);
        put("FriendlyName", c.friendlyName);
        put("UniqueName", c.uniqueName);
        put("Attributes", c.attributes);
        put("ChatServiceSid", c.chatServiceSid);
        put("MessagingServiceSid", c.messagingServiceSid);
        return this;
    }

    /** The MessagingBinding.* fields of an autocreating message: a 1:1 pair, or a group's addresses and author. */
    WebhookParams inboundBinding(Address from, Address to, List<Address> group) {
        if (group == null) {
            put("MessagingBinding.ProxyAddress", to);
            put("MessagingBinding.Address", from);
        } else {
            StringBuilder addresses = new StringBuilder();
            for (Address a : group) {
                if (!a.equals(to)) {
                    addresses.append(addresses.length() == 0 ? "" : ",").append(a.value());
                }
            }
            put("MessagingBinding.Address", addresses.toString());
            put("MessagingBinding.ProjectedAddress", to);
            put("MessagingBinding.AuthorAddress", from);
        }
        return this;
    }

    /** onParticipantAdd(ed), …Update(d), …Remove(d). */
    WebhookParams participant(PartEntity p, boolean withSid) {
        put("ConversationSid", p.conversationSid);
        if (withSid) {
            put("ParticipantSid", p.sid);
        }
        put("Identity", p.identity);
        put("RoleSid", p.roleSid);
        put("Attributes", p.attributes);
        put("MessagingBinding.ProxyAddress", p.proxyAddress);
        put("MessagingBinding.Address", p.address);
        put("MessagingBinding.ProjectedAddress", p.projectedAddress);
        Address any = p.address != null ? p.address : p.projectedAddress;
        put("MessagingBinding.Type", any == null ? "CHAT" : any.channel().webhookValue());
        if (withSid) {
            put("DateCreated", p.dateCreated);
        }
        return this;
    }

    /** onMessageAdded, …Updated, …Removed. */
    WebhookParams message(Message m, String messagingServiceSid) {
        put("ConversationSid", m.conversationSid());
        put("MessageSid", m.sid());
        put("MessagingServiceSid", messagingServiceSid);
        put("Index", Integer.toString(m.index()));
        put("DateCreated", m.dateCreated());
        put("Body", m.body());
        put("Author", m.author());
        put("ParticipantSid", m.participantSid());
        put("Attributes", m.attributes());
        media(m.media());
        return this;
    }

    /** Media as Twilio sends it: a JSON array string of {Sid, Filename, ContentType, Size}. */
    WebhookParams media(List<Media> media) {
        if (media.isEmpty()) {
            return this;
        }
        var array = FormReader.JSON.createArrayNode();
        for (Media m : media) {
            var node = array.addObject();
            node.put("Sid", m.sid());
            node.put("Filename", m.filename());
            node.put("ContentType", m.contentType());
            node.put("Size", m.size());
        }
        return put("Media", array.toString());
    }
}
