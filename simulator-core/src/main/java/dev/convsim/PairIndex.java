package dev.convsim;

import dev.convsim.model.Address;
import java.util.HashMap;
import java.util.Map;

/**
 * The binding index: which participant holds each (address, proxy address) pair. Guarded by the engine lock. Keyed
 * first by the proxy address (the Twilio number: few of them) and then by the customer's address, so the lookup
 * every inbound message makes builds no key object.
 */
final class PairIndex {

    /** Receives one binding of the index. */
    interface Visitor {
        void visit(Address address, Address proxyAddress, PartEntity holder);
    }

    private final Map<Address, Map<Address, PartEntity>> byProxy = new HashMap<>();

    PartEntity get(Address address, Address proxyAddress) {
        Map<Address, PartEntity> holders = byProxy.get(proxyAddress);
        return holders == null ? null : holders.get(address);
    }

    void put(PartEntity p) {
        byProxy.computeIfAbsent(p.proxyAddress, k -> new HashMap<>()).put(p.address, p);
    }

    /** Removes the participant's pair, if the index still gives it to that participant. */
    void remove(PartEntity p) {
        Map<Address, PartEntity> holders = byProxy.get(p.proxyAddress);
        if (holders != null && holders.get(p.address) == p) {
            holders.remove(p.address);
            if (holders.isEmpty()) {
                byProxy.remove(p.proxyAddress);
            }
        }
    }

    void clear() {
        byProxy.clear();
    }

    void forEach(Visitor visitor) {
        byProxy.forEach((proxy, holders) -> holders.forEach((address, p) -> visitor.visit(address, proxy, p)));
    }
}
