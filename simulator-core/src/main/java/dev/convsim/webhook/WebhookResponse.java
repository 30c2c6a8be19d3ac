package dev.convsim.webhook;

/**
 * How an endpoint answered: an HTTP status with a content type and body, or no answer within the webhook timeout.
 *
 * <pre>{@code
 * WebhookResponse.json("{\"friendly_name\":\"Alice\"}")   // 200, modifies a pre-action event
 * WebhookResponse.status(403)                               // rejects a pre-action event
 * WebhookResponse.timeout()                                 // accepts unchanged after the timeout
 * }</pre>
 */
public record WebhookResponse(int status, String contentType, String body, boolean timedOut) {

    private static final WebhookResponse OK = new WebhookResponse(200, null, "", false);
    private static final WebhookResponse TIMEOUT = new WebhookResponse(0, null, null, true);

    /** 200 with an empty body: the default endpoint's answer. */
    public static WebhookResponse ok() {
        return OK;
    }

    /** 200 with a JSON body. */
    public static WebhookResponse json(String body) {
        return new WebhookResponse(200, "application/json", body, false);
    }

    /** The status with an empty body. */
    public static WebhookResponse status(int status) {
        return new WebhookResponse(status, null, "", false);
    }

    /** The status with a body of the given content type. */
    public static WebhookResponse of(int status, String contentType, String body) {
        return new WebhookResponse(status, contentType, body, false);
    }

    /** No answer within the webhook timeout. */
    public static WebhookResponse timeout() {
        return TIMEOUT;
    }

    /** True for a 2xx answer. */
    public boolean isSuccess() {
        return !timedOut && status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return timedOut ? "timed out" : String.valueOf(status);
    }
}
