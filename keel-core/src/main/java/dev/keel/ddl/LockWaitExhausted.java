package dev.keel.ddl;

import dev.keel.config.Durations;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** Every try timed out waiting for a lock (SQLSTATE 55P03); names the sessions that held it. Exit code 4. */
public final class LockWaitExhausted extends KeelException {
    private final List<Blocker> blockers;
    private final int attempts;

    LockWaitExhausted(Duration lockTimeout, int attempts, List<Blocker> blockers, boolean watched, SQLException cause) {
        super(
                CoreError.LOCK_TIMEOUT,
                describe(lockTimeout, attempts, blockers, watched),
                "end or wait for the blocking sessions, then try again",
                cause);
        this.blockers = List.copyOf(blockers);
        this.attempts = attempts;
    }

    private static String describe(Duration lockTimeout, int attempts, List<Blocker> blockers, boolean watched) {
        String by = !watched
                ? "keel watches who blocks only from the second try on (lock retries are 0)"
                : blockers.isEmpty()
                        ? "the blocking session ended before keel could name it"
                        : "blocked by "
                                + String.join(
                                        "; ",
                                        blockers.stream().map(Blocker::toString).toList());
        return "could not get a lock within " + Durations.human(lockTimeout) + " in " + attempts
                + (attempts == 1 ? " try" : " tries") + "; " + by;
    }

    public List<Blocker> blockers() {
        return blockers;
    }

    public int attempts() {
        return attempts;
    }

    /** The last try's lock timeout error. */
    public SQLException sqlException() {
        return (SQLException) getCause();
    }
}
