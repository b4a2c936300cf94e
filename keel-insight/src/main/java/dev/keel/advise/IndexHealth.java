package dev.keel.advise;

import dev.keel.config.Durations;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import dev.keel.stats.StatsSchema;
import dev.keel.stats.Times;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the indexes that exist: unused, duplicate, redundant (a prefix of another), invalid, and
 * foreign keys whose referencing columns no index leads with. One catalog query per check, in
 * .sql resources; docs/guides/index-health-evaluation.md says why these are keel's own.
 *
 * <p>Nothing it proposes to drop may make things worse: an index behind a constraint (primary key,
 * unique, exclusion) or led by a foreign key's columns is never "unused", and "no scan" counts only
 * over a window of at least {@code unusedAfter}; below it the index is listed as too early to judge.
 */
public final class IndexHealth {
    /** A week sees the weekly jobs and most of the rare paths; a shorter window calls their indexes unused. */
    public static final Duration DEFAULT_UNUSED_AFTER = Duration.ofDays(7);

    private IndexHealth() {}

    /**
     * What the health checks found, and the indexes with no scan yet that it is too early to call unused.
     */
    public record Result(List<HealthFinding> findings, List<TooEarly> tooEarly) {
        public Result {
            findings = List.copyOf(findings);
            tooEarly = List.copyOf(tooEarly);
        }
    }

    /** With the default window of {@link #DEFAULT_UNUSED_AFTER}. */
    public static Result check(Connection c, String keelSchema) throws SQLException {
        return check(c, keelSchema, DEFAULT_UNUSED_AFTER);
    }

    /**
     * @param keelSchema keel's own schema, left out: its indexes serve keel, not the product; its snapshots
     *     tell when an index appeared and since when it had no scan
     * @param unusedAfter how long an index must have gone without a scan to be called unused
     */
    public static Result check(Connection c, String keelSchema, Duration unusedAfter) throws SQLException {
        List<HealthFinding> findings = new ArrayList<>();
        List<TooEarly> tooEarly = new ArrayList<>();
        invalid(c, keelSchema, findings);
        duplicates(c, keelSchema, findings);
        unused(c, keelSchema, unusedAfter, findings, tooEarly);
        foreignKeys(c, keelSchema, findings);
        return new Result(findings, tooEarly);
    }

    /** One sentence for the report's notes, or null when every index with no scan could be judged. */
    public static String tooEarlyNote(List<TooEarly> tooEarly, Duration unusedAfter) {
        if (tooEarly.isEmpty()) {
            return null;
        }
        TooEarly first = tooEarly.stream()
                .min((a, b) -> a.judgeableAt().compareTo(b.judgeableAt()))
                .orElseThrow();
        String names = tooEarly.stream()
                        .limit(5)
                        .map(t -> t.schema() + "." + t.index())
                        .collect(Collectors.joining(", "))
                + (tooEarly.size() > 5 ? " and " + (tooEarly.size() - 5) + " more" : "");
        Duration left =
                Duration.between(first.countingSince().plusSeconds(first.observedSeconds()), first.judgeableAt());
        return "too early to judge whether "
                + (tooEarly.size() == 1 ? "1 index with no scan is" : tooEarly.size() + " indexes with no scan are")
                + " unused (" + names + "): scans have been counted for "
                + Durations.rounded(Duration.ofSeconds(first.observedSeconds()))
                + " (since " + Times.format(first.countingSince()) + "), advise.unusedAfter asks for "
                + Durations.rounded(unusedAfter)
                + "; " + (tooEarly.size() == 1 ? "it" : "the first") + " can be judged in " + Durations.rounded(left)
                + ", from "
                + Times.format(first.judgeableAt());
    }

    private static void invalid(Connection c, String keelSchema, List<HealthFinding> findings) throws SQLException {
        try (ResultSet rs = query(c, "health-invalid.sql", keelSchema)) {
            while (rs.next()) {
                String index = qualifiedIndex(rs);
                findings.add(finding(
                        rs,
                        HealthFinding.Kind.INVALID,
                        "left invalid by a failed or interrupted build: every write maintains it,"
                                + " no query can use it",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + index
                                + "; -- then build it again, or REINDEX INDEX CONCURRENTLY " + index));
            }
        }
    }

    private static void duplicates(Connection c, String keelSchema, List<HealthFinding> findings) throws SQLException {
        try (ResultSet rs = query(c, "health-duplicates.sql", keelSchema)) {
            while (rs.next()) {
                boolean duplicate = rs.getBoolean("duplicate");
                String keptBy = Identifiers.display(rs.getString("kept_by"));
                String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedIndex(rs);
                if (findings.stream().anyMatch(f -> f.fix().equals(drop + ";"))) {
                    continue;
                }
                String foreignKeys = rs.getString("foreign_keys");
                String alsoKeys =
                        foreignKeys == null ? "" : "; " + keptBy + " also keeps covering foreign key " + foreignKeys;
                findings.add(finding(
                        rs,
                        duplicate ? HealthFinding.Kind.DUPLICATE : HealthFinding.Kind.REDUNDANT,
                        (duplicate
                                        ? "has the same keys as " + keptBy
                                        : "its keys lead " + keptBy + ", which serves the same lookups")
                                + alsoKeys,
                        drop));
            }
        }
    }

    private static void unused(
            Connection c,
            String keelSchema,
            Duration unusedAfter,
            List<HealthFinding> findings,
            List<TooEarly> tooEarly)
            throws SQLException {
        boolean snapshots = new StatsSchema(keelSchema).exists(c);
        try (ResultSet rs = query(c, "health-unused.sql", keelSchema)) {
            while (rs.next()) {
                OffsetDateTime now = rs.getObject("now", OffsetDateTime.class);
                OffsetDateTime since = rs.getObject("counting_since", OffsetDateTime.class);
                if (snapshots) {
                    since = windowStart(
                            c,
                            keelSchema,
                            rs.getLong("indexrelid"),
                            since,
                            rs.getObject("snapshots_from", OffsetDateTime.class),
                            now);
                }
                Duration observed = Duration.between(since, now);
                if (observed.compareTo(unusedAfter) < 0) {
                    tooEarly.add(new TooEarly(
                            rs.getString("schema_name"),
                            rs.getString("table_name"),
                            rs.getString("index_name"),
                            since,
                            observed.toSeconds(),
                            since.plus(unusedAfter)));
                    continue;
                }
                findings.add(finding(
                        rs,
                        HealthFinding.Kind.UNUSED,
                        "no scan in " + Durations.rounded(observed) + ", since " + Times.format(since)
                                + " (statistics reset, server start or the oldest snapshot that saw it); check replicas too before dropping it:"
                                + " their scans are not counted here",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedIndex(rs)));
            }
        }
    }

    /**
     * Since when this index is known to have had no scan: keel's snapshots can reach further back than the
     * counters' start (a snapshot that saw it with no scan), or less far (it is newer than a snapshot).
     */
    private static OffsetDateTime windowStart(
            Connection c,
            String keelSchema,
            long index,
            OffsetDateTime countingSince,
            OffsetDateTime snapshotsFrom,
            OffsetDateTime now)
            throws SQLException {
        String sql = SqlResources.load(
                IndexHealth.class, "health-unused-snapshots.sql", Map.of("schema", Identifiers.quote(keelSchema)));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, index);
            s.setLong(2, index);
            s.setObject(3, snapshotsFrom, Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                OffsetDateTime absentAt = rs.getObject("absent_at", OffsetDateTime.class);
                OffsetDateTime zeroSince = rs.getObject("zero_since", OffsetDateTime.class);
                OffsetDateTime start =
                        zeroSince != null && zeroSince.isBefore(countingSince) ? zeroSince : countingSince;
                if (absentAt != null) {
                    OffsetDateTime appeared = zeroSince == null ? absentAt : zeroSince;
                    start = appeared.isAfter(start) ? appeared : start;
                }
                return start.isAfter(now) ? now : start;
            }
        }
    }

    private static void foreignKeys(Connection c, String keelSchema, List<HealthFinding> findings) throws SQLException {
        try (ResultSet rs = query(c, "health-foreign-keys.sql", keelSchema)) {
            while (rs.next()) {
                Array array = rs.getArray("columns");
                List<String> columns = Arrays.asList((String[]) array.getArray());
                Candidate index = new Candidate(rs.getString("schema_name"), rs.getString("table_name"), columns);
                findings.add(new HealthFinding(
                        HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX,
                        index.schema(),
                        index.table(),
                        rs.getString("constraint_name"),
                        0,
                        "no index leads with "
                                + columns.stream().map(Identifiers::display).collect(Collectors.joining(", "))
                                + ": deleting or updating a row of " + rs.getString("referenced") + " reads all of "
                                + Identifiers.display(index.table()),
                        index.createConcurrently() + ";"));
            }
        }
    }

    private static HealthFinding finding(ResultSet rs, HealthFinding.Kind kind, String detail, String fix)
            throws SQLException {
        return new HealthFinding(
                kind,
                rs.getString("schema_name"),
                rs.getString("table_name"),
                rs.getString("index_name"),
                rs.getLong("bytes"),
                detail,
                fix.endsWith(";") || fix.contains("; --") ? fix : fix + ";");
    }

    private static String qualifiedIndex(ResultSet rs) throws SQLException {
        return Identifiers.qualified(rs.getString("schema_name"), rs.getString("index_name"));
    }

    private static ResultSet query(Connection c, String resource, String keelSchema) throws SQLException {
        PreparedStatement s = c.prepareStatement(SqlResources.load(IndexHealth.class, resource));
        s.setString(1, keelSchema);
        // closeOnCompletion: closing the result set closes the statement.
        s.closeOnCompletion();
        return s.executeQuery();
    }
}
