package dev.convsim.api;

/** Parameters of the account configuration ({@code POST /v1/Configuration}). */
public final class ConfigurationRequest extends ApiRequest<ConfigurationRequest> {

    /** {@code DefaultChatServiceSid}. */
    public ConfigurationRequest defaultChatServiceSid(String sid) {
        return param("DefaultChatServiceSid", sid);
    }

    /** {@code DefaultMessagingServiceSid}. */
    public ConfigurationRequest defaultMessagingServiceSid(String sid) {
        return param("DefaultMessagingServiceSid", sid);
    }

    /** {@code DefaultInactiveTimer}: ISO-8601, at least PT1M, or PT0S. */
    public ConfigurationRequest defaultInactiveTimer(String duration) {
        return param("DefaultInactiveTimer", duration);
    }

    /** {@code DefaultClosedTimer}: ISO-8601, at least PT10M, or PT0S. */
    public ConfigurationRequest defaultClosedTimer(String duration) {
        return param("DefaultClosedTimer", duration);
    }
}
