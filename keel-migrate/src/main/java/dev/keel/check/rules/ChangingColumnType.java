package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ALTER COLUMN … TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE, unless the
 * old values are valid as they are in the new type (varchar(n) to varchar(m ≥ n) or text, a wider
 * numeric of the same scale …). Whether that holds depends on the old type, which the checked
 * migrations tell when they created or added the column.
 */
public final class ChangingColumnType implements Rule {
    /** Fact kind: "table.column=type" with the type in {@link ColumnType#toString()} form. */
    public static final String COLUMN_TYPE = "column-type";
    /** Fact kind: "domain=base type" for domains the checked migrations created. */
    static final String DOMAIN = "domain";
    /** Fact kind: domains with a CHECK or NOT NULL: converting to them checks, so rewrites, every row. */
    static final String CONSTRAINED_DOMAIN = "constrained-domain";

    /** Words that end a type in a column definition. */
    private static final Set<String> AFTER_TYPE = Set.of("COLLATE", "CONSTRAINT", "NOT", "NULL", "DEFAULT", "CHECK", "UNIQUE", "PRIMARY",
            "REFERENCES", "GENERATED", "DEFERRABLE", "INITIALLY", "COMPRESSION", "STORAGE", "USING");
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN", "EXCLUDE", "LIKE");

    @Override
    public String id() {
        return "changing-column-type";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (c.startsWith("CREATE", "DOMAIN") || c.startsWith("ALTER", "DOMAIN")) {
            rememberDomain(c);
            return List.of();
        }
        if (c.startsWith("CREATE")) {
            rememberCreatedColumns(c);
            return List.of();
        }
        AlterTable alter = c.alterTable().orElse(null);
        if (alter == null) {
            return List.of();
        }
        String table = Names.unqualified(alter.table());
        List<Finding> findings = new ArrayList<>();
        List<String> typesAfter = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            List<SqlToken> t = action.tokens();
            int added = action.addedColumnAt();
            if (added >= 0 && Names.of(t.get(added)) != null) {
                typesAfter.add(table + "." + Names.of(t.get(added)) + "=" + ColumnType.of(typeTokens(t, added + 1)));
                continue;
            }
            int column = action.alteredColumnAt();
            int type = column < 0 ? -1 : newTypeAt(t, column + 1);
            if (type < 0 || Names.of(t.get(column)) == null) {
                continue;
            }
            String name = Names.of(t.get(column));
            List<SqlToken> typeTokens = typeTokens(t, type);
            ColumnType newType = ColumnType.of(typeTokens);
            typesAfter.add(table + "." + name + "=" + newType);
            if (c.existing(alter.table())) {
                // After the type come [COLLATE collation] [USING expression], in that order.
                List<SqlToken> rest = t.subList(type + typeTokens.size(), t.size());
                boolean collate = !rest.isEmpty() && rest.get(0).isWord("COLLATE");
                boolean using = rest.stream().anyMatch(x -> x.isWord("USING"));
                Finding finding = verdict(c, action, alter.table() + "." + name, knownType(c, table + "." + name), newType, collate, using);
                if (finding != null) {
                    findings.add(finding);
                }
            }
        }
        typesAfter.forEach(fact -> c.state().remember(COLUMN_TYPE, fact));
        return findings;
    }

    /** {@code old} is null when the checked migrations do not tell the column's type. */
    private Finding verdict(StatementContext c, AlterTable.Action action, String column, ColumnType old, ColumnType to, boolean collate,
                            boolean using) {
        String table = column.substring(0, column.lastIndexOf('.'));
        String rewrites = " rewrites all of " + table + " and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait throughout";
        String newColumn = "add a column of the new type, fill it in batches (a trigger keeps it in step), switch the application to it,"
                + " then drop the old one";
        if (using) {
            return c.finding(this, action.first(), "changing " + column + " to " + to + " with USING computes every row anew: it" + rewrites, newColumn);
        }
        boolean coercible = old != null && coercible(c, old, to);
        boolean maybe = old == null && baseOf(c, to).textual() && !c.state().knows(CONSTRAINED_DOMAIN, to.name());
        if (collate && (coercible || maybe)) {
            return c.finding(this, action.first(), "changing the collation of " + column + " rebuilds every index on it under an ACCESS EXCLUSIVE lock:"
                    + " reads and writes wait throughout", newColumn);
        }
        if (coercible) {
            return null;
        }
        if (old != null) {
            return c.finding(this, action.first(), "changing " + column + " from " + old + " to " + to + rewrites, newColumn);
        }
        if (maybe) {
            return c.finding(this, Severity.WARNING, action.first(), "changing " + column + " to " + to
                            + " rewrites unless the old type is varchar or text that fits as it is (varchar(n) to varchar(m ≥ n), varchar or text):"
                            + " otherwise all of " + table + " is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock",
                    "if the old type is varchar or text of no greater length, waive this with -- keel:allow changing-column-type <old type>; otherwise "
                            + newColumn);
        }
        return c.finding(this, action.first(), "changing " + column + " to " + to + rewrites, newColumn);
    }

    /** Whether every value of {@code old} is already a valid {@code to}, so PostgreSQL keeps the rows and indexes. */
    private static boolean coercible(StatementContext c, ColumnType old, ColumnType to) {
        old = baseOf(c, old);
        if (!to.array() && c.state().knows(CONSTRAINED_DOMAIN, to.name())) {
            return false;
        }
        to = baseOf(c, to);
        if (old.equals(to)) {
            return true;
        }
        if (old.array() || to.array()) {
            return false;
        }
        if (!old.name().equals(to.name())) {
            return old.name().equals("varchar") && to.name().equals("text")
                    || to.name().equals("varchar") && to.modifiers().isEmpty() && old.name().equals("text")
                    || old.name().equals("cidr") && to.name().equals("inet");
        }
        List<String> was = old.modifiers();
        List<String> now = to.modifiers();
        return switch (to.name()) {
            case "varchar", "varbit" -> now.isEmpty() || !was.isEmpty() && number(now, 0) >= number(was, 0);
            case "numeric" -> now.isEmpty() || !was.isEmpty() && number(now, 1) == number(was, 1) && number(now, 0) >= number(was, 0);
            case "timestamp", "timestamptz", "time", "timetz" -> now.isEmpty() || number(now, 0) >= 6 || !was.isEmpty() && number(now, 0) >= number(was, 0);
            default -> false;
        };
    }

    /** The n-th type modifier as a number (a missing numeric scale is 0); -1 when it is no number. */
    private static int number(List<String> modifiers, int n) {
        if (n >= modifiers.size()) {
            return 0;
        }
        try {
            return Integer.parseInt(modifiers.get(n));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A domain the checked migrations created stands for its base type (a domain converts to its base without a rewrite). */
    private static ColumnType baseOf(StatementContext c, ColumnType type) {
        for (int depth = 0; depth < 10 && !type.array(); depth++) {
            ColumnType base = lookup(c, DOMAIN, type.name());
            if (base == null) {
                break;
            }
            type = base;
        }
        return type;
    }

    /** The type the checked migrations gave this "table.column", or null when unknown or when it changed (facts are only added). */
    private static ColumnType knownType(StatementContext c, String column) {
        return lookup(c, COLUMN_TYPE, column);
    }

    private static ColumnType lookup(StatementContext c, String kind, String key) {
        ColumnType found = null;
        for (String fact : c.state().all(kind)) {
            if (fact.startsWith(key + "=")) {
                if (found != null) {
                    return null;
                }
                found = ColumnType.parse(fact.substring(key.length() + 1));
            }
        }
        return found;
    }

    /** After ALTER [COLUMN] name: [SET DATA] TYPE — the index of the type's first token, or -1. */
    private static int newTypeAt(List<SqlToken> t, int i) {
        if (i + 2 < t.size() && t.get(i).isWord("SET") && t.get(i + 1).isWord("DATA")) {
            i += 2;
        }
        return i + 1 < t.size() && t.get(i).isWord("TYPE") ? i + 1 : -1;
    }

    /** The tokens of a type starting at {@code from}, up to the first word that starts a clause after it. */
    private static List<SqlToken> typeTokens(List<SqlToken> t, int from) {
        int depth = 0;
        int i = from;
        for (; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(") || text.equals("[")) {
                depth++;
            } else if (text.equals(")") || text.equals("]")) {
                if (depth == 0) {
                    break; // the end of the list the type sits in
                }
                depth--;
            } else if (depth == 0 && (text.equals(",") || t.get(i).upper() != null && AFTER_TYPE.contains(t.get(i).upper()))) {
                break;
            }
        }
        return t.subList(from, i);
    }

    /** CREATE [TEMP | UNLOGGED …] TABLE [IF NOT EXISTS] name (column type …, …): each column's type. */
    private static void rememberCreatedColumns(StatementContext c) {
        List<SqlToken> t = c.tokens();
        int i = 1;
        while (i < t.size() && !t.get(i).isWord("TABLE")) {
            if (!(t.get(i).isWord("TEMP") || t.get(i).isWord("TEMPORARY") || t.get(i).isWord("UNLOGGED") || t.get(i).isWord("GLOBAL")
                    || t.get(i).isWord("LOCAL"))) {
                return;
            }
            i++;
        }
        i++;
        if (i + 2 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("NOT") && t.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        String table = Names.qualifiedAt(t, i);
        if (table == null) {
            return;
        }
        i += Names.width(t, i);
        if (i >= t.size() || !t.get(i).text().equals("(")) {
            return;
        }
        // Each element starts after "(" or a comma at depth 1.
        int depth = 0;
        for (; i < t.size(); i++) {
            String text = t.get(i).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
            }
            boolean elementStart = depth == 1 && (text.equals("(") || text.equals(",")) && i + 1 < t.size();
            if (!elementStart) {
                continue;
            }
            SqlToken first = t.get(i + 1);
            String column = Names.of(first);
            if (column != null && !(first.upper() != null && TABLE_CONSTRAINTS.contains(first.upper()))) {
                c.state().remember(COLUMN_TYPE, Names.unqualified(table) + "." + column + "=" + ColumnType.of(typeTokens(t, i + 2)));
            }
        }
    }

    /** CREATE DOMAIN name [AS] type … / ALTER DOMAIN name ADD …: its base type, and whether it checks values. */
    private static void rememberDomain(StatementContext c) {
        List<SqlToken> t = c.tokens();
        String name = Names.qualifiedAt(t, 2);
        if (name == null) {
            return;
        }
        name = Names.unqualified(name);
        int i = 2 + Names.width(t, 2);
        if (c.startsWith("ALTER")) {
            if (i < t.size() && (t.get(i).isWord("ADD") || t.get(i).isWord("SET") && i + 1 < t.size() && t.get(i + 1).isWord("NOT"))) {
                c.state().remember(CONSTRAINED_DOMAIN, name);
            }
            return;
        }
        if (i < t.size() && t.get(i).isWord("AS")) {
            i++;
        }
        List<SqlToken> type = typeTokens(t, i);
        c.state().remember(DOMAIN, name + "=" + ColumnType.of(type));
        for (int j = i + type.size(); j < t.size(); j++) {
            if (t.get(j).isWord("CHECK") || t.get(j).isWord("NOT") && j + 1 < t.size() && t.get(j + 1).isWord("NULL")) {
                c.state().remember(CONSTRAINED_DOMAIN, name);
            }
        }
    }

    /**
     * A type in one spelling: PostgreSQL's internal name (int4, varchar, timestamptz …), its modifiers
     * (the numbers in parentheses) and whether it is an array.
     */
    record ColumnType(String name, List<String> modifiers, boolean array) {

        static ColumnType parse(String text) {
            return of(SqlLexer.tokens(text));
        }

        static ColumnType of(List<SqlToken> tokens) {
            List<String> words = new ArrayList<>();
            List<String> modifiers = new ArrayList<>();
            boolean array = false;
            int depth = 0;
            for (int i = 0; i < tokens.size(); i++) {
                SqlToken token = tokens.get(i);
                String text = token.text();
                if (text.equals("(")) {
                    depth++;
                } else if (text.equals(")")) {
                    depth--;
                } else if (text.equals("[") || token.isWord("ARRAY")) {
                    array = true;
                } else if (depth > 0 && !text.equals(",")) {
                    modifiers.add(text);
                } else if (depth == 0 && text.equals(".")) {
                    words.clear(); // schema.type: the schema does not change the type's identity here
                } else if (depth == 0 && !array && Names.of(token) != null) {
                    words.add(Names.of(token));
                }
            }
            return canonical(String.join(" ", words), modifiers, array);
        }

        private static ColumnType canonical(String name, List<String> modifiers, boolean array) {
            String internal = switch (name) {
                case "character varying", "char varying", "varchar" -> "varchar";
                case "character", "char", "bpchar" -> "bpchar";
                case "int", "integer", "int4", "serial", "serial4" -> "int4";
                case "smallint", "int2", "smallserial", "serial2" -> "int2";
                case "bigint", "int8", "bigserial", "serial8" -> "int8";
                case "decimal", "numeric" -> "numeric";
                case "real", "float4" -> "float4";
                case "double precision", "float8" -> "float8";
                case "float" -> !modifiers.isEmpty() && number(modifiers, 0) <= 24 ? "float4" : "float8";
                case "boolean", "bool" -> "bool";
                case "bit varying", "varbit" -> "varbit";
                case "timestamp", "timestamp without time zone" -> "timestamp";
                case "timestamp with time zone", "timestamptz" -> "timestamptz";
                case "time", "time without time zone" -> "time";
                case "time with time zone", "timetz" -> "timetz";
                default -> name;
            };
            if (name.equals("float")) {
                modifiers = List.of();
            } else if ((name.equals("character") || name.equals("char") || name.equals("bit")) && modifiers.isEmpty()) {
                modifiers = List.of("1"); // char and bit without a length mean length 1
            }
            return new ColumnType(internal, List.copyOf(modifiers), array);
        }

        /** text, varchar or varchar(n): the targets a varchar or text column may reach without a rewrite. */
        boolean textual() {
            return !array && (name.equals("text") || name.equals("varchar"));
        }

        @Override
        public String toString() {
            return name + (modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers) + ")") + (array ? "[]" : "");
        }
    }
}
