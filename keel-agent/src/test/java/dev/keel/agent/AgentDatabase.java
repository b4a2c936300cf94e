package dev.keel.agent;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of a test cluster as the agent reaches it, and what the tests ask it. */
public final class AgentDatabase {
    private final TestCluster cluster;
    private final String name;

    private AgentDatabase(TestCluster cluster, String name) {
        this.cluster = cluster;
        this.name = name;
    }

    /** A fresh database on the cluster. */
    public static AgentDatabase fresh(TestCluster cluster) {
        return new AgentDatabase(cluster, cluster.createDatabase());
    }

    public ConnectionSource source() {
        return ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(name), TestCluster.SUPERUSER, null, "test"));
    }

    public String name() {
        return name;
    }

    public String url() {
        return cluster.jdbcUrl(name);
    }

    public long count(String sql) {
        try (Connection c = cluster.connect(name);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs in agent_runs matching {@code where}; 0 before the agent created the table. */
    public long runs(String where) {
        if (count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('keel.agent_runs')") == 0) {
            return 0;
        }
        return count("SELECT count(*) FROM keel.agent_runs WHERE " + where);
    }

    public void execute(String sql) {
        cluster.execute(name, sql);
    }

    /** Ends the session holding the leader's lock of schema keel, as a dead connection would; returns how many. */
    public long terminateLeaderSession() {
        return count("SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND ((classid::bigint << 32) | objid::bigint) = hashtext('keel up leader keel')::bigint"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    /** Pairs of runs of one job whose times overlap: what "never twice at once" forbids. */
    public long overlappingRuns() {
        return count(
                "SELECT count(*) FROM keel.agent_runs a JOIN keel.agent_runs b ON a.job = b.job AND a.id < b.id"
                        + " AND tstzrange(a.started, coalesce(a.finished, 'infinity')) && tstzrange(b.started, coalesce(b.finished, 'infinity'))");
    }
}
