package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.api.ApiRequest;
import dev.convsim.api.ConversationsApi;
import dev.convsim.api.TwilioApiException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code api()} call, given null for each identifier in turn, fails with a Twilio error or works, never an NPE. */
class NullInputTest {

    @Test
    void everyApiCallGivenANullIdentifierWorksOrFailsWithATwilioErrorThatChangesNothing() throws Exception {
        List<String> calls = new ArrayList<>();
        Method[] methods = ConversationsApi.class.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::toString));
        for (Method method : methods) {
            Class<?>[] types = method.getParameterTypes();
            for (int nullAt = 0; nullAt < types.length; nullAt++) {
                if (types[nullAt] != String.class) {
                    continue;
                }
                FuzzProperties.World w = FuzzProperties.world();
                Object[] args = arguments(w, method, nullAt);
                calls.add(method.getName() + " with argument " + nullAt + " null");
                FuzzProperties.worksOrFailsCleanly(w.sim(), () -> {
                    try {
                        method.invoke(w.sim().api(), args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        throw new AssertionError(method + " threw " + e.getCause(), e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                });
            }
        }
        assertThat(calls).hasSizeGreaterThan(35);
    }

    /** Real identifiers of the right role everywhere but {@code nullAt}; empty requests. */
    private static Object[] arguments(FuzzProperties.World w, Method method, int nullAt) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        int strings = 0;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == boolean.class) {
                args[i] = true;
            } else if (types[i] == String.class) {
                args[i] = i == nullAt ? null : realIdentifier(w, method.getName(), strings);
                strings++;
            } else if (ApiRequest.class.isAssignableFrom(types[i])) {
                args[i] = types[i].getConstructor().newInstance();
            }
        }
        return args;
    }

    private static String realIdentifier(FuzzProperties.World w, String call, int position) {
        String name = call.toLowerCase(java.util.Locale.ROOT);
        FuzzProperties.Role role;
        if (position == 1) {
            role = name.contains("participant") ? FuzzProperties.Role.PARTICIPANT
                    : name.contains("message") ? FuzzProperties.Role.MESSAGE : FuzzProperties.Role.WEBHOOK;
        } else if (name.contains("service")) {
            role = FuzzProperties.Role.SERVICE;
        } else if (name.contains("addressconfiguration")) {
            role = FuzzProperties.Role.ADDRESS_CONFIGURATION;
        } else if (name.contains("byaddress")) {
            role = FuzzProperties.Role.ADDRESS;
        } else if (name.contains("byidentity")) {
            role = FuzzProperties.Role.PARTICIPANT;
        } else {
            role = FuzzProperties.Role.CONVERSATION;
        }
        return w.ids().get(role).get(0);
    }
}
