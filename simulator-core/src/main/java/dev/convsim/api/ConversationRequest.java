package dev.convsim.api;

/** Parameters to create or update a conversation ({@code POST /v1/Conversations[/{Sid}]}). */
public final class ConversationRequest extends ApiRequest<ConversationRequest> {

    /** {@code FriendlyName}. */
    public ConversationRequest friendlyName(String value) {
        return param("FriendlyName", value);
    }

    /** {@code UniqueName}: usable in place of the SID; must not look like a SID (50390). */
    public ConversationRequest uniqueName(String value) {
        return param("UniqueName", value);
    }

    /** {@code Attributes}: a JSON string. */
    public ConversationRequest attributes(String json) {
        return param("Attributes", json);
    }

    /** {@code State}: {@code active}, {@code inactive} or {@code closed}. */
    public ConversationRequest state(String state) {
        return param("State", state);
    }

    /** {@code Timers.Inactive}: ISO-8601 duration, at least PT1M, or PT0S to disable. */
    public ConversationRequest timersInactive(String duration) {
        return param("Timers.Inactive", duration);
    }

    /** {@code Timers.Closed}: ISO-8601 duration, at least PT10M, or PT0S to disable. */
    public ConversationRequest timersClosed(String duration) {
        return param("Timers.Closed", duration);
    }

    /** {@code MessagingServiceSid}. */
    public ConversationRequest messagingServiceSid(String sid) {
        return param("MessagingServiceSid", sid);
    }
}
