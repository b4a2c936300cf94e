package dev.keel.migrate;

import dev.keel.check.CreateIndex;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import dev.keel.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A CREATE INDEX CONCURRENTLY that fails or is killed leaves an INVALID index behind, which makes
 * the retry fail ("already exists") while the index serves no query but still slows writes. Before
 * running such a statement keel drops the invalid leftover of the same name, and says so.
 */
final class InvalidIndexCleaner {

    private InvalidIndexCleaner() {}

    record IndexName(String schema, String name) {}

    /** The index a CREATE INDEX CONCURRENTLY statement names, if it names one. */
    static Optional<IndexName> indexName(SqlStatement statement) {
        return CreateIndex.of(statement)
                .filter(i -> i.index() != null)
                .map(i -> new IndexName(i.indexSchema(), i.index()));
    }

    /** The table after ON, as written (quotes kept), so the server resolves it as the statement would. */
    static Optional<String> tableName(SqlStatement statement) {
        return CreateIndex.of(statement).map(CreateIndex::tableAsWritten);
    }

    /** Drops the invalid index the statement would create, if one is there; returns its name when it did. */
    static Optional<String> clean(Connection c, SqlStatement statement) throws SQLException {
        Optional<IndexName> name = indexName(statement);
        Optional<String> table = tableName(statement);
        if (name.isEmpty() || table.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement s =
                c.prepareStatement(SqlResources.load(InvalidIndexCleaner.class, "invalid-index.sql"))) {
            s.setString(1, name.get().name());
            s.setString(2, table.get());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String qualified = Identifiers.qualified(rs.getString(1), rs.getString(2));
                try (Statement drop = c.createStatement()) {
                    drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified);
                }
                return Optional.of(Identifiers.display(rs.getString(1)) + "." + Identifiers.display(rs.getString(2)));
            }
        }
    }
}
