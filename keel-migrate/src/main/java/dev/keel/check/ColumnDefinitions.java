package dev.keel.check;

import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns and table constraints a statement defines, read on the lexer's tokens: the element
 * list of CREATE TABLE name (…), and the ADD COLUMN / ADD constraint actions of ALTER TABLE. The
 * type rules (prefer-*) and the key rules read their columns from here.
 */
public record ColumnDefinitions(
        String table, boolean createTable, List<Column> columns, List<TableConstraint> constraints) {

    /** Words that end a column's type and start its constraints (or, in ALTER COLUMN TYPE, its USING). */
    private static final Set<String> TYPE_END = Set.of(
            "CONSTRAINT",
            "NOT",
            "NULL",
            "DEFAULT",
            "PRIMARY",
            "UNIQUE",
            "CHECK",
            "REFERENCES",
            "GENERATED",
            "COLLATE",
            "COMPRESSION",
            "STORAGE",
            "USING",
            "DEFERRABLE",
            "INITIALLY");

    private static final Set<String> CONSTRAINT_START =
            Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE");

    /** One column: the token naming it, the tokens of its type, and what follows the type (constraints, default …). */
    public record Column(String table, SqlToken nameToken, List<SqlToken> type, List<SqlToken> rest) {

        public Column {
            type = List.copyOf(type);
            rest = List.copyOf(rest);
        }

        public String name() {
            return Names.of(nameToken);
        }

        /**
         * The type's words in lower case, without schema, modifiers or array brackets: "character
         * varying", "timestamp without time zone". A quoted name stays quoted: "char" in quotes is
         * the one-byte internal type, not character(1).
         */
        public String typeName() {
            List<String> words = new ArrayList<>();
            int depth = 0;
            for (int i = 0; i < type.size(); i++) {
                SqlToken t = type.get(i);
                String text = t.text();
                if (text.equals("(") || text.equals("[")) {
                    depth++;
                } else if (text.equals(")") || text.equals("]")) {
                    depth--;
                } else if (depth == 0 && !t.isWord("ARRAY")) {
                    boolean schema =
                            i + 1 < type.size() && type.get(i + 1).text().equals(".");
                    if (!schema && t.type() == SqlToken.Type.WORD) {
                        words.add(text.toLowerCase(Locale.ROOT));
                    } else if (!schema && t.type() == SqlToken.Type.QUOTED_IDENTIFIER) {
                        words.add(text);
                    }
                }
            }
            return String.join(" ", words);
        }

        /** True when the type carries a modifier in parentheses, as in varchar(40) or char(2). */
        public boolean hasTypeModifier() {
            return type.stream().anyMatch(t -> t.text().equals("("));
        }

        /** The index in {@link #rest()} of a word outside parentheses, or -1. */
        public int restIndexOf(String word) {
            return indexAtDepthZero(rest, word, 0);
        }

        public boolean restHas(String word) {
            return restIndexOf(word) >= 0;
        }

        public SqlToken typeToken() {
            return type.isEmpty() ? nameToken : type.get(0);
        }
    }

    /** A table constraint: its kind (PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK, EXCLUDE), its first token and its column list. */
    public record TableConstraint(
            String table, String kind, SqlToken first, List<String> columns, List<SqlToken> tokens) {

        public TableConstraint {
            columns = List.copyOf(columns);
            tokens = List.copyOf(tokens);
        }
    }

    public static Optional<ColumnDefinitions> of(SqlStatement statement) {
        Optional<AlterTable> alter = AlterTable.of(statement);
        if (alter.isPresent()) {
            return Optional.of(ofAlter(alter.get()));
        }
        return ofCreate(statement.tokens());
    }

    /** Every column a statement gives a type: defined by CREATE TABLE or ADD COLUMN, or changed by ALTER COLUMN … TYPE. */
    public static List<Column> typed(SqlStatement statement) {
        List<Column> columns = new ArrayList<>();
        of(statement).ifPresent(d -> columns.addAll(d.columns()));
        columns.addAll(retyped(statement));
        return columns;
    }

    /** ALTER [COLUMN] name [SET DATA] TYPE type …: the column with its new type. */
    public static List<Column> retyped(SqlStatement statement) {
        AlterTable alter = AlterTable.of(statement).orElse(null);
        if (alter == null) {
            return List.of();
        }
        List<Column> columns = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            int name = action.alteredColumnAt();
            if (name < 0) {
                continue;
            }
            List<SqlToken> t = action.tokens();
            int i = name + 1;
            if (i + 1 < t.size() && t.get(i).isWord("SET") && t.get(i + 1).isWord("DATA")) {
                i += 2;
            }
            if (i < t.size() && t.get(i).isWord("TYPE")) {
                columns.add(column(alter.table(), t, name));
            }
        }
        return columns;
    }

    private static ColumnDefinitions ofAlter(AlterTable alter) {
        List<Column> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            int name = action.addedColumnAt();
            if (name >= 0) {
                columns.add(column(alter.table(), action.tokens(), name));
            } else if (action.startsWith("ADD") && action.tokens().size() > 1) {
                List<SqlToken> rest = action.tokens().subList(1, action.tokens().size());
                // Findings about an added constraint point at its ADD, as the other ALTER TABLE rules do.
                tableConstraint(alter.table(), rest)
                        .map(k -> new TableConstraint(k.table(), k.kind(), action.first(), k.columns(), k.tokens()))
                        .ifPresent(constraints::add);
            }
        }
        return new ColumnDefinitions(alter.table(), false, columns, constraints);
    }

    /** CREATE [GLOBAL|LOCAL] [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name ( elements ); not AS, OF or PARTITION OF. */
    private static Optional<ColumnDefinitions> ofCreate(List<SqlToken> t) {
        if (t.isEmpty() || !t.get(0).isWord("CREATE")) {
            return Optional.empty();
        }
        int i = 1;
        while (i < t.size()
                && (t.get(i).isWord("GLOBAL")
                        || t.get(i).isWord("LOCAL")
                        || t.get(i).isWord("TEMP")
                        || t.get(i).isWord("TEMPORARY")
                        || t.get(i).isWord("UNLOGGED"))) {
            i++;
        }
        if (i >= t.size() || !t.get(i).isWord("TABLE")) {
            return Optional.empty();
        }
        i++;
        if (i + 2 < t.size()
                && t.get(i).isWord("IF")
                && t.get(i + 1).isWord("NOT")
                && t.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        String table = Names.qualifiedAt(t, i);
        if (table == null) {
            return Optional.empty();
        }
        i += Names.width(t, i);
        if (i >= t.size() || !t.get(i).text().equals("(")) {
            return Optional.empty();
        }
        int close = closing(t, i);
        if (close + 1 < t.size() && t.get(close + 1).isWord("AS")) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (List<SqlToken> element : splitTopLevel(t.subList(i + 1, close))) {
            if (element.isEmpty() || element.get(0).isWord("LIKE")) {
                continue;
            }
            if (element.get(0).type() == SqlToken.Type.WORD
                    && CONSTRAINT_START.contains(element.get(0).upper())) {
                tableConstraint(table, element).ifPresent(constraints::add);
            } else {
                columns.add(column(table, element, 0));
            }
        }
        return Optional.of(new ColumnDefinitions(table, true, columns, constraints));
    }

    /** A column whose name is at {@code name}: its type runs to the first constraint word outside parentheses. */
    private static Column column(String table, List<SqlToken> t, int name) {
        int start = name + 1;
        if (start + 2 < t.size()
                && t.get(start).isWord("SET")
                && t.get(start + 1).isWord("DATA")
                && t.get(start + 2).isWord("TYPE")) {
            start += 3;
        } else if (start < t.size() && t.get(start).isWord("TYPE")) {
            start++;
        }
        int end = start;
        int depth = 0;
        for (; end < t.size(); end++) {
            String text = t.get(end).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0
                    && t.get(end).type() == SqlToken.Type.WORD
                    && TYPE_END.contains(t.get(end).upper())) {
                break;
            }
        }
        return new Column(table, t.get(name), t.subList(Math.min(start, end), end), t.subList(end, t.size()));
    }

    /** [CONSTRAINT name] PRIMARY KEY (…) | UNIQUE [NULLS [NOT] DISTINCT] (…) | FOREIGN KEY (…) … | CHECK (…) | EXCLUDE …. */
    private static Optional<TableConstraint> tableConstraint(String table, List<SqlToken> t) {
        int i = 0;
        if (t.size() > 2 && t.get(0).isWord("CONSTRAINT")) {
            i = 2;
        }
        if (i >= t.size()) {
            return Optional.empty();
        }
        String kind;
        if (t.get(i).isWord("PRIMARY")) {
            kind = "PRIMARY KEY";
        } else if (t.get(i).isWord("FOREIGN")) {
            kind = "FOREIGN KEY";
        } else if (t.get(i).isWord("UNIQUE")
                || t.get(i).isWord("CHECK")
                || t.get(i).isWord("EXCLUDE")) {
            kind = t.get(i).upper();
        } else {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        int open = indexOfSymbol(t, "(", i);
        if (open >= 0 && !kind.equals("CHECK")) {
            for (List<SqlToken> element : splitTopLevel(t.subList(open + 1, closing(t, open)))) {
                if (!element.isEmpty() && Names.of(element.get(0)) != null) {
                    columns.add(Names.of(element.get(0)));
                }
            }
        }
        return Optional.of(new TableConstraint(table, kind, t.get(0), columns, t));
    }

    /** The index of the parenthesis closing the one at {@code open}, or the token count when it is never closed. */
    public static int closing(List<SqlToken> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).text().equals("(")) {
                depth++;
            } else if (t.get(i).text().equals(")") && --depth == 0) {
                return i;
            }
        }
        return t.size();
    }

    /** Splits tokens at commas outside parentheses. */
    public static List<List<SqlToken>> splitTopLevel(List<SqlToken> t) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (text.equals(",") && depth == 0 && t.get(i).type() == SqlToken.Type.SYMBOL) {
                parts.add(t.subList(start, i));
                start = i + 1;
            }
        }
        if (start < t.size()) {
            parts.add(t.subList(start, t.size()));
        }
        return parts;
    }

    public static int indexAtDepthZero(List<SqlToken> t, String word, int from) {
        int depth = 0;
        for (int i = from; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            } else if (depth == 0 && t.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfSymbol(List<SqlToken> t, String symbol, int from) {
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).type() == SqlToken.Type.SYMBOL && t.get(i).text().equals(symbol)) {
                return i;
            }
        }
        return -1;
    }
}
