package dev.keel.stats;

import dev.keel.config.Durations;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real values behind a normalized statement's {@code $n}, sampled from pg_stat_activity.
 * pg_stat_statements turns every constant into a parameter, and a generic plan then assumes an
 * average value: {@code status = 'pending'} (1 % of the rows) looks like {@code status = $1} (a third).
 * Looking at the statements running now, as clients sent them, recovers the values.
 *
 * <p>Sampling at instants sees an execution with a chance proportional to how long it runs: the
 * slow statements, the ones index advice is for, are seen most. Each execution (backend pid and
 * query start) counts once, however many looks see it. Clients that use the extended protocol
 * (JDBC prepared statements) show {@code $1} there, not values: their statements get no samples
 * and are advised from the generic plan, as before.
 *
 * <p>Values may be personal data (an e-mail in a WHERE clause). Only values are stored, never the
 * text around them, only the newest {@link #KEPT_PER_STATEMENT} per statement, and keel stats prune
 * deletes them with the snapshots.
 */
public final class LiteralSamples {
    /** Enough to see the common values of a statement, few enough that old values do not linger. */
    public static final int KEPT_PER_STATEMENT = 50;
    /** A look costs a read of pg_stat_activity (about a millisecond); 20 a second stays well below 1 % of a core. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private static final int QUERY_ID_SINCE = 140000;

    private final StatsSchema tables;

    public LiteralSamples(String schema) {
        this.tables = new StatsSchema(schema);
    }

    /** A set of values and how often it was seen. */
    public record Sample(List<String> literals, long seen) {
        public Sample {
            literals = List.copyOf(literals);
        }
    }

    /** The most frequent value sets of one statement, with the number of observations they come from. */
    public record Samples(List<Sample> sets, long observations) {
        public Samples {
            sets = List.copyOf(sets);
        }

        public boolean isEmpty() {
            return sets.isEmpty();
        }
    }

    /**
     * What one observation saw.
     *
     * @param executions distinct statement executions seen running
     * @param stored those whose values were read and stored
     * @param statements how many different statements (queryids) the stored ones belong to
     * @param withoutValues executions whose text showed $n parameters or was not a plain match (extended protocol, cut text)
     */
    public record Observation(
            Duration duration,
            long looks,
            long executions,
            long stored,
            long statements,
            long withoutValues,
            List<String> notes) {
        public Observation {
            notes = List.copyOf(notes);
        }

        public String describe() {
            return "watched pg_stat_activity for " + Durations.rounded(duration) + " (" + looks + " looks): "
                    + executions
                    + (executions == 1 ? " execution" : " executions") + " seen, the values of " + stored
                    + " stored for " + statements
                    + (statements == 1 ? " statement" : " statements")
                    + (withoutValues > 0
                            ? "; " + withoutValues
                                    + " showed no values ($n parameters of extended-protocol clients, or cut text)"
                            : "");
        }
    }

    /**
     * Looks at pg_stat_activity every {@code interval} for {@code duration} (at least once), and
     * stores the values of what it saw. Pass a connection in autocommit mode.
     */
    public Observation observe(Connection c, Duration duration, Duration interval) {
        try {
            List<String> notes = new ArrayList<>();
            if (serverVersion(c) < QUERY_ID_SINCE) {
                notes.add(
                        "sampling values needs PostgreSQL 14 or later (pg_stat_activity.query_id): statements are advised from their generic plans");
                return new Observation(duration, 0, 0, 0, 0, 0, notes);
            }
            PgStatStatements source = PgStatStatements.ensureReady(c);
            Map<String, Seen> seen = new LinkedHashMap<>();
            long looks = 0;
            long deadline = System.nanoTime() + duration.toNanos();
            do {
                look(c, seen);
                looks++;
                if (System.nanoTime() >= deadline) {
                    break;
                }
                try {
                    Thread.sleep(
                            Math.max(1, Math.min(interval.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } while (System.nanoTime() < deadline);
            if (!compute(c)) {
                notes.add(
                        "compute_query_id is off, so pg_stat_activity names no statement: set it to auto (the default) or on to sample values");
            }
            Map<Long, String> normalized = normalized(c, source, seen.values());
            Map<Long, List<List<String>>> values = new LinkedHashMap<>();
            long without = 0;
            for (Seen s : seen.values()) {
                String shape = normalized.get(s.queryId());
                Optional<List<String>> literals =
                        shape == null ? Optional.empty() : LiteralAlignment.literals(shape, s.query());
                if (literals.isPresent()) {
                    values.computeIfAbsent(s.queryId(), k -> new ArrayList<>()).add(literals.get());
                } else if (shape == null || parameters(shape)) {
                    without++;
                }
            }
            long stored = store(c, values);
            return new Observation(duration, looks, seen.size(), stored, values.size(), without, notes);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "sampling statement values from pg_stat_activity failed: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "check that the user may read pg_stat_activity (pg_read_all_stats) and write keel's schema",
                    e);
        }
    }

    /** The {@code limit} most frequent value sets of a statement seen since {@code since}; empty when none were stored. */
    public Samples of(Connection c, long queryId, OffsetDateTime since, int limit) throws SQLException {
        if (!exists(c)) {
            return new Samples(List.of(), 0);
        }
        List<Sample> sets = new ArrayList<>();
        long observations = 0;
        try (PreparedStatement s =
                c.prepareStatement(SqlResources.load(LiteralSamples.class, "samples-select.sql", tables.names()))) {
            s.setLong(1, queryId);
            s.setObject(2, since);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> literals =
                            Arrays.asList((String[]) rs.getArray("literals").getArray());
                    // The table is keel's, but whoever can write it could plant text: only plain literals are ever
                    // planned.
                    if (literals.stream().allMatch(LiteralAlignment::isLiteral)) {
                        sets.add(new Sample(literals, rs.getLong("seen")));
                    }
                    observations = rs.getLong("observations");
                }
            }
        }
        return new Samples(sets, sets.isEmpty() ? 0 : observations);
    }

    /** Deletes the samples taken before {@code before}; returns how many. */
    public int prune(Connection c, OffsetDateTime before) throws SQLException {
        if (!exists(c)) {
            return 0;
        }
        try (PreparedStatement s =
                c.prepareStatement(SqlResources.load(LiteralSamples.class, "samples-prune.sql", tables.names()))) {
            s.setObject(1, before);
            return s.executeUpdate();
        }
    }

    private record Seen(long queryId, String query) {}

    private static void look(Connection c, Map<String, Seen> seen) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(LiteralSamples.class, "samples-activity.sql"))) {
            while (rs.next()) {
                // One execution, however many looks catch it: pid and start time name it.
                seen.putIfAbsent(
                        rs.getInt("pid") + "@" + rs.getString("query_start"),
                        new Seen(rs.getLong("query_id"), rs.getString("query")));
            }
        }
    }

    private static Map<Long, String> normalized(Connection c, PgStatStatements source, Iterable<Seen> seen)
            throws SQLException {
        Set<Long> ids = new HashSet<>();
        seen.forEach(s -> ids.add(s.queryId()));
        Map<Long, String> texts = new HashMap<>();
        if (ids.isEmpty()) {
            return texts;
        }
        try (PreparedStatement s = c.prepareStatement(
                "/* keel stats */ SELECT DISTINCT ON (queryid) queryid, query FROM " + source.view()
                        + " WHERE queryid = ANY (?) AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    texts.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return texts;
    }

    private long store(Connection c, Map<Long, List<List<String>>> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long stored = 0;
        try {
            try (Statement s = c.createStatement()) {
                Map<String, String> names = tables.creating(c, "keel's sampled values table");
                s.execute(SqlResources.load(LiteralSamples.class, "samples-create.sql", names));
            }
            try (PreparedStatement s = c.prepareStatement(
                    "/* keel stats */ INSERT INTO " + Identifiers.qualified(tables.schema(), "stat_sample")
                            + " (queryid, sampled_at, literals) VALUES (?, clock_timestamp(), ?)")) {
                for (Map.Entry<Long, List<List<String>>> e : values.entrySet()) {
                    for (List<String> literals : e.getValue()) {
                        Array array = c.createArrayOf("text", literals.toArray());
                        s.setLong(1, e.getKey());
                        s.setArray(2, array);
                        s.addBatch();
                        stored++;
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s =
                    c.prepareStatement(SqlResources.load(LiteralSamples.class, "samples-trim.sql", tables.names()))) {
                s.setArray(1, c.createArrayOf("bigint", values.keySet().toArray()));
                s.setInt(2, KEPT_PER_STATEMENT);
                s.executeUpdate();
            }
            c.commit();
            return stored;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("/* keel stats */ SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, Identifiers.qualified(tables.schema(), "stat_sample"));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean parameters(String normalized) {
        return normalized.matches("(?s).*\\$[0-9].*");
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean compute(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('compute_query_id')")) {
            rs.next();
            return !"off".equals(rs.getString(1));
        }
    }
}
