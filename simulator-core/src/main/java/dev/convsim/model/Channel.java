package dev.convsim.model;

/** The messaging channel of an address: plain SMS/MMS numbers or WhatsApp ({@code whatsapp:} prefixed). */
public enum Channel {
    SMS("sms", "SMS"),
    WHATSAPP("whatsapp", "WHATSAPP");

    private final String wire;
    private final String webhookValue;

    Channel(String wire, String webhookValue) {
        this.wire = wire;
        this.webhookValue = webhookValue;
    }

    /** The lower-case value Twilio uses in JSON ({@code messaging_binding.type}, address configuration {@code type}). */
    public String wire() {
        return wire;
    }

    /** The upper-case value Twilio uses in webhook parameters ({@code MessagingBinding.Type}). */
    public String webhookValue() {
        return webhookValue;
    }
}
