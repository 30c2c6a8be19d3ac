package dev.convsim.api;

/** Parameters to add or update a participant ({@code POST /v1/Conversations/{Sid}/Participants[/{Sid}]}). */
public final class ParticipantRequest extends ApiRequest<ParticipantRequest> {

    /** {@code Identity}: a chat participant. */
    public ParticipantRequest identity(String value) {
        return param("Identity", value);
    }

    /** {@code MessagingBinding.Address}: the customer's number. */
    public ParticipantRequest address(String value) {
        return param("MessagingBinding.Address", value);
    }

    /** {@code MessagingBinding.ProxyAddress}: the Twilio number of a 1:1 pair. */
    public ParticipantRequest proxyAddress(String value) {
        return param("MessagingBinding.ProxyAddress", value);
    }

    /** {@code MessagingBinding.ProjectedAddress}: the Twilio number a chat participant shows in a group. */
    public ParticipantRequest projectedAddress(String value) {
        return param("MessagingBinding.ProjectedAddress", value);
    }

    /** {@code Attributes}: a JSON string. */
    public ParticipantRequest attributes(String json) {
        return param("Attributes", json);
    }

    /** {@code RoleSid}. */
    public ParticipantRequest roleSid(String sid) {
        return param("RoleSid", sid);
    }
}
