package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.SchemaFeed;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * A foreign key whose referencing columns lead no index. Each DELETE on the referenced table (and
 * each change of its key) must look for referencing rows, which without an index is a scan of the
 * whole referencing table. Indexes are known from the schema model (the target's catalog, earlier
 * statements) and from CREATE INDEX, PRIMARY KEY and UNIQUE later in the same file.
 */
public final class ForeignKeyWithoutIndex implements Rule {
    @Override
    public String id() {
        return "foreign-key-without-index";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    /** A foreign key: the referencing table and columns, the referenced table, and where it is written. */
    private record ForeignKey(String table, boolean newTable, List<String> columns, String referenced, SqlToken at) {}

    @Override
    public List<Finding> check(StatementContext c) {
        List<String> ownIndexes = indexes(c.statement());
        List<Finding> findings = new ArrayList<>();
        for (ForeignKey key : foreignKeys(c.statement())) {
            if (covered(key, known(c))
                    || covered(key, ownIndexes)
                    || c.later().stream().anyMatch(s -> covered(key, indexes(s)))) {
                continue;
            }
            String columns = String.join(", ", key.columns());
            String fix = !key.newTable() && c.existing(key.table())
                    ? "CREATE INDEX CONCURRENTLY … ON " + key.table() + " (" + columns
                            + ") in a migration file of its own before this one; "
                            + "if such an index exists already, waive this finding saying so"
                    : "CREATE INDEX … ON " + key.table() + " (" + columns
                            + ") in this migration (the table is new, so no CONCURRENTLY is needed)";
            findings.add(c.finding(
                    this,
                    key.at(),
                    "no index built by these migrations starts with " + key.table() + " (" + columns
                            + "): every DELETE on " + key.referenced() + " (and every change of its key) scans all of "
                            + key.table() + " for referencing rows",
                    fix));
        }
        return findings;
    }

    /** The indexes the schema model knows (the target's and those of earlier statements), as "table:col1,col2". */
    private static List<String> known(StatementContext c) {
        return c.schema().indexes().stream()
                .filter(i -> !i.columns().isEmpty())
                .map(i -> Names.unqualified(i.table()) + ":" + String.join(",", i.columns()))
                .toList();
    }

    /** An index serves the key when its leading columns are exactly the key's columns, in any order. */
    private static boolean covered(ForeignKey key, Collection<String> indexes) {
        String table = Names.unqualified(key.table()) + ":";
        for (String index : indexes) {
            if (!index.startsWith(table)) {
                continue;
            }
            List<String> columns = List.of(index.substring(table.length()).split(","));
            if (columns.size() >= key.columns().size()
                    && new HashSet<>(columns.subList(0, key.columns().size())).equals(new HashSet<>(key.columns()))) {
                return true;
            }
        }
        return false;
    }

    private static List<ForeignKey> foreignKeys(SqlStatement statement) {
        ColumnDefinitions definitions = ColumnDefinitions.of(statement).orElse(null);
        if (definitions == null) {
            return List.of();
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (ColumnDefinitions.Column column : definitions.columns()) {
            int references = column.restIndexOf("REFERENCES");
            if (references >= 0 && column.name() != null) {
                keys.add(new ForeignKey(
                        definitions.table(),
                        definitions.createTable(),
                        List.of(column.name()),
                        Names.qualifiedAt(column.rest(), references + 1),
                        column.rest().get(references)));
            }
        }
        for (ColumnDefinitions.TableConstraint constraint : definitions.constraints()) {
            int references = ColumnDefinitions.indexAtDepthZero(constraint.tokens(), "REFERENCES", 0);
            if (constraint.kind().equals("FOREIGN KEY")
                    && references >= 0
                    && !constraint.columns().isEmpty()) {
                keys.add(new ForeignKey(
                        definitions.table(),
                        definitions.createTable(),
                        constraint.columns(),
                        Names.qualifiedAt(constraint.tokens(), references + 1),
                        constraint.first()));
            }
        }
        return keys;
    }

    /** The indexes a statement builds, as "table:col1,col2". */
    private static List<String> indexes(SqlStatement statement) {
        List<String> indexes = new ArrayList<>();
        SchemaFeed.indexedColumns(statement)
                .ifPresent(i -> indexes.add(Names.unqualified(i.table()) + ":" + String.join(",", i.columns())));
        ColumnDefinitions definitions = ColumnDefinitions.of(statement).orElse(null);
        if (definitions == null) {
            return indexes;
        }
        String table = Names.unqualified(definitions.table()) + ":";
        for (ColumnDefinitions.Column column : definitions.columns()) {
            if (column.name() != null && (column.restHas("PRIMARY") || column.restHas("UNIQUE"))) {
                indexes.add(table + column.name());
            }
        }
        for (ColumnDefinitions.TableConstraint constraint : definitions.constraints()) {
            if ((constraint.kind().equals("PRIMARY KEY") || constraint.kind().equals("UNIQUE"))
                    && !constraint.columns().isEmpty()) {
                indexes.add(table + String.join(",", constraint.columns()));
            }
        }
        return indexes;
    }
}
