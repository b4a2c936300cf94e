package dev.keel.advise;

import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Verifies candidates with hypopg's hypothetical indexes: the planner sees an index that was never
 * built, so nothing is written and nothing is locked. Hypothetical indexes live in this session
 * only, and hypopg_reset() clears them after each candidate.
 */
final class HypoPg implements CandidateVerifier {
    private final Connection c;
    private final String schema;

    private HypoPg(Connection c, String schema) {
        this.c = c;
        this.schema = schema;
    }

    /**
     * hypopg when the server has it: creates the extension if it is installed but not yet created in
     * this database. Empty, with the reason in notes, when it cannot be used.
     */
    static Optional<HypoPg> open(Connection c, List<String> notes) throws SQLException {
        if (!available(c)) {
            notes.add("hypopg is not installed on the server (e.g. the Debian package postgresql-NN-hypopg):"
                    + " candidates were verified by building them on a scratch copy of each table instead");
            return Optional.empty();
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS hypopg");
        } catch (SQLException e) {
            notes.add(
                    "hypopg is installed but could not be created in this database ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + "): candidates were verified on a scratch copy instead; CREATE EXTENSION hypopg as a superuser to use it");
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "/* keel advise */ SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                                + " WHERE e.extname = 'hypopg'")) {
            rs.next();
            return Optional.of(new HypoPg(c, rs.getString(1)));
        }
    }

    static boolean available(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "/* keel advise */ SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public String method() {
        return "hypopg";
    }

    @Override
    public Verification verify(Candidate candidate, List<AdvisedStatement> statements) throws SQLException {
        try {
            long oid;
            String name;
            try (PreparedStatement s = c.prepareStatement(
                    "/* keel advise */ SELECT indexrelid, indexname FROM " + function("hypopg_create_index") + "(?)")) {
                s.setString(1, "CREATE INDEX ON " + candidate.qualifiedTable() + " (" + candidate.columnList() + ")");
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    oid = rs.getLong(1);
                    name = rs.getString(2);
                }
            }
            List<StatementGain> gains = new ArrayList<>();
            for (AdvisedStatement statement : statements) {
                OptionalDouble after = statement.costWith(c, null, name);
                if (after.isPresent()) {
                    gains.add(CandidateVerifier.gain(statement, statement.cost(), after.getAsDouble()));
                }
            }
            long bytes;
            try (PreparedStatement s =
                    c.prepareStatement("/* keel advise */ SELECT " + function("hypopg_relation_size") + "(?::oid)")) {
                s.setLong(1, oid);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    bytes = rs.getLong(1);
                }
            }
            return new Verification(candidate, gains, bytes);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("/* keel advise */ SELECT " + function("hypopg_reset") + "()");
            }
        }
    }

    private String function(String name) {
        return Identifiers.quote(schema) + "." + name;
    }
}
