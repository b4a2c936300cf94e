package dev.keel.backup.replica;

import java.util.List;

/** {@code keel replica list --json}: the primary it asked, and its standbys. */
public record ReplicaListResult(String primary, List<ReplicaStatus> replicas) {}
