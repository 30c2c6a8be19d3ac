package dev.convsim.api;

import java.util.List;

/** Parameters to create or update an address configuration ({@code /v1/Configuration/Addresses}). */
public final class AddressConfigurationRequest extends ApiRequest<AddressConfigurationRequest> {

    /** {@code Type}: {@code sms} or {@code whatsapp} (create only). */
    public AddressConfigurationRequest type(String value) {
        return param("Type", value);
    }

    /** {@code Address}: the account's number (create only). */
    public AddressConfigurationRequest address(String value) {
        return param("Address", value);
    }

    /** {@code FriendlyName}. */
    public AddressConfigurationRequest friendlyName(String value) {
        return param("FriendlyName", value);
    }

    /** {@code AutoCreation.Enabled}. */
    public AddressConfigurationRequest autoCreationEnabled(boolean enabled) {
        return param("AutoCreation.Enabled", Boolean.toString(enabled));
    }

    /** {@code AutoCreation.Type}: {@code default}, {@code webhook} or {@code studio}. */
    public AddressConfigurationRequest autoCreationType(String value) {
        return param("AutoCreation.Type", value);
    }

    /** {@code AutoCreation.ConversationServiceSid}. */
    public AddressConfigurationRequest conversationServiceSid(String sid) {
        return param("AutoCreation.ConversationServiceSid", sid);
    }

    /** {@code AutoCreation.WebhookUrl}. */
    public AddressConfigurationRequest webhookUrl(String url) {
        return param("AutoCreation.WebhookUrl", url);
    }

    /** {@code AutoCreation.WebhookMethod}: {@code GET} or {@code POST}. */
    public AddressConfigurationRequest webhookMethod(String method) {
        return param("AutoCreation.WebhookMethod", method);
    }

    /** {@code AutoCreation.WebhookFilters}: post-action event names. */
    public AddressConfigurationRequest webhookFilters(String... events) {
        return params("AutoCreation.WebhookFilters", List.of(events));
    }

    /** {@code AutoCreation.StudioFlowSid}. */
    public AddressConfigurationRequest studioFlowSid(String sid) {
        return param("AutoCreation.StudioFlowSid", sid);
    }

    /** {@code AutoCreation.StudioRetryCount}. */
    public AddressConfigurationRequest studioRetryCount(int count) {
        return param("AutoCreation.StudioRetryCount", Integer.toString(count));
    }
}
