package dev.keel.migrate.shadow;

import dev.keel.connect.ConnectionSource;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Sees the locks of a statement that runs outside a transaction, where nothing is left to read once
 * it ends and where CREATE INDEX CONCURRENTLY releases its table lock before the event trigger
 * fires. A second session holds ROW EXCLUSIVE, the lock of every write, on each table that existed
 * before the migrations: a statement that wants a lock blocking writes must wait for it, and a
 * concurrent index build waits for it too (it waits out every transaction that holds a lock
 * conflicting with SHARE). A third session sees the statement wait, reads what it holds and wants,
 * and lets the holder go, so the statement then finishes as it would on a quiet database.
 */
public final class LockWitness implements AutoCloseable {
    private static final long POLL_MILLIS = 2;

    private final ConnectionSource shadow;
    private Connection holder;
    private Connection watcher;

    public LockWitness(ConnectionSource shadow) {
        this.shadow = shadow;
    }

    /** A statement run on the connection of backend {@code pid}. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /** Runs the work and returns the relation locks its backend held or waited for while it waited; empty if it never waited. */
    public Set<TakenLock> watch(int pid, Collection<RelationName> tables, Work work) throws SQLException {
        Set<TakenLock> seen = ConcurrentHashMap.newKeySet();
        if (tables.isEmpty()) {
            work.run();
            return seen;
        }
        if (!hold(tables)) {
            work.run();
            return seen;
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        while (!done.get() && !released.get()) {
                            if (waiting(pid)) {
                                seen.addAll(locks(watcher, pid));
                                release(released);
                            } else {
                                Thread.sleep(POLL_MILLIS);
                            }
                        }
                    } catch (SQLException e) {
                        failure.set(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        // Never leave the statement waiting for a holder nobody watches any more.
                        release(released);
                    }
                },
                "keel-shadow-lock-witness");
        thread.setDaemon(true);
        thread.start();
        try {
            work.run();
        } finally {
            done.set(true);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return seen;
    }

    /** False when the holder could not lock the tables (e.g. more tables than the server's lock table holds): no witness then. */
    private boolean hold(Collection<RelationName> tables) throws SQLException {
        if (holder == null) {
            holder = shadow.open();
            watcher = shadow.open();
            try (Statement s = holder.createStatement()) {
                // A holder stuck by a bug ends itself instead of keeping the shadow busy forever.
                s.execute("SET idle_in_transaction_session_timeout = '60s'");
                s.execute("SET lock_timeout = '10s'");
            }
            holder.setAutoCommit(false);
        }
        String list = tables.stream().map(RelationName::quoted).collect(Collectors.joining(", "));
        try (Statement s = holder.createStatement()) {
            s.execute("LOCK TABLE " + list + " IN ROW EXCLUSIVE MODE");
            return true;
        } catch (SQLException e) {
            holder.rollback();
            return false;
        }
    }

    private void release(AtomicBoolean released) {
        if (released.compareAndSet(false, true)) {
            try {
                holder.rollback();
            } catch (SQLException e) {
                // The rollback failed only if the session is gone, and then its locks are gone too.
            }
        }
    }

    private boolean waiting(int pid) throws SQLException {
        try (PreparedStatement s = watcher.prepareStatement(SqlResources.load(LockWitness.class, "waiting.sql"))) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The relation locks backend {@code pid} holds or waits for (a lock it waits for it takes next). */
    static Set<TakenLock> locks(Connection c, int pid) throws SQLException {
        Set<TakenLock> locks = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(LockWitness.class, "shadow-locks.sql"))) {
            s.setInt(1, pid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RelationName relation = new RelationName(rs.getString(1), rs.getString(2));
                    LockMode.fromPgLocks(rs.getString(3)).ifPresent(mode -> locks.add(new TakenLock(relation, mode)));
                }
            }
        }
        return locks;
    }

    @Override
    public void close() throws SQLException {
        try (Connection h = holder;
                Connection w = watcher) {
            // closing both
        }
    }
}
