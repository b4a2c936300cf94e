package dev.keel.advise;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks the indexes that exist: unused, duplicate, redundant (a prefix of another), invalid, and
 * foreign keys whose referencing columns no index leads with. One catalog query per check, in
 * .sql resources; docs/guides/index-health-evaluation.md says why these are keel's own.
 */
public final class IndexHealth {

    private IndexHealth() {
    }

    /** @param keelSchema keel's own schema, left out: its indexes serve keel, not the product */
    public static List<HealthFinding> check(Connection c, String keelSchema) throws SQLException {
        List<HealthFinding> findings = new ArrayList<>();
        invalid(c, keelSchema, findings);
        duplicates(c, keelSchema, findings);
        unused(c, keelSchema, findings);
        foreignKeys(c, keelSchema, findings);
        return findings;
    }

    private static void invalid(Connection c, String keelSchema, List<HealthFinding> findings) throws SQLException {
        try (ResultSet rs = query(c, "health-invalid.sql", keelSchema)) {
            while (rs.next()) {
                String index = qualifiedIndex(rs);
                findings.add(finding(rs, HealthFinding.Kind.INVALID, "left invalid by a failed or interrupted build: every write maintains it,"
                        + " no query can use it", "DROP INDEX CONCURRENTLY IF EXISTS " + index + "; -- then build it again, or REINDEX INDEX CONCURRENTLY " + index));
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
                findings.add(finding(rs, duplicate ? HealthFinding.Kind.DUPLICATE : HealthFinding.Kind.REDUNDANT,
                        duplicate ? "has the same keys as " + keptBy : "its keys lead " + keptBy + ", which serves the same lookups", drop));
            }
        }
    }

    private static void unused(Connection c, String keelSchema, List<HealthFinding> findings) throws SQLException {
        try (ResultSet rs = query(c, "health-unused.sql", keelSchema)) {
            while (rs.next()) {
                OffsetDateTime since = rs.getObject("counting_since", OffsetDateTime.class);
                findings.add(finding(rs, HealthFinding.Kind.UNUSED, "no scan since " + since.withNano(0)
                                + " (statistics reset or server start); check replicas too before dropping it: their scans are not counted here",
                        "DROP INDEX CONCURRENTLY IF EXISTS " + qualifiedIndex(rs)));
            }
        }
    }

    private static void foreignKeys(Connection c, String keelSchema, List<HealthFinding> findings) throws SQLException {
        try (ResultSet rs = query(c, "health-foreign-keys.sql", keelSchema)) {
            while (rs.next()) {
                Array array = rs.getArray("columns");
                List<String> columns = Arrays.asList((String[]) array.getArray());
                Candidate index = new Candidate(rs.getString("schema_name"), rs.getString("table_name"), columns);
                findings.add(new HealthFinding(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX, index.schema(), index.table(),
                        rs.getString("constraint_name"), 0,
                        "no index leads with " + columns.stream().map(Identifiers::display).collect(Collectors.joining(", "))
                                + ": deleting or updating a row of " + rs.getString("referenced") + " reads all of " + Identifiers.display(index.table()),
                        index.createConcurrently() + ";"));
            }
        }
    }

    private static HealthFinding finding(ResultSet rs, HealthFinding.Kind kind, String detail, String fix) throws SQLException {
        return new HealthFinding(kind, rs.getString("schema_name"), rs.getString("table_name"), rs.getString("index_name"), rs.getLong("bytes"),
                detail, fix.endsWith(";") || fix.contains("; --") ? fix : fix + ";");
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
