package dev.convsim.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 6: the floor any out-of-process mock pays per request. One HTTP/1.1 round trip over a kept-alive
 * loopback connection (127.0.0.1 only) to a JDK {@link HttpServer} that reads the form body and answers 200 with
 * no body: no mock logic at all, a real mock adds its own work on top. Two clients: {@link HttpClient} (what
 * convsim and the Twilio SDK's newer stacks use; it hands each exchange to its own threads) and
 * {@link HttpURLConnection} (synchronous on the calling thread, the cheaper of the two). The faster one is the
 * floor. The server runs with {@code sun.net.httpserver.nodelay=true}, so Nagle's algorithm adds no delay.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn2g", "-XX:+AlwaysPreTouch",
    "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoopbackHttpBenchmark {

    /** A webhook-sized form body, like an inbound message's. */
    private static final String FORM = "AccountSid=AC00000000000000000000000000000001&EventType=onConversationAdd"
            + "&Source=SMS&MessagingBinding.Address=%2B15550000001&MessagingBinding.ProxyAddress=%2B15005550001"
            + "&MessageBody=hello";

    private static final byte[] FORM_BYTES = FORM.getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private HttpClient client;
    private HttpRequest request;
    private URL url;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FORM))
                .build();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook").toURL();
        if (httpClient() != 200 || urlConnection() != 200) {
            throw new IllegalStateException("the loopback server did not answer 200");
        }
    }

    @TearDown
    public void tearDown() {
        server.stop(0);
    }

    /** One request and its 200 answer, with {@link HttpClient}. */
    @Benchmark
    public int httpClient() throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One request and its 200 answer, with {@link HttpURLConnection} (the JDK keeps the connection alive). */
    @Benchmark
    public int urlConnection() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(FORM_BYTES.length);
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(FORM_BYTES);
        }
        int status = connection.getResponseCode();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes(); // read to the end so the connection goes back to the keep-alive cache
        }
        return status;
    }
}
