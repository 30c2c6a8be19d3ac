package dev.convsim.webhook;

/** When a webhook fires relative to the action: before it (and may veto or modify it) or after it. */
public enum Phase {
    /** Pre-action: Twilio waits for the answer, which accepts, modifies or rejects. */
    PRE("pre"),
    /** Post-action: a notification; the answer is recorded and otherwise ignored. */
    POST("post");

    private final String wire;

    Phase(String wire) {
        this.wire = wire;
    }

    /** {@code pre} or {@code post}, as in the scenario trace. */
    public String wire() {
        return wire;
    }
}
