package dev.convsim.api;

/**
 * A failed Conversations API call, as Twilio reports it: an error code, an HTTP status and a message, rendered on
 * the wire as {@code {code, message, more_info, status}}.
 */
public final class TwilioApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final int status;

    /** An error with Twilio's code, HTTP status and message. */
    public TwilioApiException(int code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    /** 20404: the resource at this path does not exist. */
    public static TwilioApiException notFound(String path) {
        return new TwilioApiException(20404, 404, "The requested resource " + path + " was not found");
    }

    /** 20001: a parameter is malformed; the message names it and the fix. */
    public static TwilioApiException invalidParameter(String message) {
        return new TwilioApiException(20001, 400, message);
    }

    /** Twilio's error code, e.g. 50416. */
    public int code() {
        return code;
    }

    /** The HTTP status, e.g. 409. */
    public int status() {
        return status;
    }

    /** Twilio's documentation link for the code. */
    public String moreInfo() {
        return "https://www.twilio.com/docs/errors/" + code;
    }

    @Override
    public String toString() {
        return "TwilioApiException " + code + " (HTTP " + status + "): " + getMessage();
    }
}
