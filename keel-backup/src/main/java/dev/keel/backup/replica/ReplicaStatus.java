package dev.keel.backup.replica;

/**
 * One standby as the primary sees it.
 *
 * @param name its application_name
 * @param state pg_stat_replication's state (streaming, catchup, startup, backup, stopping), or disconnected
 * @param replayLsn where it has replayed to; for a disconnected one, where its slot holds WAL from
 * @param lagBytes WAL written on the primary that it has not replayed; for a disconnected one, what its slot retains
 * @param lagSeconds how long its replay is behind; null when unknown (disconnected, or not measured yet)
 * @param slot the slot it streams through, or keeps WAL in while disconnected; null for none
 * @param retainedBytes WAL the slot keeps on the primary
 * @param keel whether keel made it (it is in keel.replicas)
 * @param targetDir, madeOn, source what keel recorded when it made it; null otherwise
 */
public record ReplicaStatus(
        String name,
        String state,
        String syncState,
        String client,
        String replayLsn,
        Long lagBytes,
        Double lagSeconds,
        String slot,
        Long retainedBytes,
        boolean keel,
        String targetDir,
        String madeOn,
        String source) {

    public boolean connected() {
        return !ReplicaList.DISCONNECTED.equals(state);
    }
}
