package dev.convsim.webhook;

/**
 * What a real HTTP delivery counts as when the service under test refuses the connection or breaks off its answer.
 * Twilio does not document this; the reference's pre-action table has one row for "no response / timeout", which is
 * the default reading.
 *
 * <pre>{@code
 * FidelityOptions.defaults().toBuilder().refusedConnection(HttpFailureTreatment.BAD_GATEWAY).build()
 * }</pre>
 */
public enum HttpFailureTreatment {
    /**
     * No answer, like a timeout: a pre-action hook accepts the change unmodified, the delivery is recorded with no
     * status and the failure in its {@code error}.
     */
    NO_ANSWER,
    /**
     * A 502 answer: a pre-action hook rejects the change (an autocreating inbound message is dropped, an API call
     * fails with 20403), the delivery is recorded with status 502 and the failure in its {@code error}.
     */
    BAD_GATEWAY
}
