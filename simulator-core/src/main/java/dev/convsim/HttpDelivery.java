package dev.convsim;

import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhooks over real HTTP to a service under test: only {@code http://} URLs on a loopback host, or on a
 * host the user allowed by name. Every request carries {@code X-Twilio-Signature}.
 */
final class HttpDelivery {

    /** What came back, and what went wrong if nothing did. */
    record Result(WebhookResponse response, String error) {
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final String authToken;
    private final Duration timeout;
    private final Set<String> allowedHosts;
    private final int refusedStatus;
    private volatile HttpClient client;

    HttpDelivery(String authToken, Duration timeout, Set<String> allowedHosts, int refusedStatus) {
        this.authToken = authToken;
        this.timeout = timeout;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.refusedStatus = refusedStatus;
    }

    boolean handles(String url) {
        if (url == null) {
            return false;
        }
        if (allowedHosts.isEmpty() && !url.regionMatches(true, 0, "http:", 0, 5)) {
            return false; // only http:// loopback URLs qualify: skip parsing the usual https:// ones
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return allowedHosts.contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
                    client = c;
                }
            }
        }
        return c;
    }

    Result deliver(WebhookRequest request) {
        boolean get = "GET".equalsIgnoreCase(request.method());
        String form = encode(request.params());
        String url = get ? request.url() + (request.url().contains("?") ? "&" : "?") + form : request.url();
        String signature = get ? sign(url, Map.of()) : sign(url, request.params());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("X-Twilio-Signature", signature)
                .header("User-Agent", "TwilioProxy/1.1 (convsim)")
                .header("I-Twilio-Idempotency-Token", "convsim-" + request.eventType());
        if (get) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = client().send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new Result(WebhookResponse.of(response.statusCode(), contentType, response.body()), null);
        } catch (HttpConnectTimeoutException e) {
            return new Result(WebhookResponse.timeout(), "connect timed out");
        } catch (HttpTimeoutException e) {
            return new Result(WebhookResponse.timeout(), "no answer within " + timeout);
        } catch (IOException e) {
            return new Result(WebhookResponse.status(refusedStatus), "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(WebhookResponse.timeout(), "interrupted");
        }
    }

    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Twilio's X-Twilio-Signature: Base64(HMAC-SHA1(authToken, url + sorted name+value pairs)). */
    String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            data.append(e.getKey()).append(e.getValue() == null ? "" : e.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
