package dev.convsim.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Form parameters as Twilio's API takes them: names such as {@code MessagingBinding.Address} or
 * {@code Timers.Inactive}, each with one or more values, in the order given. Immutable.
 *
 * <pre>{@code Form.of("FriendlyName", "Support", "State", "active")}</pre>
 */
public final class Form {

    private static final Form EMPTY = new Form(Map.of());

    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    /** No parameters. */
    public static Form empty() {
        return EMPTY;
    }

    /** Name, value, name, value, … */
    public static Form of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("[" + namesAndValues.length
                    + " strings] is not a list of names and values: give them in pairs");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return copyOf(map);
    }

    /** A copy of a multi-valued map. */
    public static Form copyOf(Map<String, ? extends List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null) {
                throw new IllegalArgumentException("[null] is not a form parameter name");
            }
            List<String> list = new ArrayList<>(v.size());
            for (String s : v) {
                list.add(s == null ? "" : s);
            }
            copy.put(k, List.copyOf(list));
        });
        return new Form(Collections.unmodifiableMap(copy));
    }

    /** True when the parameter is present. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The parameter's first value, or null. */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** All values of the parameter (empty when absent). */
    public List<String> getAll(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The parameter names, in order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The parameters as a map of lists. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Form f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
