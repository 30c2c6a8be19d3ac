package dev.convsim.examples.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature} the way Twilio's helper libraries do: Base64(HMAC-SHA1(auth token, URL + each
 * form parameter name and value in sorted name order)), accepting the URL with or without its default port.
 *
 * <pre>{@code
 * boolean genuine = new TwilioSignatures(authToken).validate(url, formParams, request.getHeader("X-Twilio-Signature"));
 * }</pre>
 */
public final class TwilioSignatures {

    private final byte[] key;

    /** A checker for one account's auth token. */
    public TwilioSignatures(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of a request to this URL with these form parameters (none for GET). */
    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            data.append(e.getKey()).append(e.getValue() == null ? "" : e.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** True when the signature matches the URL (as given, without its port, or with its default port). */
    public boolean validate(String url, Map<String, String> params, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : variants(url)) {
            // constant time, and every variant is checked
            valid |= MessageDigest.isEqual(given, sign(candidate, params).getBytes(StandardCharsets.UTF_8));
        }
        return valid;
    }

    private static Set<String> variants(String url) {
        Set<String> out = new LinkedHashSet<>();
        out.add(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return out;
        }
        int hostStart = schemeEnd + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = url.substring(hostStart, hostEnd);
        String head = url.substring(0, hostStart);
        String tail = url.substring(hostEnd);
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            out.add(head + authority.substring(0, colon) + tail);
        } else {
            String scheme = url.substring(0, schemeEnd);
            out.add(head + authority + (scheme.equalsIgnoreCase("https") ? ":443" : ":80") + tail);
        }
        return out;
    }
}
