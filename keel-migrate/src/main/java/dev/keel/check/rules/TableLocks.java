package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Names;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table locks a schema change takes, by statement: the rules on lock duration (one transaction
 * holding DDL and DML, repeated ALTER TABLE, no lock_timeout) read them from here. Modes follow the
 * PostgreSQL documentation on explicit locking (version 12 and later, where ATTACH PARTITION takes
 * LockMode.SHARE UPDATE LockMode.EXCLUSIVE).
 */
final class TableLocks {

    private TableLocks() {}

    /** One table lock: the table, the mode, the statement's leading words ("ALTER TABLE"), and its first token. */
    record Lock(String table, LockMode mode, String verb, SqlToken at) {}

    static List<Lock> of(SqlStatement statement) {
        List<SqlToken> t = statement.tokens();
        if (t.isEmpty()) {
            return List.of();
        }
        SqlToken first = t.get(0);
        AlterTable alter = AlterTable.of(statement).orElse(null);
        if (alter != null) {
            LockMode mode = LockMode.SHARE_UPDATE_EXCLUSIVE;
            for (AlterTable.Action action : alter.actions()) {
                mode = mode.strongest(mode(action));
            }
            return List.of(new Lock(alter.table(), mode, "ALTER TABLE", first));
        }
        if (statement.leadingWords(2).equals(List.of("DROP", "TABLE"))) {
            return tables(t, skipIfExists(t, 2), LockMode.ACCESS_EXCLUSIVE, "DROP TABLE");
        }
        if (first.isWord("TRUNCATE")) {
            return tables(t, t.size() > 1 && t.get(1).isWord("TABLE") ? 2 : 1, LockMode.ACCESS_EXCLUSIVE, "TRUNCATE");
        }
        if (first.isWord("LOCK")) {
            return tables(t, t.size() > 1 && t.get(1).isWord("TABLE") ? 2 : 1, lockTableMode(t), "LOCK TABLE");
        }
        if (first.isWord("CREATE")) {
            return created(statement, t);
        }
        if (statement.leadingWords(2).equals(List.of("DROP", "TRIGGER"))) {
            return after(t, "ON", LockMode.ACCESS_EXCLUSIVE, "DROP TRIGGER");
        }
        return List.of();
    }

    private static List<Lock> created(SqlStatement statement, List<SqlToken> t) {
        int i = 1;
        if (i + 1 < t.size() && t.get(i).isWord("OR") && t.get(i + 1).isWord("REPLACE")) {
            i += 2;
        }
        if (i < t.size() && t.get(i).isWord("UNIQUE")) {
            i++;
        }
        if (i < t.size() && t.get(i).isWord("INDEX")) {
            boolean concurrently = statement.containsWord("CONCURRENTLY");
            return after(t, "ON", concurrently ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE, "CREATE INDEX");
        }
        if (i < t.size() && t.get(i).isWord("CONSTRAINT")) {
            i++;
        }
        if (i < t.size() && t.get(i).isWord("TRIGGER")) {
            return after(t, "ON", LockMode.SHARE_ROW_EXCLUSIVE, "CREATE TRIGGER");
        }
        if (i < t.size() && t.get(i).isWord("RULE")) {
            return after(t, "TO", LockMode.ACCESS_EXCLUSIVE, "CREATE RULE");
        }
        return List.of();
    }

    /** The lock one ALTER TABLE action takes; anything not known to be milder takes ACCESS LockMode.EXCLUSIVE. */
    static LockMode mode(AlterTable.Action action) {
        List<SqlToken> t = action.tokens();
        if (action.startsWith("VALIDATE")
                || action.startsWith("CLUSTER")
                || action.startsWith("SET", "WITHOUT", "CLUSTER")
                || action.startsWith("ATTACH")
                || action.startsWith("DETACH") && action.contains("CONCURRENTLY")
                || (action.startsWith("SET") || action.startsWith("RESET"))
                        && t.size() > 1
                        && t.get(1).text().equals("(")) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        int column = action.alteredColumnAt();
        if (column >= 0
                && column + 1 < t.size()
                && t.get(column + 1).isWord("SET")
                && column + 2 < t.size()
                && (t.get(column + 2).isWord("STATISTICS")
                        || t.get(column + 2).text().equals("("))) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (action.startsWith("ENABLE") || action.startsWith("DISABLE")) {
            return action.contains("TRIGGER") ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        }
        if (action.startsWith("ADD") && action.addedColumnAt() < 0 && action.contains("FOREIGN")) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        return LockMode.ACCESS_EXCLUSIVE;
    }

    /** The mode with its article, for messages: "an ACCESS EXCLUSIVE", "a SHARE". */
    static String withArticle(LockMode mode) {
        String name = mode.readable();
        return (name.startsWith("A") || name.startsWith("E") ? "an " : "a ") + name;
    }

    /** What other sessions can no longer do while the lock is held, for messages. */
    static String blocks(LockMode mode) {
        return switch (mode) {
            case ACCESS_EXCLUSIVE -> "every read and write";
            case EXCLUSIVE -> "every write and every SELECT … FOR UPDATE";
            case SHARE_ROW_EXCLUSIVE, SHARE -> "every write";
            case SHARE_UPDATE_EXCLUSIVE -> "other schema changes and VACUUM";
            default -> "schema changes";
        };
    }

    /** LOCK … IN mode MODE; ACCESS LockMode.EXCLUSIVE when no mode is given. */
    static LockMode lockTableMode(List<SqlToken> t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isWord("IN")) {
                List<String> words = new ArrayList<>();
                for (int j = i + 1; j < t.size() && !t.get(j).isWord("MODE"); j++) {
                    words.add(t.get(j).text().toUpperCase(Locale.ROOT));
                }
                return named(String.join("_", words)).orElse(LockMode.ACCESS_EXCLUSIVE);
            }
        }
        return LockMode.ACCESS_EXCLUSIVE;
    }

    /** The names in a list like TRUNCATE's: [ONLY] name [*] [, …], starting at {@code i}. */
    static List<String> tableNames(List<SqlToken> t, int i) {
        List<String> names = new ArrayList<>();
        while (i < t.size()) {
            if (t.get(i).isWord("ONLY")) {
                i++;
            }
            String name = Names.qualifiedAt(t, i);
            if (name == null) {
                break;
            }
            names.add(name);
            i += Names.width(t, i);
            if (i < t.size() && t.get(i).text().equals("*")) {
                i++;
            }
            if (i >= t.size() || !t.get(i).text().equals(",")) {
                break;
            }
            i++;
        }
        return names;
    }

    private static int skipIfExists(List<SqlToken> t, int i) {
        return i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS") ? i + 2 : i;
    }

    private static List<Lock> tables(List<SqlToken> t, int i, LockMode mode, String verb) {
        return tableNames(t, i).stream()
                .map(name -> new Lock(name, mode, verb, t.get(0)))
                .toList();
    }

    /** The table named after the first {@code word} (ON, TO), skipping ONLY. */
    private static List<Lock> after(List<SqlToken> t, String word, LockMode mode, String verb) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).isWord(word)) {
                int at = i + 1 < t.size() && t.get(i + 1).isWord("ONLY") ? i + 2 : i + 1;
                String table = Names.qualifiedAt(t, at);
                return table == null ? List.of() : List.of(new Lock(table, mode, verb, t.get(0)));
            }
        }
        return List.of();
    }

    private static Optional<LockMode> named(String name) {
        try {
            return Optional.of(LockMode.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
