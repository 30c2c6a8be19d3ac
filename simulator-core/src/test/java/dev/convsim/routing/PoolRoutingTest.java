package dev.convsim.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.api.ConversationRequest;
import dev.convsim.api.WebhookConfigurationRequest;
import dev.convsim.journal.JournalEntry;
import dev.convsim.model.Participant;
import dev.convsim.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolRoutingTest {

    static final String TWILIO = "+15005550001";
    static final String HOOKS = "https://svc.example.com/callbacks/conversations";

    static String customer(int n) {
        return "+1555123" + String.format("%04d", n);
    }

    static ConversationsSimulator.Builder pool(Router router) {
        return ConversationsSimulator.builder().autocreate(TWILIO).router(router);
    }

    /** The worker each of {@code count} new customers' conversations went to (null when none). */
    static List<String> routeCustomers(ConversationsSimulator sim, int count) {
        List<String> workers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String sid = sim.receive(customer(i), TWILIO, "hello").conversationSid();
            workers.add(worker(sim, sid));
        }
        return workers;
    }

    static String worker(ConversationsSimulator sim, String sid) {
        for (Participant p : sim.api().listParticipants(sid)) {
            if (p.identity() != null) {
                return p.identity();
            }
        }
        return null;
    }

    static List<JournalEntry.Routed> routed(ConversationsSimulator sim) {
        List<JournalEntry.Routed> out = new ArrayList<>();
        for (JournalEntry e : sim.journal()) {
            if (e instanceof JournalEntry.Routed r) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void anAvailableWorkerJoinsTheNewConversationAsAParticipantWithTheirIdentity() {
        ConversationsSimulator sim = pool(Routers.pool()).worker("alice@example.com", true).build();

        String sid = sim.receive(customer(1), TWILIO, "hello").conversationSid();

        assertThat(sim.api().listParticipants(sid)).extracting(Participant::identity)
                .containsExactly(null, "alice@example.com");
        assertThat(routed(sim)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("routed");
            assertThat(r.toString()).endsWith("routed CH…01 by pool to alice@example.com");
        });
        sim.verifyInvariants();
    }

    @Test
    void leastAssignedIsTheDefaultAndSpreadsConversationsInTheOrderWorkersWereAdded() {
        ConversationsSimulator sim = pool(Routers.pool())
                .worker("a@example.com", true).worker("b@example.com", true).worker("c@example.com", true)
                .build();

        assertThat(routeCustomers(sim, 5)).containsExactly("a@example.com", "b@example.com", "c@example.com",
                "a@example.com", "b@example.com");
    }

    @Test
    void leastAssignedSkipsUnavailableWorkersAndCountsWhatEachHasTaken() {
        ConversationsSimulator sim = pool(Routers.pool())
                .worker("a@example.com", true).worker("b@example.com", false).worker("c@example.com", true)
                .build();
        List<String> first = routeCustomers(sim, 2);

        sim.setWorkerAvailability("b@example.com", true);
        String next = worker(sim, sim.receive(customer(9), TWILIO, "hi").conversationSid());

        assertThat(first).containsExactly("a@example.com", "c@example.com");
        assertThat(next).isEqualTo("b@example.com");
    }

    @Test
    void poolFollowsTheFidelityOptionForItsSelectionRule() {
        ConversationsSimulator sim = pool(Routers.pool())
                .options(FidelityOptions.defaults().toBuilder().poolSelection(PoolSelection.FIRST_AVAILABLE).build())
                .worker("a@example.com", true).worker("b@example.com", true)
                .build();

        assertThat(routeCustomers(sim, 3)).containsExactly("a@example.com", "a@example.com", "a@example.com");
    }

    @Test
    void anExplicitSelectionOverridesTheFidelityOption() {
        ConversationsSimulator sim = pool(Routers.pool(PoolSelection.ROUND_ROBIN))
                .options(FidelityOptions.defaults().toBuilder().poolSelection(PoolSelection.FIRST_AVAILABLE).build())
                .worker("a@example.com", true).worker("b@example.com", true).worker("c@example.com", true)
                .build();

        assertThat(routeCustomers(sim, 4)).containsExactly("a@example.com", "b@example.com", "c@example.com",
                "a@example.com");
        assertThat(Routers.pool(PoolSelection.ROUND_ROBIN)).hasToString("Routers.pool(ROUND_ROBIN)");
        assertThat(Routers.pool()).hasToString("Routers.pool()");
    }

    @Test
    void roundRobinContinuesAfterTheLastWorkerAssignedSkippingTheUnavailable() {
        ConversationsSimulator sim = pool(Routers.pool(PoolSelection.ROUND_ROBIN))
                .worker("a@example.com", true).worker("b@example.com", true).worker("c@example.com", true)
                .build();
        List<String> first = routeCustomers(sim, 1);

        sim.setWorkerAvailability("b@example.com", false);
        String second = worker(sim, sim.receive(customer(7), TWILIO, "hi").conversationSid());
        String third = worker(sim, sim.receive(customer(8), TWILIO, "hi").conversationSid());

        assertThat(first).containsExactly("a@example.com");
        assertThat(second).isEqualTo("c@example.com");
        assertThat(third).isEqualTo("a@example.com");
    }

    @Test
    void withNoWorkerAvailableNewConversationsQueueFirstInFirstOut() {
        ConversationsSimulator sim = pool(Routers.pool()).worker("alice@example.com", false).build();

        List<String> workers = routeCustomers(sim, 3);

        assertThat(workers).containsOnlyNulls();
        assertThat(sim.routingQueue()).containsExactly(sid(1), sid(2), sid(3));
        assertThat(routed(sim)).extracting(JournalEntry.Routed::kind).containsExactly("queued", "queued", "queued");
        assertThat(routed(sim).get(0).toString()).endsWith("queued CH…01 by pool: no worker available");
        assertThat(sim.api().listConversations()).hasSize(3);
    }

    @Test
    void aWorkerBecomingAvailableTakesTheQueueOldestFirst() {
        ConversationsSimulator sim = pool(Routers.pool()).worker("alice@example.com", false).build();
        routeCustomers(sim, 3);

        List<String> assigned = sim.setWorkerAvailability("alice@example.com", true);

        assertThat(assigned).containsExactly(sid(1), sid(2), sid(3));
        assertThat(sim.routingQueue()).isEmpty();
        for (String sid : assigned) {
            assertThat(worker(sim, sid)).isEqualTo("alice@example.com");
        }
        assertThat(routed(sim)).extracting(JournalEntry.Routed::kind)
                .containsExactly("queued", "queued", "queued", "assigned", "assigned", "assigned");
        assertThat(routed(sim).subList(3, 6)).extracting(JournalEntry.Routed::conversationSid)
                .containsExactly(sid(1), sid(2), sid(3));
        assertThat(routed(sim).get(3).toString())
                .endsWith("assigned CH…01 by pool to alice@example.com from the queue");
        sim.verifyInvariants();
    }

    @Test
    void aNewWorkerJoiningAvailableTakesTheQueueAndOthersTakeNothingWhileUnavailable() {
        ConversationsSimulator sim = pool(Routers.pool()).worker("alice@example.com", false).build();
        routeCustomers(sim, 2);

        List<String> byUnavailable = sim.setWorkerAvailability("bob@example.com", false);
        List<String> byBob = sim.setWorkerAvailability("bob@example.com", true);
        List<String> byAliceLater = sim.setWorkerAvailability("alice@example.com", true);

        assertThat(byUnavailable).isEmpty();
        assertThat(byBob).containsExactly(sid(1), sid(2));
        assertThat(byAliceLater).isEmpty();
    }

    @Test
    void aQueuedConversationThatClosesOrIsDeletedLeavesTheQueue() {
        ConversationsSimulator sim = pool(Routers.pool()).worker("alice@example.com", false).build();
        routeCustomers(sim, 3);

        sim.api().updateConversation(sid(1), new ConversationRequest().state("closed"));
        sim.api().deleteConversation(sid(2), false);
        List<String> assigned = sim.setWorkerAvailability("alice@example.com", true);

        assertThat(assigned).containsExactly(sid(3));
        assertThat(worker(sim, sid(1))).isNull();
        assertThat(sim.routingQueue()).isEmpty();
    }

    @Test
    void thePoolsWorkerAddFiresWebhooksLikeTheFrontlineAppsOwnChanges() {
        List<String> identities = new ArrayList<>();
        ConversationsSimulator sim = pool(Routers.pool())
                .worker("alice@example.com", true)
                .globalWebhooks(new WebhookConfigurationRequest().postWebhookUrl(HOOKS).filters("onParticipantAdded"))
                .endpoint(HOOKS, request -> {
                    identities.add(request.param("Identity"));
                    return WebhookResponse.ok();
                })
                .build();

        sim.receive(customer(1), TWILIO, "hello");

        assertThat(identities).containsExactly(null, "alice@example.com");
    }

    @Test
    void aRejectedWorkerAddIsJournaledAndAQueuedConversationLeavesTheQueue() {
        ConversationsSimulator sim = pool(Routers.pool())
                .worker("alice@example.com", false)
                .globalWebhooks(new WebhookConfigurationRequest().preWebhookUrl(HOOKS).filters("onParticipantAdd"))
                .endpoint(HOOKS, request -> WebhookResponse.status(403))
                .build();
        routeCustomers(sim, 1);

        List<String> assigned = sim.setWorkerAvailability("alice@example.com", true);

        assertThat(assigned).isEmpty();
        assertThat(sim.routingQueue()).isEmpty();
        assertThat(worker(sim, sid(1))).isNull();
        assertThat(sim.journalText()).contains("error 20403: pool routing could not add alice@example.com to "
                + sid(1) + ": the pre-action webhook onParticipantAdd at " + HOOKS
                + " answered 403, so the call was rejected; taken out of the queue");
    }

    @Test
    void theSameTrafficGivesTheSameJournalByteForByte() {
        String first = poolScenarioJournal();
        String second = poolScenarioJournal();

        assertThat(first).isEqualTo(second).contains("assigned CH…02 by pool to b@example.com from the queue");
    }

    private static String poolScenarioJournal() {
        ConversationsSimulator sim = pool(Routers.pool())
                .worker("a@example.com", true).worker("b@example.com", false).build();
        routeCustomers(sim, 1);
        sim.setWorkerAvailability("a@example.com", false);
        routeCustomers(sim, 3);
        sim.setWorkerAvailability("b@example.com", true);
        return sim.journalText();
    }

    private static String sid(int n) {
        return dev.convsim.model.Sids.format("CH", n);
    }
}
