package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.migrate.MigrationException;
import dev.keel.migrate.MigrationFileName;
import dev.keel.migrate.MigrationScript;
import dev.keel.migrate.MigrationType;
import dev.keel.migrate.ScriptDirectives;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.TransactionRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code keel migrate} refuses before it applies anything, and {@code keel validate} reports:
 * transaction control (BEGIN, COMMIT …) in a file keel runs in one transaction, and a file mixing
 * statements that cannot run in a transaction with ones that must, and a header directive keel cannot
 * read ({@code -- keel:lock-timeout soon}). Reported for files keel runs: the
 * project's pending migrations, and given files named as keel names migrations.
 */
public final class MigrateRefuses implements Rule {

    @Override
    public String id() {
        return "migrate-refuses";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        // The whole file is judged once, at its first statement.
        if (c.index() > 0 || !(c.runByKeel() || keelMigrationName(c.file()))) {
            return List.of();
        }
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(c.statement());
        statements.addAll(c.later());
        List<Finding> findings = new ArrayList<>();
        SqlStatement firstNonTx = null;
        SqlStatement firstTx = null;
        String construct = null;
        for (SqlStatement statement : statements) {
            Optional<String> forbidden = TransactionRequirement.forbiddenBy(statement);
            if (forbidden.isPresent() && firstNonTx == null) {
                firstNonTx = statement;
                construct = forbidden.get();
            } else if (forbidden.isEmpty() && firstTx == null) {
                firstTx = statement;
            }
            TransactionRequirement.transactionControl(statement)
                    .ifPresent(word -> findings.add(c.finding(
                            this,
                            statement.tokens().get(0),
                            word
                                    + " in a migration would break the one transaction keel runs it in, and the file and its history row could part:"
                                    + " keel migrate refuses the file",
                            "remove it: keel runs each migration in a transaction of its own")));
        }
        try {
            ScriptDirectives.of(
                    new MigrationScript(null, "", MigrationType.VERSIONED, c.file(), c.file(), c.content(), 0));
        } catch (MigrationException e) {
            // A header directive keel cannot read (-- keel:lock-timeout soon): migrate refuses the file.
            findings.add(c.finding(
                    this, c.statement().tokens().get(0), e.what() + ": keel migrate refuses the file", e.todo()));
        }
        if (firstNonTx != null && firstTx != null) {
            findings.add(c.finding(
                    this,
                    firstNonTx.tokens().get(0),
                    construct + " cannot run in a transaction, so this file may hold only"
                            + " such statements, but line " + firstTx.line() + " holds '" + firstTx.excerpt()
                            + "': keel migrate refuses the file",
                    "move the statements that need no special handling into their own migration file"));
        }
        return findings;
    }

    /** A name keel migrate runs: V&lt;version&gt;__&lt;description&gt;.sql or R__&lt;description&gt;.sql. */
    public static boolean keelMigrationName(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        try {
            return MigrationFileName.parse(name).isPresent();
        } catch (MigrationException e) {
            return false;
        }
    }
}
