package dev.keel.check;

import dev.keel.check.SchemaModel.Column;
import dev.keel.check.SchemaModel.Constraint;
import dev.keel.check.SchemaModel.Relation;
import dev.keel.check.SchemaModel.RelationKind;
import dev.keel.check.SchemaModel.Volatility;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each checked statement does to the {@link SchemaModel}: the DDL readers kept side by side, so
 * a CREATE, a RENAME and a DROP of the same kind of object are read the same way. The checker feeds
 * each statement after every rule has seen it.
 */
public final class SchemaFeed {

    private SchemaFeed() {}

    /** An index a statement builds: the table and the plain columns that lead it (in index order). */
    public record IndexedColumns(String table, List<String> columns) {}

    public static void apply(SqlStatement statement, SchemaModel model) {
        List<SqlToken> t = statement.tokens();
        if (t.isEmpty()) {
            return;
        }
        if (t.get(0).isWord("CREATE")) {
            create(statement, t, model);
        } else if (t.get(0).isWord("ALTER")) {
            alter(statement, t, model);
        } else if (t.get(0).isWord("DROP")) {
            drop(t, model);
        } else if (t.get(0).isWord("SELECT")) {
            selectInto(t, model);
        } else if (t.get(0).isWord("INSERT") || t.get(0).isWord("COPY")) {
            filled(t, model);
        }
    }

    // ---- CREATE

    private static void create(SqlStatement statement, List<SqlToken> t, SchemaModel model) {
        int i = 1;
        if (i + 1 < t.size() && t.get(i).isWord("OR") && t.get(i + 1).isWord("REPLACE")) {
            i += 2;
        }
        while (i < t.size()
                && (t.get(i).isWord("TEMP")
                        || t.get(i).isWord("TEMPORARY")
                        || t.get(i).isWord("UNLOGGED")
                        || t.get(i).isWord("GLOBAL")
                        || t.get(i).isWord("LOCAL")
                        || t.get(i).isWord("RECURSIVE"))) {
            i++;
        }
        if (i >= t.size()) {
            return;
        }
        if (t.get(i).isWord("TABLE")) {
            createTable(statement, t, i + 1, model);
        } else if (t.get(i).isWord("VIEW")) {
            createRelation(t, i + 1, RelationKind.VIEW, model);
        } else if (t.get(i).isWord("MATERIALIZED")
                && i + 1 < t.size()
                && t.get(i + 1).isWord("VIEW")) {
            createRelation(t, i + 2, RelationKind.MATERIALIZED_VIEW, model);
        } else if (t.get(i).isWord("INDEX") || t.get(i).isWord("UNIQUE")) {
            createIndex(statement, model);
        } else if (t.get(i).isWord("FUNCTION")) {
            createFunction(t, i + 1, i > 1, model);
        } else if (t.get(i).isWord("DOMAIN")) {
            createDomain(t, i + 1, model);
        }
    }

    private static int skipIfNotExists(List<SqlToken> t, int i) {
        return i + 2 < t.size()
                        && t.get(i).isWord("IF")
                        && t.get(i + 1).isWord("NOT")
                        && t.get(i + 2).isWord("EXISTS")
                ? i + 3
                : i;
    }

    private static int skipIfExists(List<SqlToken> t, int i) {
        return i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS") ? i + 2 : i;
    }

    private static void createRelation(List<SqlToken> t, int i, RelationKind kind, SchemaModel model) {
        String name = Names.qualifiedAt(t, skipIfNotExists(t, i));
        // IF NOT EXISTS or OR REPLACE of a relation already there keeps it (and whether it is live).
        if (name != null && !model.known(name)) {
            model.addRelation(name, kind, true, 0);
        }
    }

    /** CREATE TABLE [IF NOT EXISTS] name (…) [PARTITION BY …] | PARTITION OF parent … | AS query. */
    private static void createTable(SqlStatement statement, List<SqlToken> t, int i, SchemaModel model) {
        i = skipIfNotExists(t, i);
        String name = Names.qualifiedAt(t, i);
        if (name == null || model.known(name)) {
            return;
        }
        boolean partitioned = false;
        int depth = 0;
        for (int j = i; j + 1 < t.size(); j++) {
            String text = t.get(j).text();
            depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
            partitioned |=
                    depth == 0 && t.get(j).isWord("PARTITION") && t.get(j + 1).isWord("BY");
        }
        Relation table =
                model.addRelation(name, partitioned ? RelationKind.PARTITIONED_TABLE : RelationKind.TABLE, true, 0);
        ColumnDefinitions.of(statement).ifPresent(d -> define(model, table, name, d));
    }

    private static void define(SchemaModel model, Relation table, String name, ColumnDefinitions definitions) {
        for (ColumnDefinitions.Column column : definitions.columns()) {
            if (column.name() == null) {
                continue;
            }
            boolean key = column.restHas("PRIMARY");
            table.columnMap()
                    .put(
                            SchemaModel.stored(column.name()),
                            new Column(
                                    SchemaModel.stored(column.name()),
                                    column.type().isEmpty() ? null : ColumnType.of(column.type()),
                                    key || notNull(column.rest()),
                                    true));
            if (key || column.restHas("UNIQUE")) {
                model.addIndex(null, keyName(table, List.of(column.name()), key), name, List.of(column.name()), true);
            }
            int check = column.restIndexOf("CHECK");
            if (check >= 0) {
                addCheck(
                        table,
                        column.rest().subList(check, column.rest().size()),
                        constraintName(column.rest(), check),
                        true);
            }
        }
        for (ColumnDefinitions.TableConstraint constraint : definitions.constraints()) {
            constraint(model, table, name, constraint.tokens(), true);
        }
    }

    /** NOT NULL among a column's constraints. */
    private static boolean notNull(List<SqlToken> rest) {
        for (int j = 0; j + 1 < rest.size(); j++) {
            if (rest.get(j).isWord("NOT") && rest.get(j + 1).isWord("NULL")) {
                return true;
            }
        }
        return false;
    }

    /** The name PostgreSQL gives an unnamed key's index: table_pkey, or table_col_key. */
    private static String keyName(Relation table, List<String> columns, boolean primary) {
        return primary
                ? SchemaModel.generated(table.name(), null, "pkey")
                : SchemaModel.generated(table.name(), String.join("_", columns), "key");
    }

    /** CONSTRAINT name right before {@code at}, or null. */
    private static String constraintName(List<SqlToken> t, int at) {
        return at >= 2 && t.get(at - 2).isWord("CONSTRAINT") ? Names.of(t.get(at - 1)) : null;
    }

    /** A table constraint (ADD … or inside CREATE TABLE): keys become indexes, CHECK (c IS NOT NULL) proves c. */
    private static void constraint(
            SchemaModel model, Relation table, String tableName, List<SqlToken> t, boolean validated) {
        int i = 0;
        String name = null;
        if (t.size() > 2 && t.get(0).isWord("CONSTRAINT")) {
            name = Names.of(t.get(1));
            i = 2;
        }
        if (i >= t.size()) {
            return;
        }
        if (t.get(i).isWord("CHECK")) {
            addCheck(table, t.subList(i, t.size()), name, validated);
            return;
        }
        boolean primary = t.get(i).isWord("PRIMARY");
        boolean key = primary || t.get(i).isWord("UNIQUE");
        int usingIndex = ColumnDefinitions.indexAtDepthZero(t, "INDEX", i);
        if (key
                && name != null
                && usingIndex > 0
                && t.get(usingIndex - 1).isWord("USING")
                && usingIndex + 1 < t.size()) {
            // … PRIMARY KEY USING INDEX idx: the index takes the constraint's name.
            model.renameIndex(Names.of(t.get(usingIndex + 1)), name);
            table.constraintMap().put(SchemaModel.stored(name), new Constraint(SchemaModel.stored(name), null, true));
        } else if (key) {
            int open = -1;
            for (int j = i; j < t.size() && open < 0; j++) {
                open = t.get(j).text().equals("(") ? j : -1;
            }
            if (open < 0) {
                return;
            }
            List<String> columns = new ArrayList<>();
            for (List<SqlToken> element :
                    ColumnDefinitions.splitTopLevel(t.subList(open + 1, ColumnDefinitions.closing(t, open)))) {
                if (!element.isEmpty() && Names.of(element.get(0)) != null) {
                    columns.add(Names.of(element.get(0)));
                }
            }
            String index = name != null ? name : keyName(table, columns, primary);
            model.addIndex(null, index, tableName, columns, true);
            table.constraintMap().put(SchemaModel.stored(index), new Constraint(SchemaModel.stored(index), null, true));
            if (primary) {
                columns.forEach(c -> table.column(SchemaModel.stored(c)).ifPresent(col -> col.notNull(true)));
            }
        } else if (name != null) {
            table.constraintMap()
                    .put(
                            SchemaModel.stored(name),
                            new Constraint(SchemaModel.stored(name), null, validated && !notValid(t)));
        }
    }

    /** CHECK (…) [NOT VALID]; an unnamed CHECK (c IS NOT NULL) gets PostgreSQL's name table_c_check. */
    private static void addCheck(Relation table, List<SqlToken> t, String name, boolean validated) {
        if (t.size() < 2 || !t.get(1).text().equals("(")) {
            return;
        }
        int close = ColumnDefinitions.closing(t, 1);
        String column = notNullColumn(t.subList(2, close));
        if (name == null && column == null) {
            // PostgreSQL names it after the table (and its column); kept so ATTACH PARTITION sees a CHECK is there.
            name = table.name() + "_check";
        }
        name = SchemaModel.stored(name != null ? name : SchemaModel.generated(table.name(), column, "check"));
        table.constraintMap().put(name, new Constraint(name, column, validated && !notValid(t), true));
    }

    private static boolean notValid(List<SqlToken> t) {
        for (int j = 0; j + 1 < t.size(); j++) {
            if (t.get(j).isWord("NOT") && t.get(j + 1).isWord("VALID")) {
                return true;
            }
        }
        return false;
    }

    /** "column IS NOT NULL", perhaps in extra parentheses: the column, or null. */
    public static String notNullColumn(List<SqlToken> e) {
        while (e.size() > 2 && e.get(0).text().equals("(") && ColumnDefinitions.closing(e, 0) == e.size() - 1) {
            e = e.subList(1, e.size() - 1);
        }
        if (e.size() == 4
                && e.get(1).isWord("IS")
                && e.get(2).isWord("NOT")
                && e.get(3).isWord("NULL")) {
            return Names.of(e.get(0));
        }
        return null;
    }

    private static void createIndex(SqlStatement statement, SchemaModel model) {
        CreateIndex index = CreateIndex.of(statement).orElse(null);
        if (index == null) {
            return;
        }
        boolean ifNotExists = statement.containsWord("EXISTS");
        if (index.index() != null && ifNotExists && model.index(index.index()).isPresent()) {
            return;
        }
        List<String> columns =
                indexedColumns(statement).map(IndexedColumns::columns).orElse(List.of());
        String name = index.index();
        if (name == null && !columns.isEmpty()) {
            // CREATE INDEX ON t (a, b): PostgreSQL names it t_a_b_idx (a digit is added on a clash, which keel does not
            // follow).
            name = SchemaModel.generated(Names.unqualified(index.table()), String.join("_", columns), "idx");
        }
        model.addIndex(index.indexSchema(), name, index.table(), columns, true);
    }

    /** CREATE [OR REPLACE] FUNCTION name (…) … [IMMUTABLE | STABLE | VOLATILE]: volatile unless it says otherwise. */
    private static void createFunction(List<SqlToken> t, int i, boolean replace, SchemaModel model) {
        String name = Names.qualifiedAt(t, i);
        if (name == null) {
            return;
        }
        Volatility volatility = Volatility.VOLATILE;
        for (int j = i; j < t.size(); j++) {
            if (t.get(j).isWord("IMMUTABLE")) {
                volatility = Volatility.IMMUTABLE;
            } else if (t.get(j).isWord("STABLE")) {
                volatility = Volatility.STABLE;
            }
        }
        if (replace) {
            model.replaceFunction(name, volatility);
        } else {
            model.function(name, volatility);
        }
    }

    /** CREATE DOMAIN name [AS] type …: its base type, and whether it checks values. */
    private static void createDomain(List<SqlToken> t, int i, SchemaModel model) {
        String name = Names.qualifiedAt(t, i);
        if (name == null) {
            return;
        }
        i += Names.width(t, i);
        if (i < t.size() && t.get(i).isWord("AS")) {
            i++;
        }
        List<SqlToken> type = ColumnType.tokensAt(t, i);
        boolean constrained = false;
        for (int j = i + type.size(); j < t.size(); j++) {
            constrained |= t.get(j).isWord("CHECK")
                    || t.get(j).isWord("NOT")
                            && j + 1 < t.size()
                            && t.get(j + 1).isWord("NULL");
        }
        model.domain(name, new SchemaModel.Domain(ColumnType.of(type), constrained));
    }

    private static void selectInto(List<SqlToken> t, SchemaModel model) {
        for (int k = 1; k + 1 < t.size(); k++) {
            if (t.get(k).isWord("INTO")) {
                int at = k + 1;
                while (at < t.size()
                        && (t.get(at).isWord("TABLE")
                                || t.get(at).isWord("TEMP")
                                || t.get(at).isWord("TEMPORARY")
                                || t.get(at).isWord("UNLOGGED"))) {
                    at++;
                }
                String name = Names.qualifiedAt(t, at);
                if (name != null) {
                    model.addRelation(name, RelationKind.TABLE, true, -1);
                }
                return;
            }
        }
    }

    /** INSERT INTO t / COPY t FROM: a table the files created holds rows from now on, how many is unknown. */
    private static void filled(List<SqlToken> t, SchemaModel model) {
        int at = t.get(0).isWord("INSERT") ? 2 : 1;
        String name = Names.qualifiedAt(t, at);
        if (name != null) {
            model.relation(name).filter(Relation::created).ifPresent(r -> r.rowEstimate(-1));
        }
    }

    // ---- ALTER

    private static void alter(SqlStatement statement, List<SqlToken> t, SchemaModel model) {
        if (t.size() < 3) {
            return;
        }
        if (t.get(1).isWord("TABLE")) {
            AlterTable.of(statement).ifPresent(a -> alterTable(a, model));
        } else if (t.get(1).isWord("INDEX")) {
            renameIndex(t, 2, model);
        } else if (t.get(1).isWord("VIEW")
                || t.get(1).isWord("MATERIALIZED") && t.get(2).isWord("VIEW")) {
            int i = skipIfExists(t, t.get(1).isWord("VIEW") ? 2 : 3);
            String name = Names.qualifiedAt(t, i);
            int to = i + (name == null ? 0 : Names.width(t, i));
            if (name != null
                    && to + 2 < t.size()
                    && t.get(to).isWord("RENAME")
                    && t.get(to + 1).isWord("TO")) {
                model.renameRelation(name, Names.of(t.get(to + 2)));
            }
        } else if (t.get(1).isWord("DOMAIN")) {
            String name = Names.qualifiedAt(t, 2);
            int i = name == null ? t.size() : 2 + Names.width(t, 2);
            if (i < t.size()
                    && (t.get(i).isWord("ADD")
                            || t.get(i).isWord("SET")
                                    && i + 1 < t.size()
                                    && t.get(i + 1).isWord("NOT"))) {
                model.domain(name).ifPresent(d -> model.domain(name, new SchemaModel.Domain(d.base(), true)));
            }
        }
    }

    /** ALTER INDEX [IF EXISTS] name RENAME TO new. */
    private static void renameIndex(List<SqlToken> t, int i, SchemaModel model) {
        i = skipIfExists(t, i);
        String name = Names.qualifiedAt(t, i);
        if (name == null) {
            return;
        }
        i += Names.width(t, i);
        if (i + 2 < t.size() && t.get(i).isWord("RENAME") && t.get(i + 1).isWord("TO")) {
            model.renameIndex(name, Names.of(t.get(i + 2)));
        }
    }

    private static void alterTable(AlterTable alter, SchemaModel model) {
        String name = alter.table();
        Relation table = model.relation(name).orElse(null);
        if (table == null) {
            if (alter.actions().size() == 1
                    && alter.actions().get(0).startsWith("RENAME", "TO")
                    && model.index(name).isPresent()) {
                // ALTER TABLE works on indexes too.
                model.renameIndex(name, Names.of(alter.actions().get(0).tokens().get(2)));
                return;
            }
            // Known to exist only from this statement: without the catalog it is a live table; with it, keel cannot see
            // it.
            table = model.addRelation(name, RelationKind.TABLE, model.catalogRead(), -1);
        }
        // PostgreSQL runs the DROPs of one ALTER TABLE before its other actions.
        for (AlterTable.Action action : alter.actions()) {
            if (action.startsWith("DROP")) {
                alterAction(model, table, name, action);
            }
        }
        for (AlterTable.Action action : alter.actions()) {
            if (!action.startsWith("DROP")) {
                alterAction(model, table, name, action);
            }
        }
    }

    private static void alterAction(SchemaModel model, Relation table, String name, AlterTable.Action action) {
        List<SqlToken> t = action.tokens();
        int added = action.addedColumnAt();
        if (added >= 0 && Names.of(t.get(added)) != null) {
            String column = SchemaModel.stored(Names.of(t.get(added)));
            List<SqlToken> type = ColumnType.tokensAt(t, added + 1);
            List<SqlToken> rest = t.subList(added + 1 + type.size(), t.size());
            if (!(added > 1
                    && t.get(added - 1).isWord("EXISTS")
                    && table.column(column).isPresent())) {
                table.columnMap()
                        .put(
                                column,
                                new Column(column, type.isEmpty() ? null : ColumnType.of(type), notNull(rest), true));
            }
        } else if (action.startsWith("ATTACH", "PARTITION") && Names.qualifiedAt(t, 2) != null) {
            model.attachPartition(name, Names.qualifiedAt(t, 2));
        } else if (action.startsWith("DETACH", "PARTITION") && Names.qualifiedAt(t, 2) != null) {
            model.detachPartition(Names.qualifiedAt(t, 2));
        } else if (action.startsWith("ADD")) {
            constraint(model, table, name, t.subList(1, t.size()), true);
        } else if (action.startsWith("VALIDATE", "CONSTRAINT") && t.size() > 2) {
            String constraint = SchemaModel.stored(Names.of(t.get(2)));
            table.constraint(constraint).ifPresent(c -> table.constraintMap().put(constraint, c.validatedNow()));
        } else if (action.startsWith("DROP", "CONSTRAINT")) {
            int at = skipIfExists(t, 2);
            if (at < t.size()) {
                table.constraintMap().remove(SchemaModel.stored(Names.of(t.get(at))));
            }
        } else if (action.startsWith("DROP")) {
            int at = skipIfExists(t, t.size() > 1 && t.get(1).isWord("COLUMN") ? 2 : 1);
            if (at < t.size() && Names.of(t.get(at)) != null) {
                table.columnMap().remove(SchemaModel.stored(Names.of(t.get(at))));
            }
        } else if (action.startsWith("RENAME", "TO") && t.size() > 2) {
            model.renameRelation(name, Names.of(t.get(2)));
        } else if (action.startsWith("RENAME", "CONSTRAINT") && t.size() > 4) {
            String from = SchemaModel.stored(Names.of(t.get(2)));
            String to = SchemaModel.stored(Names.of(t.get(4)));
            Constraint constraint = table.constraintMap().remove(from);
            if (constraint != null) {
                table.constraintMap().put(to, constraint.renamed(to));
            }
            if (model.index(from).isPresent()) {
                model.renameIndex(from, to); // a key's index is renamed with it
            }
        } else if (action.startsWith("RENAME") && t.size() > 3) {
            int from = t.get(1).isWord("COLUMN") ? 2 : 1;
            if (from + 2 < t.size() && t.get(from + 1).isWord("TO")) {
                String old = SchemaModel.stored(Names.of(t.get(from)));
                String now = SchemaModel.stored(Names.of(t.get(from + 2)));
                Column column = table.columnMap().remove(old);
                if (column != null) {
                    table.columnMap().put(now, column.renamed(now));
                }
            }
        } else {
            alterColumn(table, action);
        }
    }

    /** ALTER [COLUMN] c [SET DATA] TYPE t | SET NOT NULL | DROP NOT NULL. */
    private static void alterColumn(Relation table, AlterTable.Action action) {
        int at = action.alteredColumnAt();
        List<SqlToken> t = action.tokens();
        if (at < 0 || Names.of(t.get(at)) == null) {
            return;
        }
        Optional<Column> column = table.column(SchemaModel.stored(Names.of(t.get(at))));
        int i = at + 1;
        if (i + 1 < t.size() && t.get(i).isWord("SET") && t.get(i + 1).isWord("DATA")) {
            i += 2;
        }
        if (i + 1 < t.size() && t.get(i).isWord("TYPE")) {
            ColumnType type = ColumnType.of(ColumnType.tokensAt(t, i + 1));
            if (column.isPresent()) {
                column.get().type(type);
            } else {
                String name = SchemaModel.stored(Names.of(t.get(at)));
                table.columnMap().put(name, new Column(name, type, false, false));
            }
        } else if (i + 2 < t.size()
                && t.get(i + 1).isWord("NOT")
                && t.get(i + 2).isWord("NULL")) {
            boolean set = t.get(i).isWord("SET");
            column.ifPresent(c -> c.notNull(set));
        }
    }

    // ---- DROP

    private static void drop(List<SqlToken> t, SchemaModel model) {
        if (t.size() < 3) {
            return;
        }
        int i;
        boolean index = false;
        if (t.get(1).isWord("SCHEMA")) {
            dropSchemas(t, model);
            return;
        }
        if (t.get(1).isWord("TABLE") || t.get(1).isWord("VIEW")) {
            i = 2;
        } else if (t.get(1).isWord("MATERIALIZED") && t.get(2).isWord("VIEW")) {
            i = 3;
        } else if (t.get(1).isWord("INDEX")) {
            index = true;
            i = t.get(2).isWord("CONCURRENTLY") ? 3 : 2;
        } else {
            return;
        }
        i = skipIfExists(t, i);
        while (i < t.size() && !t.get(i).isWord("CASCADE") && !t.get(i).isWord("RESTRICT")) {
            String name = Names.qualifiedAt(t, i);
            if (name == null) {
                break;
            }
            if (index) {
                model.dropIndex(name);
            } else {
                model.dropRelation(name);
            }
            i += Names.width(t, i);
            if (i >= t.size() || !t.get(i).text().equals(",")) {
                break;
            }
            i++;
        }
    }

    /** DROP SCHEMA [IF EXISTS] s [, …] [CASCADE | RESTRICT]: everything in each is gone. */
    private static void dropSchemas(List<SqlToken> t, SchemaModel model) {
        int i = skipIfExists(t, 2);
        while (i < t.size()
                && Names.of(t.get(i)) != null
                && !t.get(i).isWord("CASCADE")
                && !t.get(i).isWord("RESTRICT")) {
            model.dropSchema(Names.of(t.get(i)));
            if (i + 1 >= t.size() || !t.get(i + 1).text().equals(",")) {
                break;
            }
            i += 2;
        }
    }

    // ---- index columns

    /**
     * CREATE [UNIQUE] INDEX … ON table [USING btree|hash] (col, …): the plain columns that lead it. An
     * expression ends the list; a partial index (WHERE) or another access method serves no key lookup.
     */
    public static Optional<IndexedColumns> indexedColumns(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        if (t.size() < 3
                || !t.get(0).isWord("CREATE")
                || !(t.get(1).isWord("INDEX")
                        || t.get(1).isWord("UNIQUE") && t.get(2).isWord("INDEX"))) {
            return Optional.empty();
        }
        int on = ColumnDefinitions.indexAtDepthZero(t, "ON", 0);
        if (on < 0 || ColumnDefinitions.indexAtDepthZero(t, "WHERE", on) >= 0) {
            return Optional.empty();
        }
        int i = on + 1 < t.size() && t.get(on + 1).isWord("ONLY") ? on + 2 : on + 1;
        String table = Names.qualifiedAt(t, i);
        if (table == null) {
            return Optional.empty();
        }
        i += Names.width(t, i);
        if (i + 1 < t.size() && t.get(i).isWord("USING")) {
            if (!t.get(i + 1).isWord("BTREE") && !t.get(i + 1).isWord("HASH")) {
                return Optional.empty();
            }
            i += 2;
        }
        if (i >= t.size() || !t.get(i).text().equals("(")) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (List<SqlToken> element :
                ColumnDefinitions.splitTopLevel(t.subList(i + 1, ColumnDefinitions.closing(t, i)))) {
            boolean plain = !element.isEmpty()
                    && Names.of(element.get(0)) != null
                    && !(element.size() > 1 && element.get(1).text().equals("("));
            if (!plain) {
                break;
            }
            columns.add(Names.of(element.get(0)));
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(new IndexedColumns(table, columns));
    }
}
