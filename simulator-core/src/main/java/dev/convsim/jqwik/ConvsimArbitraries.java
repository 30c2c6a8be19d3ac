package dev.convsim.jqwik;

import dev.convsim.ConversationsSimulator;
import dev.convsim.FidelityOptions;
import dev.convsim.inbound.InboundMessage;
import dev.convsim.jqwik.SimulatorSetup.AddressConfig;
import dev.convsim.jqwik.SimulatorSetup.NumberSetup;
import dev.convsim.jqwik.SimulatorSetup.Service;
import dev.convsim.model.Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for the simulator's inputs. Addresses come from small pools (customers {@code +1555010000k},
 * Twilio numbers {@code +1500555000k}) so that generated messages collide on the same pairs and groups, which is
 * where binding bugs live. Everything shrinks toward the first pool entries and the simplest setup.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<InboundMessage> messages() {
 *     return ConvsimArbitraries.inboundMessages();
 * }
 * }</pre>
 */
public final class ConvsimArbitraries {

    /** How many customer addresses the default pool holds. */
    public static final int DEFAULT_CUSTOMERS = 4;
    /** How many Twilio numbers the default pool holds. */
    public static final int DEFAULT_TWILIO_NUMBERS = 3;

    private ConvsimArbitraries() {
    }

    // ------------------------------------------------------------------ addresses

    /** The k-th customer address (from 1): {@code +15550100001}, … */
    public static Address customer(int k) {
        return Address.sms(String.format("+1555010%04d", k));
    }

    /** The k-th Twilio number (from 1): {@code +15005550001}, … */
    public static Address twilioNumber(int k) {
        return Address.sms(String.format("+1500555%04d", k));
    }

    /** A customer address from the default pool of {@value #DEFAULT_CUSTOMERS}. */
    public static Arbitrary<Address> customerAddresses() {
        return customerAddresses(DEFAULT_CUSTOMERS);
    }

    /** A customer address from a pool of this size (1 to 9999). */
    public static Arbitrary<Address> customerAddresses(int poolSize) {
        return Arbitraries.of(pool(poolSize, true));
    }

    /** A Twilio number from the default pool of {@value #DEFAULT_TWILIO_NUMBERS}. */
    public static Arbitrary<Address> twilioNumbers() {
        return twilioNumbers(DEFAULT_TWILIO_NUMBERS);
    }

    /** A Twilio number from a pool of this size (1 to 9999). */
    public static Arbitrary<Address> twilioNumbers(int poolSize) {
        return Arbitraries.of(pool(poolSize, false));
    }

    private static List<Address> pool(int size, boolean customers) {
        if (size < 1 || size > 9999) {
            throw new IllegalArgumentException("[" + size + "] is not a pool size: expected 1 to 9999");
        }
        List<Address> out = new ArrayList<>(size);
        for (int k = 1; k <= size; k++) {
            out.add(customers ? customer(k) : twilioNumber(k));
        }
        return out;
    }

    // ------------------------------------------------------------------ pairs, groups, messages

    /** A number pair from the default pools. */
    public static Arbitrary<NumberPair> numberPairs() {
        return numberPairs(customerAddresses(), twilioNumbers());
    }

    /** A number pair: a customer address texting a Twilio number. */
    public static Arbitrary<NumberPair> numberPairs(Arbitrary<Address> customers, Arbitrary<Address> twilioNumbers) {
        return Combinators.combine(customers, twilioNumbers).as(NumberPair::new);
    }

    /** A number group of two or three customers from the default pool, texting a default Twilio number. */
    public static Arbitrary<NumberGroup> numberGroups() {
        return numberGroups(customerAddresses(), twilioNumbers());
    }

    /** A number group of two or three distinct customers texting one Twilio number. */
    public static Arbitrary<NumberGroup> numberGroups(Arbitrary<Address> customers, Arbitrary<Address> twilioNumbers) {
        return numberGroups(customers, twilioNumbers, 3);
    }

    /**
     * A number group of two to {@code maxMembers} distinct customers texting one Twilio number (the customers'
     * arbitrary must offer that many distinct addresses).
     */
    public static Arbitrary<NumberGroup> numberGroups(Arbitrary<Address> customers, Arbitrary<Address> twilioNumbers,
            int maxMembers) {
        if (maxMembers < 2) {
            throw new IllegalArgumentException("maxMembers [" + maxMembers + "] is too small: a group has at least two members");
        }
        return Combinators.combine(twilioNumbers, customers.list().uniqueElements().ofMinSize(2).ofMaxSize(maxMembers))
                .as(NumberGroup::new);
    }

    /** A short message body: mostly {@code m1} … {@code m9}, sometimes {@code spam} (see {@link SimulatorSetup#rejectWord()}). */
    public static Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(1, 9).map(i -> "m" + i)),
                Tuple.of(1, Arbitraries.just("spam")));
    }

    /** An inbound message from the default pools: mostly 1:1, sometimes a group MMS. */
    public static Arbitrary<InboundMessage> inboundMessages() {
        return inboundMessages(numberPairs(), numberGroups(), bodies());
    }

    /** An inbound message to one of the setup's Twilio numbers, from the default customer pool. */
    public static Arbitrary<InboundMessage> inboundMessages(SimulatorSetup setup) {
        Arbitrary<Address> to = Arbitraries.of(setup.twilioNumbers());
        return inboundMessages(numberPairs(customerAddresses(), to), numberGroups(customerAddresses(), to), bodies());
    }

    /** An inbound message: four in five 1:1 from a pair, the rest a group MMS from one of the group's members. */
    public static Arbitrary<InboundMessage> inboundMessages(Arbitrary<NumberPair> pairs, Arbitrary<NumberGroup> groups,
            Arbitrary<String> bodies) {
        Arbitrary<InboundMessage> oneToOne = Combinators.combine(pairs, bodies).as(NumberPair::message);
        Arbitrary<InboundMessage> group = Combinators.combine(groups, Arbitraries.integers().between(0, 2), bodies)
                .as((g, from, body) -> g.messageFrom(from % g.members().size(), body));
        return Arbitraries.frequencyOf(Tuple.of(4, oneToOne), Tuple.of(1, group));
    }

    // ------------------------------------------------------------------ time

    /** A start instant within a year of {@link ConversationsSimulator#DEFAULT_START}, to the second. */
    public static Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(0, 365L * 24 * 3600)
                .map(seconds -> ConversationsSimulator.DEFAULT_START.plusSeconds(seconds));
    }

    /** A step of the clock, from a second to a day, with the timer minimums (1 and 10 minutes) among them. */
    public static Arbitrary<Duration> advances() {
        return Arbitraries.of(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(6), Duration.ofDays(1));
    }

    // ------------------------------------------------------------------ configurations

    /**
     * Fidelity options, varying the choices the reference leaves open (which webhooks fire alongside, which
     * autocreation path wins, the reactivation reason, when a scoped webhook is attached); group MMS, limits and
     * the journal bound stay at defaults.
     */
    public static Arbitrary<FidelityOptions> fidelityOptions() {
        return Combinators.combine(
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of("EVENT", "API"),
                Arbitraries.of(true, false), Arbitraries.of(false, true), Arbitraries.of(false, true),
                Arbitraries.of(true, false))
                .as((numberHook, acFirst, reason, both, skip, stateUpdated, scopedSees) -> FidelityOptions.defaults()
                        .toBuilder()
                        .numberWebhookFiresAlongside(numberHook)
                        .addressConfigurationFirst(acFirst)
                        .reactivationReason(reason)
                        .globalAndServiceBothReceive(both)
                        .serviceSkipsCarrierMessageAdded(skip)
                        .stateUpdatedOnOneToOneAutocreation(stateUpdated)
                        .scopedWebhookSeesAutocreation(scopedSees)
                        .build());
    }

    /** How one Twilio number handles inbound messages. */
    public static Arbitrary<NumberSetup> numberSetups(Address number) {
        return Combinators.combine(Arbitraries.of(AddressConfig.class), Arbitraries.of(Service.class),
                Arbitraries.of(false, true))
                .as((ac, ms, sms) -> new NumberSetup(number, ac, ms, sms));
    }

    /**
     * A simulator setup over the first one to {@value #DEFAULT_TWILIO_NUMBERS} default Twilio numbers, each handled
     * its own way, with or without default timers, pool routing, a rejecting pre-action webhook and post-action
     * webhooks, and varied fidelity options.
     */
    public static Arbitrary<SimulatorSetup> setups() {
        Arbitrary<List<NumberSetup>> numbers = Arbitraries.integers().between(1, DEFAULT_TWILIO_NUMBERS)
                .flatMap(n -> {
                    List<Arbitrary<NumberSetup>> each = new ArrayList<>();
                    for (int k = 1; k <= n; k++) {
                        each.add(numberSetups(twilioNumber(k)));
                    }
                    return Combinators.combine(each).as(list -> list);
                });
        Arbitrary<Duration> inactive = Arbitraries.of(Duration.ofMinutes(5), Duration.ofHours(1)).injectNull(0.5);
        Arbitrary<Duration> closed = Arbitraries.of(Duration.ofMinutes(30), Duration.ofHours(2)).injectNull(0.5);
        Arbitrary<Map<String, Boolean>> workers = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Map.of())),
                Tuple.of(1, Arbitraries.of(true, false).map(alice -> workers("alice@example.com", alice,
                        "bob@example.com", false))));
        Arbitrary<String> reject = Arbitraries.just("spam").injectNull(0.5);
        return Combinators.combine(starts(), numbers, inactive, closed, workers, reject, Arbitraries.of(false, true),
                fidelityOptions())
                .as(SimulatorSetup::new);
    }

    private static Map<String, Boolean> workers(String a, boolean aAvailable, String b, boolean bAvailable) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        out.put(a, aAvailable);
        out.put(b, bAvailable);
        return out;
    }
}
