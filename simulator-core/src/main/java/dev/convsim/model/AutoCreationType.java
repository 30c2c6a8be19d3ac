package dev.convsim.model;

/** What an address configuration attaches to each conversation it autocreates. */
public enum AutoCreationType {
    /** Conversation, participant and message only. */
    DEFAULT("default"),
    /** Also a conversation-scoped webhook (target {@code webhook}) with the configured URL, method and filters. */
    WEBHOOK("webhook"),
    /** Also a conversation-scoped webhook (target {@code studio}) for the configured flow. */
    STUDIO("studio");

    private final String wire;

    AutoCreationType(String wire) {
        this.wire = wire;
    }

    /** Twilio's lower-case value. */
    public String wire() {
        return wire;
    }

    /** Parses Twilio's value, or returns null. */
    public static AutoCreationType fromWire(String value) {
        for (AutoCreationType t : values()) {
            if (t.wire.equalsIgnoreCase(String.valueOf(value))) {
                return t;
            }
        }
        return null;
    }
}
