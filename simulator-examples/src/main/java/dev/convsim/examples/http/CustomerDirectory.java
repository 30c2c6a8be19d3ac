package dev.convsim.examples.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Frontline demo's in-memory CRM: customers, and the {@code customersToWorkersMap} from a customer address
 * (exactly as it arrives in {@code MessagingBinding.Address}) to a worker identity. Thread-safe; fill it before
 * traffic or while the service runs.
 *
 * <pre>{@code
 * CustomerDirectory crm = new CustomerDirectory()
 *         .customer(new Customer("1", "Coleridge", null, "john@example.com", List.of("+15551230001")))
 *         .mapWorker("+15551230001", "john@example.com");
 * }</pre>
 */
public final class CustomerDirectory {

    private final List<Customer> customers = new ArrayList<>();
    private final Map<String, String> customersToWorkers = new LinkedHashMap<>();

    /** Adds a customer. */
    public synchronized CustomerDirectory customer(Customer customer) {
        customers.add(customer);
        return this;
    }

    /** Maps a customer address to the worker who handles it (an entry of {@code customersToWorkersMap}). */
    public synchronized CustomerDirectory mapWorker(String customerAddress, String workerIdentity) {
        customersToWorkers.put(customerAddress, workerIdentity);
        return this;
    }

    /** The first customer with a channel whose value is exactly this address, or null (no normalisation). */
    public synchronized Customer byNumber(String address) {
        for (Customer c : customers) {
            if (c.channels().contains(address)) {
                return c;
            }
        }
        return null;
    }

    /** The worker mapped to this exact address, or null. */
    public synchronized String workerFor(String address) {
        return customersToWorkers.get(address);
    }

    /** One of the distinct mapped workers, in insertion order, picked with the given random; null if none. */
    public synchronized String randomWorker(Random random) {
        List<String> workers = new ArrayList<>(new LinkedHashSet<>(customersToWorkers.values()));
        return workers.isEmpty() ? null : workers.get(random.nextInt(workers.size()));
    }
}
