package dev.convsim.webhook;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The form parameters of one webhook request: an immutable map in Twilio's parameter order, held as one array of
 * alternating names and values. A webhook has a few dozen parameters at most, so a linear scan beats hashing and
 * one array costs a fraction of a {@code LinkedHashMap}'s entries. Copying a {@code WebhookForm} returns it
 * unchanged, so a request and its recorded delivery share one.
 *
 * <pre>{@code
 * Map<String, String> form = WebhookForm.of("EventType", "onMessageAdded", "Body", "hello");
 * }</pre>
 */
public final class WebhookForm extends AbstractMap<String, String> {

    private static final WebhookForm EMPTY = new WebhookForm(new String[0]);

    private final String[] namesAndValues;

    private WebhookForm(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /**
     * Name, value, name, value, … in order; the array is copied.
     *
     * @throws IllegalArgumentException when the strings do not come in pairs
     */
    public static WebhookForm of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("[" + namesAndValues.length
                    + " strings] is not a list of names and values: give them in pairs");
        }
        return namesAndValues.length == 0 ? EMPTY : new WebhookForm(namesAndValues.clone());
    }

    /**
     * The first {@code length} strings of the array as names and values, in order; those strings are copied, so a
     * builder may keep writing to its array.
     *
     * @throws IllegalArgumentException when {@code length} is odd or outside the array
     */
    public static WebhookForm of(String[] namesAndValues, int length) {
        if (length % 2 != 0 || length < 0 || length > namesAndValues.length) {
            throw new IllegalArgumentException("[" + length + " of " + namesAndValues.length
                    + " strings] is not a list of names and values: give them in pairs, within the array");
        }
        return length == 0 ? EMPTY : new WebhookForm(java.util.Arrays.copyOf(namesAndValues, length));
    }

    /** An immutable copy of the parameters, in their iteration order; the same map if it already is one. */
    public static WebhookForm copyOf(Map<String, String> params) {
        if (params instanceof WebhookForm same) {
            return same;
        }
        if (params.isEmpty()) {
            return EMPTY;
        }
        String[] copy = new String[params.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            copy[i++] = e.getKey();
            copy[i++] = e.getValue();
        }
        return new WebhookForm(copy);
    }

    @Override
    public int size() {
        return namesAndValues.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return namesAndValues.length == 0;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (Objects.equals(namesAndValues[i], name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public String get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : namesAndValues[i + 1];
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return WebhookForm.this.size();
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < namesAndValues.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= namesAndValues.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(namesAndValues[next],
                                namesAndValues[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }
        };
    }
}
