package dev.convsim;

import dev.convsim.webhook.HttpFailureTreatment;
import dev.convsim.webhook.WebhookRequest;
import dev.convsim.webhook.WebhookResponse;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhooks over real HTTP to a service under test, as Twilio would: {@code http://} URLs on a loopback host
 * ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}), or {@code http(s)://} URLs on a host the user allowed by
 * name. POST sends the parameters form-encoded; GET appends them to the query. Every request carries
 * {@code X-Twilio-Signature} (reference §9). The webhook timeout bounds the whole exchange, the answer's body
 * included. A refused connection or a broken answer counts as the fidelity options say.
 */
final class HttpDelivery {

    /** What came back, and what went wrong if nothing (usable) did. */
    record Result(WebhookResponse response, String error) {
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private final String authToken;
    private final Duration timeout;
    private final Set<String> allowedHosts;
    private final HttpFailureTreatment refused;
    private final HttpFailureTreatment broken;
    private volatile HttpClient client;

    HttpDelivery(String authToken, FidelityOptions options, Set<String> allowedHosts) {
        this.authToken = authToken;
        this.timeout = options.webhookTimeout();
        this.refused = options.refusedConnection();
        this.broken = options.brokenResponse();
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /** True when this URL is delivered over real HTTP (and no in-process endpoint is registered for it). */
    boolean handles(String url) {
        if (allowedHosts.isEmpty() && (url == null || !url.regionMatches(true, 0, "http:", 0, 5))) {
            return false; // only http:// loopback URLs qualify: skip parsing the usual https:// ones
        }
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && LOOPBACK.contains(host)) {
            return true;
        }
        return (scheme.equals("http") || scheme.equals("https")) && allowedHosts.contains(host);
    }

    private static URI parse(String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * The URL as requested and signed: the fragment dropped (it never reaches the server), an empty path sent as
     * {@code /} (what the server sees and rebuilds), and for GET the parameters appended to the query.
     */
    static String target(String url, boolean get, Map<String, String> params) {
        String base = url;
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        int authorityStart = base.indexOf("://") + 3;
        int pathStart = indexOfAny(base, "/?", authorityStart);
        if (pathStart < 0) {
            base = base + "/";
        } else if (base.charAt(pathStart) == '?') {
            base = base.substring(0, pathStart) + "/" + base.substring(pathStart);
        }
        if (!get || params.isEmpty()) {
            return base;
        }
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + encode(params);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    Result deliver(WebhookRequest request) {
        boolean get = "GET".equalsIgnoreCase(request.method());
        String url = target(request.url(), get, request.params());
        String signature = sign(url, get ? Map.of() : request.params());
        CompletableFuture<HttpResponse<String>> future;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("X-Twilio-Signature", signature)
                    .header("User-Agent", "TwilioProxy/1.1");
            if (get) {
                builder.GET();
            } else {
                builder.header("Content-Type", FORM)
                        .POST(HttpRequest.BodyPublishers.ofString(encode(request.params()), StandardCharsets.UTF_8));
            }
            future = client().sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return failed(refused, "could not connect to " + request.url() + ": " + e.getMessage(), "refusedConnection");
        }
        try {
            // get(timeout), not send(): the request timeout stops at the answer's headers, and a service that
            // stalls in the middle of its body must time out too
            HttpResponse<String> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new Result(WebhookResponse.of(response.statusCode(), contentType, response.body()), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Result(WebhookResponse.timeout(), "no complete answer within " + timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(WebhookResponse.timeout(), "interrupted while waiting for the answer");
        } catch (CancellationException e) {
            return new Result(WebhookResponse.timeout(), "the request was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Result(WebhookResponse.timeout(), "no complete answer within " + timeout);
            }
            if (cause instanceof ConnectException) {
                return failed(refused, "connection refused by " + authority(url), "refusedConnection");
            }
            return failed(broken, "broken answer from " + authority(url) + ": " + describe(cause), "brokenResponse");
        }
    }

    private static Result failed(HttpFailureTreatment treatment, String what, String option) {
        if (treatment == HttpFailureTreatment.BAD_GATEWAY) {
            return new Result(WebhookResponse.status(502), what + "; counted as 502 (" + option + " BAD_GATEWAY)");
        }
        return new Result(WebhookResponse.timeout(), what + "; counted as no answer (" + option + " NO_ANSWER)");
    }

    private static String authority(String url) {
        URI uri = parse(url);
        return uri == null || uri.getRawAuthority() == null ? url : uri.getRawAuthority();
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /**
     * Twilio's {@code X-Twilio-Signature}: Base64(HMAC-SHA1(auth token, url + each parameter name and value, names in
     * sorted order, no separators)); a null value counts as empty.
     */
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

    @Override
    public String toString() {
        // never the auth token
        return "HttpDelivery[timeout " + timeout + ", loopback and " + allowedHosts + "]";
    }
}
