package dev.convsim.model;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Twilio SIDs: a two-letter prefix and 32 hex digits. convsim mints them from a per-prefix counter, so the first
 * conversation of every simulator is {@code CH00000000000000000000000000000001}.
 */
public final class Sids {

    /** Account. */
    public static final String ACCOUNT = "AC";
    /** Conversation Service (chat service). */
    public static final String CONVERSATION_SERVICE = "IS";
    /** Messaging Service. */
    public static final String MESSAGING_SERVICE = "MG";
    /** Conversation. */
    public static final String CONVERSATION = "CH";
    /** Conversation participant. */
    public static final String PARTICIPANT = "MB";
    /** Conversation message. */
    public static final String MESSAGE = "IM";
    /** Conversation-scoped webhook. */
    public static final String WEBHOOK = "WH";
    /** Address configuration. */
    public static final String ADDRESS_CONFIGURATION = "IG";
    /** Media. */
    public static final String MEDIA = "ME";
    /** Studio flow. */
    public static final String FLOW = "FW";
    /** An SMS on the underlying channel. */
    public static final String SMS_MESSAGE = "SM";
    /** An MMS on the underlying channel. */
    public static final String MMS_MESSAGE = "MM";

    /** Every SID's length: two letters and 32 hex digits. */
    private static final int LENGTH = 34;
    private static final Pattern ANY = Pattern.compile("[A-Z]{2}[0-9a-fA-F]{32}");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private Sids() {
    }

    /**
     * The SID with this prefix and counter value: {@code format("CH", 1)} is {@code CH000…001}.
     *
     * @throws IllegalArgumentException when the prefix is not two capital letters
     */
    public static String format(String prefix, long counter) {
        slot(prefix);
        return write(prefix, counter, new byte[LENGTH]);
    }

    /**
     * The prefix's place among all two-letter prefixes.
     *
     * @throws IllegalArgumentException when the prefix is not two capital letters
     */
    private static int slot(String prefix) {
        char first = prefix.length() == 2 ? prefix.charAt(0) : 0;
        char second = prefix.length() == 2 ? prefix.charAt(1) : 0;
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            throw new IllegalArgumentException("[" + prefix + "] is not a SID prefix: expected two capital"
                    + " letters, like " + CONVERSATION);
        }
        return (first - 'A') * 26 + (second - 'A');
    }

    /** Writes a SID of a valid prefix into {@code out} and returns it as a string. */
    private static String write(String prefix, long counter, byte[] out) {
        out[0] = (byte) prefix.charAt(0);
        out[1] = (byte) prefix.charAt(1);
        for (int i = LENGTH - 1; i >= 18; i--) {
            out[i] = HEX[(int) (counter & 0xF)];
            counter >>>= 4;
        }
        for (int i = 2; i < 18; i++) {
            out[i] = '0';
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Mints SIDs in sequence, one counter per prefix: the first {@code next("CH")} is {@code CH000…001}, the next
     * {@code CH000…002}, whatever other prefixes were minted in between. This is how a simulator numbers what it
     * creates. Not thread-safe: guard it as the state it numbers is guarded.
     */
    public static final class Minter {
        private final long[] counters = new long[26 * 26];
        private final byte[] scratch = new byte[LENGTH];

        /** A minter whose every prefix starts at 1. */
        public Minter() {
        }

        /**
         * The next SID with this prefix.
         *
         * @throws IllegalArgumentException when the prefix is not two capital letters
         */
        public String next(String prefix) {
            return write(prefix, ++counters[slot(prefix)], scratch);
        }
    }

    /** True when the value is shaped like a SID of this prefix. */
    public static boolean is(String prefix, String value) {
        return value != null && value.length() == 34 && value.startsWith(prefix) && ANY.matcher(value).matches();
    }

    /** True when the value is shaped like a SID of any prefix. */
    public static boolean isAny(String value) {
        return value != null && value.length() == 34 && ANY.matcher(value).matches();
    }

    /** {@code CH…01}: the prefix, an ellipsis and the last two hex digits, for one-line summaries. */
    public static String abbreviate(String sid) {
        if (sid == null || sid.length() != 34) {
            return String.valueOf(sid);
        }
        return sid.substring(0, 2) + "…" + sid.substring(32);
    }
}
