package dev.convsim.inbound;

import dev.convsim.model.Address;
import dev.convsim.model.Sids;
import java.util.List;

/**
 * The facts the inbound decision looked at, in the order it looked, from which an outcome builds its explanation
 * on demand. Null fields mean "not looked at" or "none".
 *
 * @param group the number group of a group MMS, or null for a 1:1 message
 * @param addressConfigurationSid the address configuration for To, or null when To has none
 * @param addressConfigurationEnabled whether that configuration autocreates
 * @param messagingServiceSid the messaging service whose sender pool holds To, or null
 * @param messagingServiceAutocreates whether that service's integration autocreates a conversation
 * @param messagingServiceNote when the pool or integration last changed, if it did after the simulator was built
 * @param addressConfigurationFirst whether the address configuration was tried before the messaging service
 */
public record InboundTrail(
        Address from,
        Address to,
        List<Address> group,
        String addressConfigurationSid,
        Boolean addressConfigurationEnabled,
        String messagingServiceSid,
        Boolean messagingServiceAutocreates,
        String messagingServiceNote,
        boolean addressConfigurationFirst) {

    /** Words for "no conversation binds this message". */
    public String notCaptured() {
        if (group != null) {
            return "no non-closed conversation has the number group " + groupText();
        }
        return "no non-closed conversation binds " + from + " → " + to;
    }

    /** The number group as text. */
    public String groupText() {
        return group == null ? "" : group.toString();
    }

    /** Words for the autocreation rules tried, in the order they were tried, up to the one that decided. */
    public String autocreationRules(boolean stopAtFirstMatch) {
        String ac = addressConfigurationWords();
        String ms = messagingServiceWords();
        boolean acMatched = Boolean.TRUE.equals(addressConfigurationEnabled);
        boolean msMatched = Boolean.TRUE.equals(messagingServiceAutocreates);
        if (addressConfigurationFirst) {
            return stopAtFirstMatch && acMatched ? ac : ac + "; " + ms;
        }
        return stopAtFirstMatch && msMatched ? ms : ms + "; " + ac;
    }

    private String addressConfigurationWords() {
        if (addressConfigurationSid == null) {
            return to + " has no address configuration";
        }
        return "address configuration " + Sids.abbreviate(addressConfigurationSid) + " for " + to
                + (Boolean.TRUE.equals(addressConfigurationEnabled)
                        ? " has autocreation enabled"
                        : " has autocreation disabled");
    }

    private String messagingServiceWords() {
        String note = messagingServiceNote == null ? "" : " (" + messagingServiceNote + ")";
        if (messagingServiceSid == null) {
            return to + " is in no messaging service that autocreates" + note;
        }
        if (Boolean.TRUE.equals(messagingServiceAutocreates)) {
            return to + " is in messaging service " + Sids.abbreviate(messagingServiceSid) + note
                    + "; its integration autocreates";
        }
        return to + " is in messaging service " + Sids.abbreviate(messagingServiceSid) + note
                + ", whose integration sends a webhook, not autocreation";
    }
}
