package dev.convsim.model;

/** A conversation's state (Twilio's {@code conversation_enum_state}). */
public enum ConversationState {
    /** Being set up (group autocreation); cannot be updated or used (50386). */
    INITIALIZING("initializing"),
    /** In use; the default. */
    ACTIVE("active"),
    /** Not in use; keeps its bindings and becomes active on new activity. */
    INACTIVE("inactive"),
    /** Final: bindings released; any change fails with 50377. */
    CLOSED("closed");

    private final String wire;

    ConversationState(String wire) {
        this.wire = wire;
    }

    /** Twilio's lower-case value. */
    public String wire() {
        return wire;
    }

    /** Parses Twilio's lower-case value, or returns null when it is not one. */
    public static ConversationState fromWire(String value) {
        for (ConversationState state : values()) {
            if (state.wire.equals(value)) {
                return state;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wire;
    }
}
