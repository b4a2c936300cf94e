package dev.keel.jdbc.routing;

import java.util.OptionalLong;

/**
 * One replica as the router last saw it: whether it may serve reads, how far it has replayed
 * ({@code pg_last_wal_replay_lsn()} as a number), and how far it lags the primary in WAL bytes and in
 * time (how long ago the primary had written what the replica has not replayed yet).
 */
public record ReplicaStatus(String name, boolean up, OptionalLong replayLsn, long lagBytes, double lagSeconds) {

    /** The replay position as PostgreSQL prints it ({@code 0/16B3748}), or "unknown". */
    public String replayLsnText() {
        return replayLsn.isPresent() ? Lsn.format(replayLsn.getAsLong()) : "unknown";
    }
}
