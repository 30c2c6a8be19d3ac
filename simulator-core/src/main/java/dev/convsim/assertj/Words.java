package dev.convsim.assertj;

import dev.convsim.model.Sids;

/** How failure messages write values. */
final class Words {

    private Words() {
    }

    /** {@code CH…01}. */
    static String sid(String sid) {
        return Sids.abbreviate(sid);
    }

    /** Two SIDs side by side, abbreviated unless that would make different SIDs look the same. */
    static String[] sids(String expected, String actual) {
        String e = Sids.abbreviate(expected);
        String a = Sids.abbreviate(actual);
        if (e.equals(a) && expected != null && !expected.equals(actual)) {
            return new String[] {String.valueOf(expected), String.valueOf(actual)};
        }
        return new String[] {e, a};
    }

    /** "1 message" / "2 messages". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** A body in quotes. */
    static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
