package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.api.ConfigurationRequest;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.ParticipantRequest;
import dev.convsim.api.TwilioApiException;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.inbound.InboundOutcome;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Conversation;
import dev.convsim.model.Message;
import dev.convsim.model.Participant;
import dev.convsim.routing.Routers;
import dev.convsim.webhook.RecordedDelivery;
import dev.convsim.webhook.WebhookResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One simulator driven by several threads at once (inbound messages, API calls, clock advances) while its
 * endpoints call back into it from other threads, in-process and over HTTP. Bounded in count and time.
 */
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 120;
    private static final long DEADLINE_MILLIS = 3_000;
    private static final List<String> NUMBERS = List.of("+15005550001", "+15005550002");
    private static final String PRE = "https://svc.example.com/pre";
    private static final String ROUTING = "https://svc.example.com/callbacks/routing";

    private ExecutorService drivers;
    private ExecutorService helpers;
    private LoopbackServer server;
    private volatile ConversationsSimulator sim;
    private final AtomicInteger callbacksFromOtherThreads = new AtomicInteger();
    private final AtomicInteger callbacksOverHttp = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        LoopbackServer.warmUp();
        drivers = Executors.newFixedThreadPool(THREADS);
        helpers = Executors.newFixedThreadPool(THREADS);
        // the HTTP service reads and updates what it is told about, like a Frontline integration
        server = LoopbackServer.start((exchange, r) -> {
            Map<String, String> form = r.form();
            try {
                if ("onParticipantAdded".equals(form.get("EventType")) && form.get("Identity") == null) {
                    Participant p = sim.api().fetchParticipant(form.get("ConversationSid"), form.get("ParticipantSid"));
                    sim.api().updateParticipant(p.conversationSid(), p.sid(),
                            new ParticipantRequest().attributes("{\"customer_id\":\"" + p.sid() + "\"}"));
                } else if ("onMessageAdded".equals(form.get("EventType"))) {
                    sim.api().listMessages(form.get("ConversationSid"));
                }
                callbacksOverHttp.incrementAndGet();
            } catch (TwilioApiException e) {
                // another thread closed or changed it meanwhile: a real service would log it
            }
            LoopbackServer.send(exchange, 200, "text/plain", "OK");
        });
    }

    @AfterEach
    void stop() {
        drivers.shutdownNow();
        helpers.shutdownNow();
        server.close();
    }

    /** Runs a call into the simulator on a helper thread and waits for it: an endpoint calling back from elsewhere. */
    private <T> T onOtherThread(java.util.concurrent.Callable<T> call) throws Exception {
        Future<T> f = helpers.submit(call);
        T result = f.get(5, TimeUnit.SECONDS);
        callbacksFromOtherThreads.incrementAndGet();
        return result;
    }

    @Test
    void manyThreadsKeepTheInvariantsGiveEveryMessageOneOutcomeAndWriteOneTotalOrder() throws Exception {
        sim = ConversationsSimulator.builder()
                .options(FidelityOptions.defaults().toBuilder().webhookTimeout(Duration.ofSeconds(2)).build())
                .autocreate(NUMBERS.get(0)).autocreate(NUMBERS.get(1))
                .configuration(new ConfigurationRequest().defaultInactiveTimer("PT5M").defaultClosedTimer("PT30M"))
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(PRE)
                        .postWebhookUrl(server.url("/callbacks/conversations"))
                        .filters("onConversationAdd", "onMessageAdd", "onParticipantAdded", "onMessageAdded"))
                .endpoint(PRE, request -> {
                    // a pre-action hook that looks the conversation up from another thread before it answers
                    String sid = request.param("ConversationSid");
                    onOtherThread(() -> sid == null ? sim.api().listConversations() : sim.api().listMessages(sid));
                    return WebhookResponse.ok();
                })
                .router(Routers.custom(ROUTING))
                .endpoint(ROUTING, request -> onOtherThread(() -> {
                    sim.api().createParticipant(request.param("ConversationSid"),
                            new ParticipantRequest().identity("agent@example.com"));
                    return WebhookResponse.ok();
                }))
                .build();

        Map<String, InboundOutcome> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger apiErrors = new AtomicInteger();
        AtomicInteger advances = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            running.add(drivers.submit(() -> {
                Random random = new Random(1_000 + thread);
                go.await();
                for (int k = 0; k < OPERATIONS_PER_THREAD && System.nanoTime() < deadline; k++) {
                    try {
                        operate(thread, k, random, outcomes, apiErrors, advances);
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        drivers.shutdown();
        boolean finished = drivers.awaitTermination(20, TimeUnit.SECONDS);

        assertThat(finished).as("all driver threads finished (a deadlock would hang them)").isTrue();
        for (Future<?> f : running) {
            f.get();
        }
        assertThat(unexpected).isEmpty();
        sim.verifyInvariants();

        // every inbound message has exactly one outcome, recorded once, and its message exists exactly once
        List<JournalEntry> journal = sim.journal();
        Map<String, Integer> inboundBodies = new HashMap<>();
        for (JournalEntry e : journal) {
            if (e instanceof JournalEntry.Inbound in) {
                inboundBodies.merge(in.outcome().message().body(), 1, Integer::sum);
            }
        }
        assertThat(inboundBodies.keySet()).isEqualTo(outcomes.keySet());
        assertThat(inboundBodies.values()).containsOnly(1);
        Map<String, Integer> stored = new HashMap<>();
        for (Conversation c : sim.api().listConversations()) {
            for (Message m : sim.api().listMessages(c.sid())) {
                stored.merge(m.body(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, InboundOutcome> e : outcomes.entrySet()) {
            InboundOutcome o = e.getValue();
            assertThat(o).isInstanceOfAny(InboundOutcome.Captured.class, InboundOutcome.Autocreated.class);
            assertThat(stored.get(e.getKey())).as("messages with body %s", e.getKey()).isEqualTo(1);
            assertThat(sim.api().fetchMessage(o.conversationSid(), o.messageSid()).body()).isEqualTo(e.getKey());
        }

        // the journal is one total order: 1, 2, 3, … with no gaps; deliveries likewise
        assertThat(sim.journalDropped()).isZero();
        for (int i = 0; i < journal.size(); i++) {
            assertThat(journal.get(i).sequence()).isEqualTo(i + 1);
        }
        List<RecordedDelivery> deliveries = sim.deliveries().all();
        for (int i = 0; i < deliveries.size(); i++) {
            assertThat(deliveries.get(i).sequence()).isEqualTo(i + 1);
        }

        // the run really did interleave all of it
        assertThat(outcomes).hasSizeGreaterThan(THREADS * 10);
        assertThat(outcomes.values()).hasAtLeastOneElementOfType(InboundOutcome.Captured.class)
                .hasAtLeastOneElementOfType(InboundOutcome.Autocreated.class);
        assertThat(advances.get()).isPositive();
        assertThat(callbacksFromOtherThreads.get()).isPositive();
        assertThat(callbacksOverHttp.get()).isPositive();
        assertThat(journal).hasAtLeastOneElementOfType(JournalEntry.StateChanged.class)
                .hasAtLeastOneElementOfType(JournalEntry.Routed.class);
    }

    private void operate(int thread, int k, Random random, Map<String, InboundOutcome> outcomes,
            AtomicInteger apiErrors, AtomicInteger advances) {
        String customer = "+1555123" + String.format("%04d", random.nextInt(12));
        String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
        int dice = random.nextInt(100);
        try {
            if (dice < 55) {
                String body = "t" + thread + "-" + k;
                InboundOutcome outcome = sim.receive(customer, number, body);
                assertThat(outcome).isNotNull();
                assertThat(outcomes.put(body, outcome)).isNull();
            } else if (dice < 65) {
                advances.incrementAndGet();
                sim.advance(Duration.ofMinutes(1 + random.nextInt(10)));
            } else if (dice < 75) {
                Conversation c = sim.api().createConversation(new ConversationRequest()
                        .uniqueName("api-" + thread + "-" + k).webhookEnabled(random.nextBoolean()));
                sim.api().createParticipant(c.sid(), new ParticipantRequest().address(customer).proxyAddress(number)
                        .webhookEnabled(true));
            } else if (dice < 85) {
                List<Conversation> all = sim.api().listConversations();
                if (!all.isEmpty()) {
                    Conversation c = all.get(random.nextInt(all.size()));
                    sim.api().updateConversation(c.sid(), new ConversationRequest()
                            .state(random.nextBoolean() ? "closed" : "inactive").webhookEnabled(true));
                }
            } else if (dice < 93) {
                List<Conversation> all = sim.api().listConversations();
                if (!all.isEmpty()) {
                    Conversation c = all.get(random.nextInt(all.size()));
                    List<Participant> parts = sim.api().listParticipants(c.sid());
                    if (!parts.isEmpty()) {
                        sim.api().deleteParticipant(c.sid(), parts.get(random.nextInt(parts.size())).sid(), true);
                    }
                }
            } else {
                sim.verifyInvariants();
            }
        } catch (TwilioApiException e) {
            // bound pairs (50416), closed conversations (50377) and races with other threads (20404) are expected
            assertThat(e.getMessage()).isNotBlank();
            apiErrors.incrementAndGet();
        }
    }
}
