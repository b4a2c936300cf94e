package dev.keel.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * A request to stop, made from outside the thread doing the work (a signal handler, an application
 * shutting down). Closing a JDBC connection does not stop the server: a backend runs its statement,
 * and keeps its locks, until it next talks to its client. So cancelling sends PostgreSQL's cancel
 * request for every session the work registered, and the work sees the flag at its next step.
 */
public final class Cancellation {
    private final Set<Connection> watched = ConcurrentHashMap.newKeySet();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile String reason;

    /** A token for work that nobody outside will cancel (an application calling the library). */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Marks the work cancelled and cancels the statements of its registered sessions. */
    public void cancel(String why) {
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
        }
        cancelled.countDown();
        cancelStatements();
    }

    /** Sends the cancel request again: one that reached the server just before a statement started stopped nothing. */
    public void cancelStatements() {
        for (Connection c : watched) {
            sendCancel(c);
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** What asked to stop (e.g. "SIGTERM"), or null while nothing did. */
    public String reason() {
        return reason;
    }

    /** Cancels this session's statements when the work is cancelled, until the registration is closed. */
    public Registration watch(Connection session) {
        watched.add(session);
        if (isCancelled()) {
            sendCancel(session);
        }
        return () -> watched.remove(session);
    }

    /** Waits for {@code duration}; returns false at once when the work is (or gets) cancelled. */
    public boolean pause(Duration duration) {
        try {
            return !cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sendCancel(Connection session) {
        try {
            session.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException e) {
            // The session is closed or was never PostgreSQL's: nothing runs on it that could be stopped.
        }
    }

    /** Stops watching a session; closing it is the owner's business. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
