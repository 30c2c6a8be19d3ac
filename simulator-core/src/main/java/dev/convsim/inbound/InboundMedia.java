package dev.convsim.inbound;

import java.util.Objects;

/** A media attachment on an inbound MMS or WhatsApp message. */
public record InboundMedia(String contentType, String filename) {

    /** Requires a content type. */
    public InboundMedia {
        Objects.requireNonNull(contentType, "contentType");
        if (contentType.isBlank()) {
            throw new IllegalArgumentException("[" + contentType + "] is not a content type: expected like image/jpeg");
        }
    }
}
