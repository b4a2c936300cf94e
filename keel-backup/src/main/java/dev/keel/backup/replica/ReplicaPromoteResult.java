package dev.keel.backup.replica;

/**
 * What {@code keel replica promote} did; the JSON of {@code --json}.
 *
 * @param timeline the timeline the promoted server writes on now
 * @param port the port it listens on, from postmaster.pid
 */
public record ReplicaPromoteResult(String dataDir, int timeline, Integer port, String postgresVersion, long millis) {}
