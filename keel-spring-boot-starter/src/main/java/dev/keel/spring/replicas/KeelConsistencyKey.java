package dev.keel.spring.replicas;

/**
 * The application's own consistency key (a user id, a tenant), used with {@code keel.replicas.consistency-key=bean}:
 * a read-only transaction goes to a replica only once it has replayed the last write made under the same key.
 */
@FunctionalInterface
public interface KeelConsistencyKey {

    /** The key of the work running on this thread; null falls back to the thread. */
    String currentKey();
}
