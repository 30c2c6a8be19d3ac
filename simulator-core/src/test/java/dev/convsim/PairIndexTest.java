package dev.convsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convsim.model.Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binding index's open-addressing table against a plain map, over long random runs. */
class PairIndexTest {

    private static final ConvEntity CONVERSATION = new ConvEntity("CH00000000000000000000000000000001",
            "IS00000000000000000000000000000001", Instant.EPOCH);

    private static PartEntity participant(int n, Address address, Address proxy) {
        return new PartEntity(String.format("MB%032x", n), CONVERSATION, null, address, proxy, null, Instant.EPOCH);
    }

    @Test
    void agreesWithAMapOverPutsReplacementsAndRemovals() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            PairIndex index = new PairIndex();
            Map<PairKey, PartEntity> model = new HashMap<>();
            List<PartEntity> everyone = new ArrayList<>();
            // few proxies and a few hundred senders: long probe runs, many replacements and removals
            Address[] proxies = {Address.sms("+15005550001"), Address.sms("+15005550002"),
                Address.whatsapp("+15005550001")};
            for (int step = 0; step < 20_000; step++) {
                Address proxy = proxies[random.nextInt(proxies.length)];
                Address address = proxy.channel() == dev.convsim.model.Channel.WHATSAPP
                        ? Address.whatsapp("+1555" + (1_000_000 + random.nextInt(300)))
                        : Address.sms("+1555" + (1_000_000 + random.nextInt(300)));
                PairKey key = new PairKey(address, proxy);
                int action = random.nextInt(10);
                if (action < 4) {
                    PartEntity p = participant(step, address, proxy);
                    everyone.add(p);
                    index.put(p);
                    model.put(key, p);
                } else if (action < 8 && !everyone.isEmpty()) {
                    // remove someone, holder or not: only the holder's removal changes anything
                    PartEntity p = everyone.get(random.nextInt(everyone.size()));
                    index.remove(p);
                    model.remove(new PairKey(p.address, p.proxyAddress), p);
                }
                assertThat(index.get(address, proxy)).as("seed %d step %d: %s", seed, step, key)
                        .isSameAs(model.get(key));
                assertThat(index.size()).isEqualTo(model.size());
            }
            for (Map.Entry<PairKey, PartEntity> e : model.entrySet()) {
                assertThat(index.get(e.getKey().address(), e.getKey().proxyAddress())).isSameAs(e.getValue());
            }
            List<PartEntity> visited = new ArrayList<>();
            index.forEach(visited::add);
            assertThat(visited).containsExactlyInAnyOrderElementsOf(model.values());
        }
    }

    @Test
    void removingAHolderKeepsEveryOtherHolderOfItsProbeRunFindable() {
        PairIndex index = new PairIndex();
        Address proxy = Address.sms("+15005550001");
        List<PartEntity> holders = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            PartEntity p = participant(i, Address.sms("+1555" + (2_000_000 + i)), proxy);
            holders.add(p);
            index.put(p);
        }
        for (int i = 0; i < holders.size(); i += 3) {
            index.remove(holders.get(i));
        }
        for (int i = 0; i < holders.size(); i++) {
            PartEntity p = holders.get(i);
            assertThat(index.get(p.address, proxy)).isSameAs(i % 3 == 0 ? null : p);
        }
        index.clear();
        assertThat(index.size()).isZero();
        assertThat(index.get(holders.get(1).address, proxy)).isNull();
    }
}
