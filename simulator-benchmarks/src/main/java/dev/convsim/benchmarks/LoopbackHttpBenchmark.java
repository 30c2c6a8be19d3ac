package dev.convsim.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * no body. No mock logic at all: a real mock adds its own work on top.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoopbackHttpBenchmark {

    /** A webhook-sized form body, like an inbound message's. */
    private static final String FORM = "AccountSid=AC00000000000000000000000000000001&EventType=onConversationAdd"
            + "&Source=SMS&MessagingBinding.Address=%2B15550000001&MessagingBinding.ProxyAddress=%2B15005550001"
            + "&MessageBody=hello";

    private HttpServer server;
    private HttpClient client;
    private HttpRequest request;

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
        if (roundTrip() != 200) {
            throw new IllegalStateException("the loopback server did not answer 200");
        }
    }

    @TearDown
    public void tearDown() {
        server.stop(0);
    }

    /** One request and its 200 answer. */
    @Benchmark
    public int roundTrip() throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
