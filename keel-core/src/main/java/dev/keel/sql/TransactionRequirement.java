package dev.keel.sql;

import java.util.List;
import java.util.Optional;

/**
 * Recognises the statements PostgreSQL refuses to run inside a transaction block
 * ("cannot run inside a transaction block"), so a migration holding them runs without one.
 */
public final class TransactionRequirement {

    private TransactionRequirement() {}

    /** The name of the construct that forbids a transaction, or empty when the statement allows one. */
    public static Optional<String> forbiddenBy(SqlStatement statement) {
        List<String> w = statement.leadingWords(6);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String first = w.get(0);
        switch (first) {
            case "VACUUM":
                return Optional.of("VACUUM");
            case "REINDEX":
                if (statement.containsWord("CONCURRENTLY")) {
                    return Optional.of("REINDEX CONCURRENTLY");
                }
                for (String scope : List.of("SYSTEM", "DATABASE", "SCHEMA")) {
                    if (w.contains(scope)) {
                        return Optional.of("REINDEX " + scope);
                    }
                }
                return Optional.empty();
            case "CREATE":
                if (startsWith(w, "CREATE", "INDEX", "CONCURRENTLY")
                        || startsWith(w, "CREATE", "UNIQUE", "INDEX", "CONCURRENTLY")) {
                    return Optional.of("CREATE INDEX CONCURRENTLY");
                }
                return objectWord(w, "DATABASE", "TABLESPACE", "SUBSCRIPTION").map(o -> "CREATE " + o);
            case "DROP":
                if (startsWith(w, "DROP", "INDEX", "CONCURRENTLY")) {
                    return Optional.of("DROP INDEX CONCURRENTLY");
                }
                return objectWord(w, "DATABASE", "TABLESPACE", "SUBSCRIPTION").map(o -> "DROP " + o);
            case "ALTER":
                if (startsWith(w, "ALTER", "SYSTEM")) {
                    return Optional.of("ALTER SYSTEM");
                }
                if (startsWith(w, "ALTER", "TABLE")
                        && statement.containsWord("DETACH")
                        && statement.containsWord("CONCURRENTLY")) {
                    return Optional.of("DETACH PARTITION CONCURRENTLY");
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> objectWord(List<String> words, String... objects) {
        if (words.size() < 2) {
            return Optional.empty();
        }
        for (String object : objects) {
            if (words.get(1).equals(object)) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(List<String> words, String... prefix) {
        if (words.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!words.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * BEGIN, COMMIT, END, ROLLBACK (not ROLLBACK TO), ABORT or START TRANSACTION: a statement that would
     * end or nest the one transaction a migration runs in. Empty for any other statement.
     */
    public static Optional<String> transactionControl(SqlStatement statement) {
        List<String> w = statement.leadingWords(2);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        return switch (w.get(0)) {
            case "BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT" ->
                w.size() > 1 && w.get(0).equals("ROLLBACK") && w.get(1).equals("TO")
                        ? Optional.empty()
                        : Optional.of(w.get(0));
            case "START" ->
                w.size() > 1 && w.get(1).equals("TRANSACTION") ? Optional.of("START TRANSACTION") : Optional.empty();
            default -> Optional.empty();
        };
    }
}
