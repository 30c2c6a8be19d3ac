package dev.convsim;

import dev.convsim.model.Address;
import java.util.Arrays;

/**
 * The binding index: which participant holds each (address, proxy address) pair. Guarded by the engine lock.
 *
 * <p>Every inbound message looks its pair up here, so the table is open addressing over the participants
 * themselves: a lookup builds no key object and follows no map entry, it reads a slot and compares the participant's
 * two addresses. Linear probing, at most half full; removal shifts the rest of the probe run back (no tombstones).
 */
final class PairIndex {


    private PartEntity[] holders = new PartEntity[16];
    /** The pair hash of the holder in the same slot, so a probe rarely compares addresses that differ. */
    private int[] hashes = new int[16];
    private int size;

    private static int hash(Address address, Address proxyAddress) {
        int h = address.hashCode() * 31 + proxyAddress.hashCode();
        return h ^ (h >>> 16);
    }

    private static boolean holds(PartEntity p, Address address, Address proxyAddress) {
        return p.address.equals(address) && p.proxyAddress.equals(proxyAddress);
    }

    PartEntity get(Address address, Address proxyAddress) {
        int h = hash(address, proxyAddress);
        int mask = holders.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            PartEntity p = holders[i];
            if (p == null) {
                return null;
            }
            if (hashes[i] == h && holds(p, address, proxyAddress)) {
                return p;
            }
        }
    }

    /** Gives the participant's pair to it, in place of any participant that held the pair before. */
    void put(PartEntity p) {
        if (2 * (size + 1) > holders.length) {
            grow();
        }
        int h = hash(p.address, p.proxyAddress);
        int mask = holders.length - 1;
        int i = h & mask;
        while (holders[i] != null) {
            if (hashes[i] == h && holds(holders[i], p.address, p.proxyAddress)) {
                holders[i] = p;
                return;
            }
            i = (i + 1) & mask;
        }
        holders[i] = p;
        hashes[i] = h;
        size++;
    }

    /** Removes the participant's pair, if the index still gives it to that participant. */
    void remove(PartEntity p) {
        int mask = holders.length - 1;
        for (int i = hash(p.address, p.proxyAddress) & mask; holders[i] != null; i = (i + 1) & mask) {
            if (holders[i] == p) {
                removeAt(i);
                return;
            }
        }
    }

    /** Empties slot {@code i}, moving back each later holder of the probe run that may not stay behind a gap. */
    private void removeAt(int i) {
        int mask = holders.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; holders[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            // the holder at j may stay only if its home slot lies cyclically in (gap, j]
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                holders[gap] = holders[j];
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        holders[gap] = null;
        hashes[gap] = 0;
        size--;
    }

    private void grow() {
        PartEntity[] old = holders;
        holders = new PartEntity[old.length * 2];
        hashes = new int[old.length * 2];
        size = 0;
        for (PartEntity p : old) {
            if (p != null) {
                put(p);
            }
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(holders, null);
        Arrays.fill(hashes, 0);
        size = 0;
    }

    void forEach(java.util.function.Consumer<PartEntity> action) {
        for (PartEntity p : holders) {
            if (p != null) {
                action.accept(p);
            }
        }
    }
}
