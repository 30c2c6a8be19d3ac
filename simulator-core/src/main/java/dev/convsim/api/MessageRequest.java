package dev.convsim.api;

/** Parameters to send or update a message ({@code POST /v1/Conversations/{Sid}/Messages[/{Sid}]}). */
public final class MessageRequest extends ApiRequest<MessageRequest> {

    /** {@code Author}; {@code system} when not given. */
    public MessageRequest author(String value) {
        return param("Author", value);
    }

    /** {@code Body}: at most 1600 characters. */
    public MessageRequest body(String value) {
        return param("Body", value);
    }

    /** {@code Attributes}: a JSON string. */
    public MessageRequest attributes(String json) {
        return param("Attributes", json);
    }
}
