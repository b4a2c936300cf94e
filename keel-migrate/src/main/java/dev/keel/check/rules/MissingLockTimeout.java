package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;

/**
 * For files another tool applies: a schema change on an existing table with no lock_timeout set
 * earlier in the file. While it waits for its lock, every session that needs a conflicting lock
 * queues behind it, so a long-running query elsewhere stalls the table. Keel sets lock_timeout
 * itself, so files keel runs are never flagged. Reported once per file, at the first such statement.
 */
public final class MissingLockTimeout implements Rule {

    @Override
    public String id() {
        return "missing-lock-timeout";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (c.runByKeel()) {
            return List.of();
        }
        TableLocks.Lock lock = lockOnExisting(c, c.statement());
        if (lock == null
                || lockTimeoutSet(c.earlier())
                || c.earlier().stream().anyMatch(s -> lockOnExisting(c, s) != null)) {
            return List.of();
        }
        return List.of(c.finding(
                this,
                lock.verb() + " waits for " + TableLocks.withArticle(lock.mode()) + " lock on " + lock.table()
                        + " with no lock_timeout: while it waits, it holds up " + TableLocks.blocks(lock.mode())
                        + " on " + lock.table(),
                "start the file with SET lock_timeout = '5s'; and retry the migration when it times out (keel does both when it applies"
                        + " the files)"));
    }

    private static TableLocks.Lock lockOnExisting(StatementContext c, SqlStatement statement) {
        return TableLocks.of(statement).stream()
                .filter(l -> c.existing(l.table()))
                .findFirst()
                .orElse(null);
    }

    /** The last SET / RESET of lock_timeout among these statements leaves a non-zero timeout. */
    static boolean lockTimeoutSet(List<SqlStatement> statements) {
        boolean set = false;
        for (SqlStatement statement : statements) {
            List<SqlToken> t = statement.tokens();
            if (t.isEmpty()) {
                continue;
            }
            if (t.get(0).isWord("SET")) {
                int i = t.size() > 1 && (t.get(1).isWord("LOCAL") || t.get(1).isWord("SESSION")) ? 2 : 1;
                if (i + 2 < t.size()
                        && t.get(i).isWord("LOCK_TIMEOUT")
                        && (t.get(i + 1).text().equals("=") || t.get(i + 1).isWord("TO"))) {
                    set = nonZero(t.get(i + 2));
                }
            } else if (t.get(0).isWord("RESET")
                    && t.size() > 1
                    && (t.get(1).isWord("LOCK_TIMEOUT") || t.get(1).isWord("ALL"))) {
                set = false;
            } else if (t.get(0).isWord("SELECT")
                    && t.size() > 5
                    && t.get(1).isWord("SET_CONFIG")
                    && t.get(3).text().equalsIgnoreCase("'lock_timeout'")) {
                set = nonZero(t.get(5));
            }
        }
        return set;
    }

    /** 0, '0', '0ms' and DEFAULT (0 unless the server says otherwise) leave lock waits unbounded. */
    private static boolean nonZero(SqlToken value) {
        if (value.isWord("DEFAULT")) {
            return false;
        }
        String text = value.text().replace("'", "").strip();
        String digits = text.replaceAll("[^0-9.].*$", "");
        return digits.isEmpty() || !digits.matches("[0.]+");
    }
}
