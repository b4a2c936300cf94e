package dev.keel.migrate;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A CREATE INDEX CONCURRENTLY that fails or is killed leaves an INVALID index behind, which makes
 * the retry fail ("already exists") while the index serves no query but still slows writes. Before
 * running such a statement keel drops the invalid leftover of the same name, and says so.
 */
final class InvalidIndexCleaner {

    private InvalidIndexCleaner() {
    }

    record IndexName(String schema, String name) {
    }

    /** The index a CREATE INDEX CONCURRENTLY statement names, if it names one. */
    static Optional<IndexName> indexName(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        int i = 0;
        while (i < t.size() && !t.get(i).isWord("CONCURRENTLY")) {
            i++;
        }
        i++;
        if (i + 2 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("NOT") && t.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        if (i >= t.size() || t.get(i).isWord("ON")) {
            return Optional.empty();
        }
        String first = identifier(t.get(i));
        if (i + 2 < t.size() && t.get(i + 1).text().equals(".")) {
            return Optional.of(new IndexName(first, identifier(t.get(i + 2))));
        }
        return first == null ? Optional.empty() : Optional.of(new IndexName(null, first));
    }

    /** The table after ON (schema-qualified or not, as written), resolved by the server like the statement would. */
    static Optional<String> tableName(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isWord("ON")) {
                int j = i + 1;
                if (j < t.size() && t.get(j).isWord("ONLY")) {
                    j++;
                }
                StringBuilder name = new StringBuilder();
                while (j < t.size() && (t.get(j).type() == SqlToken.Type.WORD || t.get(j).type() == SqlToken.Type.QUOTED_IDENTIFIER
                        || t.get(j).text().equals("."))) {
                    if (t.get(j).isWord("USING")) {
                        break;
                    }
                    name.append(t.get(j).text());
                    j++;
                }
                return name.length() == 0 ? Optional.empty() : Optional.of(name.toString());
            }
        }
        return Optional.empty();
    }

    private static String identifier(SqlToken token) {
        return switch (token.type()) {
            case WORD -> token.text().toLowerCase(java.util.Locale.ROOT);
            case QUOTED_IDENTIFIER -> token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
            default -> null;
        };
    }

    /** Drops the invalid index the statement would create, if one is there; returns its name when it did. */
    static Optional<String> clean(Connection c, SqlStatement statement) throws SQLException {
        Optional<IndexName> name = indexName(statement);
        Optional<String> table = tableName(statement);
        if (name.isEmpty() || table.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(InvalidIndexCleaner.class, "invalid-index.sql"))) {
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
