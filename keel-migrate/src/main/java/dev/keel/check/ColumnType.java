package dev.keel.check;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A type in one spelling: PostgreSQL's internal name (int4, varchar, timestamptz …), its modifiers
 * (the numbers in parentheses) and whether it is an array.
 */
public record ColumnType(String name, List<String> modifiers, boolean array) {
    /** Words that end a type in a column definition. */
    private static final Set<String> AFTER_TYPE = Set.of(
            "COLLATE",
            "CONSTRAINT",
            "NOT",
            "NULL",
            "DEFAULT",
            "CHECK",
            "UNIQUE",
            "PRIMARY",
            "REFERENCES",
            "GENERATED",
            "DEFERRABLE",
            "INITIALLY",
            "COMPRESSION",
            "STORAGE",
            "USING");

    /** The tokens of a type starting at {@code from}, up to the first word that starts a clause after it. */
    public static List<SqlToken> tokensAt(List<SqlToken> t, int from) {
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
            } else if (depth == 0
                    && (text.equals(",")
                            || t.get(i).upper() != null
                                    && AFTER_TYPE.contains(t.get(i).upper()))) {
                break;
            }
        }
        return t.subList(Math.min(from, i), i);
    }

    /** The n-th type modifier as a number (a missing numeric scale is 0); -1 when it is no number. */
    public static int number(List<String> modifiers, int n) {
        if (n >= modifiers.size()) {
            return 0;
        }
        try {
            return Integer.parseInt(modifiers.get(n));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static ColumnType parse(String text) {
        return of(SqlLexer.tokens(text));
    }

    public static ColumnType of(List<SqlToken> tokens) {
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
    public boolean textual() {
        return !array && (name.equals("text") || name.equals("varchar"));
    }

    @Override
    public String toString() {
        return name + (modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers) + ")") + (array ? "[]" : "");
    }
}
