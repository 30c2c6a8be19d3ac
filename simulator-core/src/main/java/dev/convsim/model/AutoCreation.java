package dev.convsim.model;

import java.util.List;

/**
 * An address configuration's {@code auto_creation} object.
 *
 * @param conversationServiceSid null: the account's default conversation service
 * @param webhookMethod {@code GET} or {@code POST}
 * @param webhookFilters post-action event names for the scoped webhook
 */
public record AutoCreation(
        boolean enabled,
        AutoCreationType type,
        String conversationServiceSid,
        String webhookUrl,
        String webhookMethod,
        List<String> webhookFilters,
        String studioFlowSid,
        Integer studioRetryCount) {

    /** Copies the filter list. */
    public AutoCreation {
        webhookFilters = List.copyOf(webhookFilters);
    }

    /** Autocreation switched off. */
    public static AutoCreation disabled() {
        return new AutoCreation(false, AutoCreationType.DEFAULT, null, null, null, List.of(), null, null);
    }

    /** Autocreation of type {@code default} into the default conversation service. */
    public static AutoCreation enabledDefault() {
        return new AutoCreation(true, AutoCreationType.DEFAULT, null, null, null, List.of(), null, null);
    }
}
