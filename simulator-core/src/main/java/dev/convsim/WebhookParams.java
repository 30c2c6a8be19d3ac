package dev.convsim;

import dev.convsim.model.Address;
import dev.convsim.model.Media;
import dev.convsim.model.Message;
import dev.convsim.webhook.WebhookEvent;
import dev.convsim.webhook.WebhookForm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds the form parameters of each webhook event, with Twilio's names, in the order Twilio's docs list them. */
final class WebhookParams {

    /** 10000-01-01T00:00:00Z: from here on Instant.toString writes a sign and five digits. */
    private static final long LAST_FOUR_DIGIT_YEAR_END = 253_402_300_800L;

    /** Alternating names and values, in insertion order: cheaper than a map for the few dozen a webhook has. */
    private String[] namesAndValues = new String[32];
    /** The names' hash codes, so that looking for a repeated name rarely compares strings. */
    private int[] nameHashes = new int[16];
    private int length;

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

    /** The instant to the second, as {@code Instant.toString()} writes it: {@code 2026-01-01T00:00:00Z}. */
    static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= LAST_FOUR_DIGIT_YEAR_END) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        // the same text as Instant.toString, without its formatter: this runs for every date of every webhook
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int secondOfDay = (int) (seconds % 86_400);
        byte[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
            'Z'};
        int year = date.getYear();
        out[0] = (byte) ('0' + year / 1000);
        out[1] = (byte) ('0' + year / 100 % 10);
        out[2] = (byte) ('0' + year / 10 % 10);
        out[3] = (byte) ('0' + year % 10);
        twoDigits(out, 5, date.getMonthValue());
        twoDigits(out, 8, date.getDayOfMonth());
        twoDigits(out, 11, secondOfDay / 3600);
        twoDigits(out, 14, secondOfDay / 60 % 60);
        twoDigits(out, 17, secondOfDay % 60);
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static void twoDigits(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
    }

    WebhookParams put(String name, String value) {
        if (value == null) {
            return this;
        }
        int hash = name.hashCode();
        for (int i = 0; i < length; i += 2) {
            if (nameHashes[i / 2] == hash && namesAndValues[i].equals(name)) {
                namesAndValues[i + 1] = value; // a repeated name keeps its first position, as a map put does
                return this;
            }
        }
        if (length == namesAndValues.length) {
            namesAndValues = Arrays.copyOf(namesAndValues, length * 2);
            nameHashes = Arrays.copyOf(nameHashes, length);
        }
        nameHashes[length / 2] = hash;
        namesAndValues[length++] = name;
        namesAndValues[length++] = value;
        return this;
    }

    WebhookParams put(String name, Address value) {
        return put(name, value == null ? null : value.value());
    }

    WebhookParams put(String name, Instant value) {
        return put(name, iso(value));
    }

    /** The parameters so far, as an immutable map in insertion order. */
    Map<String, String> build() {
        return WebhookForm.of(namesAndValues, length);
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
        put("ConversationSid", p.conversationSid());
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
