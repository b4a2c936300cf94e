package dev.keel.testing.live;

import java.time.Duration;
import java.util.List;

/**
 * The longest an application session was seen waiting for one lock (sampled from pg_locks, so the
 * real wait was at least this long): the lock, who held it up, and the statement that waited.
 */
public record LockWait(
        String application,
        int pid,
        String lockType,
        String mode,
        String relation,
        Duration waited,
        List<Integer> blockedBy,
        String query,
        String step) {

    @Override
    public String toString() {
        return application + " (pid " + pid + ") waited " + waited.toMillis() + " ms for " + mode + " on "
                + (relation.isEmpty() ? lockType : relation) + " during " + step + ", blocked by " + blockedBy
                + ": " + query;
    }
}
