package dev.keel.advise;

import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Verifies candidates without hypopg: copies the table (up to a row cap) into a scratch schema,
 * builds the candidate there, and compares the plans of the statements run against the copy, which
 * comes first on the search_path. Both costs come from the copy, so they compare like with like;
 * the size is scaled up to the real table's rows. The scratch schema is dropped afterwards, also
 * when something fails, and the real table is only read.
 *
 * <p>A statement that names its table with a schema (public.orders) does not see the copy, so its
 * plan never uses the candidate: such a candidate is not proposed rather than wrongly proposed.
 */
final class ScratchCopy implements CandidateVerifier {
    static final String SCHEMA = "keel_advise_scratch";
    private final Connection c;
    private final long rowCap;

    ScratchCopy(Connection c, long rowCap) {
        this.c = c;
        this.rowCap = rowCap;
    }

    @Override
    public String method() {
        return "scratch copy";
    }

    @Override
    public Verification verify(Candidate candidate, List<AdvisedStatement> statements) throws SQLException {
        String copy = Identifiers.qualified(SCHEMA, candidate.table());
        try {
            execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(SCHEMA) + " CASCADE");
            execute("CREATE SCHEMA " + Identifiers.quote(SCHEMA));
            // INCLUDING ALL copies the existing indexes too, so the plan before is the table's real choice.
            execute("CREATE TABLE " + copy + " (LIKE " + candidate.qualifiedTable() + " INCLUDING ALL)");
            String columns = insertableColumns(candidate);
            execute("INSERT INTO " + copy + " (" + columns + ") OVERRIDING SYSTEM VALUE SELECT " + columns + " FROM "
                    + candidate.qualifiedTable() + " LIMIT " + rowCap);
            execute("ANALYZE " + copy);
            String rest = currentSearchPath();
            String searchPath = Identifiers.quote(SCHEMA) + (rest.isBlank() ? "" : ", " + rest);
            List<Double> before = new ArrayList<>();
            for (AdvisedStatement statement : statements) {
                before.add(statement.costAgain(c, searchPath));
            }
            String index = "keel_advise_candidate";
            // CONCURRENTLY, as the migration will: the copy is private, but the build is the one that will run.
            execute("CREATE INDEX CONCURRENTLY " + Identifiers.quote(index) + " ON " + copy + " ("
                    + candidate.columnList() + ")");
            execute("ANALYZE " + copy);
            List<StatementGain> gains = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                OptionalDouble after = statements.get(i).costWith(c, searchPath, index);
                if (after.isPresent()) {
                    gains.add(CandidateVerifier.gain(statements.get(i), before.get(i), after.getAsDouble()));
                }
            }
            return new Verification(candidate, gains, scaledSize(candidate, copy, index));
        } finally {
            execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(SCHEMA) + " CASCADE");
        }
    }

    /** Generated columns compute themselves; every other column is copied. */
    private String insertableColumns(Candidate candidate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "/* keel advise */ SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)"
                        + " FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''")) {
            s.setString(1, candidate.qualifiedTable());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long scaledSize(Candidate candidate, String copy, String index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "/* keel advise */ SELECT pg_relation_size(to_regclass(?))," + " (SELECT count(*) FROM " + copy
                        + "), greatest((SELECT reltuples FROM pg_class WHERE oid = ?::regclass), 0)")) {
            s.setString(1, Identifiers.qualified(SCHEMA, index));
            s.setString(2, candidate.qualifiedTable());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long bytes = rs.getLong(1);
                long copied = rs.getLong(2);
                double real = rs.getDouble(3);
                return copied == 0 || real <= copied ? bytes : Math.round(bytes * real / copied);
            }
        }
    }

    private String currentSearchPath() throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("/* keel advise */ " + sql);
        }
    }
}
