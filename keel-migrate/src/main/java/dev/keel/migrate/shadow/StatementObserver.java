package dev.keel.migrate.shadow;

import dev.keel.sql.LockMode;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one statement on the shadow and gathers what it did, from three witnesses that each see what
 * the others cannot: the session's own pg_locks after the statement (inside a transaction locks stay
 * until its end; this is all DML shows), the event trigger at the end of each DDL command (also
 * outside a transaction), and the lock witness for statements outside a transaction. Rewrites show as
 * a changed relfilenode, full reads as a new sequential scan in this transaction's statistics.
 */
public final class StatementObserver {
    private final Connection connection;
    private final int pid;
    private final LockCapture capture;
    private final LockWitness witness;
    private final Set<Long> existing;

    private StatementObserver(
            Connection connection, int pid, LockCapture capture, LockWitness witness, Set<Long> existing) {
        this.connection = connection;
        this.pid = pid;
        this.capture = capture;
        this.witness = witness;
        this.existing = existing;
    }

    /** Call before the first pending statement: the relations that exist now are the ones the findings judge. */
    public static StatementObserver start(Connection connection, LockCapture capture, LockWitness witness)
            throws SQLException {
        int pid;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        capture.next(connection);
        return new StatementObserver(
                connection,
                pid,
                capture,
                witness,
                new HashSet<>(relations(connection).keySet()));
    }

    /** Runs the statement in the connection's current mode (a transaction or autocommit). */
    public StatementEffects observe(String sql) throws SQLException, StatementRejected {
        boolean inTransaction = !connection.getAutoCommit();
        Map<Long, Relation> before = relations(connection);
        Set<TakenLock> heldBefore = inTransaction ? LockWitness.locks(connection, pid) : Set.of();
        Set<TakenLock> taken = new HashSet<>();
        long start = System.nanoTime();
        try {
            if (inTransaction) {
                run(sql);
            } else {
                taken.addAll(witness.watch(pid, existingTables(before), () -> run(sql)));
            }
        } catch (Rejected e) {
            throw new StatementRejected(e.getCause());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<Long, Relation> after = relations(connection);
        if (inTransaction) {
            Set<TakenLock> now = LockWitness.locks(connection, pid);
            now.removeAll(heldBefore);
            taken.addAll(now);
        }
        LockCapture.Captured captured = capture.next(connection);
        taken.addAll(captured.locks());
        return new StatementEffects(
                strongestOnExistingTables(taken, after),
                captured.tags(),
                changed(before, after, true),
                changed(before, after, false),
                millis);
    }

    private void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new Rejected(e);
        }
    }

    private List<RelationName> existingTables(Map<Long, Relation> relations) {
        return relations.values().stream()
                .filter(r -> existing.contains(r.oid()) && r.isTable())
                .map(Relation::name)
                .sorted()
                .toList();
    }

    private Map<RelationName, LockMode> strongestOnExistingTables(Set<TakenLock> taken, Map<Long, Relation> after) {
        Map<RelationName, Relation> byName = new HashMap<>();
        after.values().forEach(r -> byName.put(r.name(), r));
        Map<RelationName, LockMode> strongest = new TreeMap<>();
        for (TakenLock lock : taken) {
            Relation r = byName.get(lock.relation());
            if (r != null && r.isTable() && existing.contains(r.oid())) {
                strongest.merge(lock.relation(), lock.mode(), LockMode::strongest);
            }
        }
        return strongest;
    }

    /** With {@code rewrites}: relations whose storage file changed; otherwise tables read in full. */
    private List<RelationName> changed(Map<Long, Relation> before, Map<Long, Relation> after, boolean rewrites) {
        List<RelationName> names = new ArrayList<>();
        for (Relation was : before.values()) {
            Relation now = after.get(was.oid());
            if (now == null || !existing.contains(was.oid())) {
                continue;
            }
            boolean hit =
                    rewrites ? now.fileNode() != was.fileNode() : now.isPlainTable() && now.seqScans() > was.seqScans();
            if (hit) {
                names.add(now.name());
            }
        }
        names.sort(null);
        return names;
    }

    private record Relation(long oid, RelationName name, String kind, long fileNode, long seqScans) {
        boolean isTable() {
            return kind.equals("r") || kind.equals("p");
        }

        boolean isPlainTable() {
            return kind.equals("r");
        }
    }

    private static Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(StatementObserver.class, "shadow-relations.sql"))) {
            while (rs.next()) {
                relations.put(
                        rs.getLong(1),
                        new Relation(
                                rs.getLong(1),
                                new RelationName(rs.getString(2), rs.getString(3)),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getLong(6)));
            }
        }
        return relations;
    }

    /** Carries the statement's own failure past the lock witness, apart from failures of the observation. */
    private static final class Rejected extends SQLException {
        Rejected(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }
}
