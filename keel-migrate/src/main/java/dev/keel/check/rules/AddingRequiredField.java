package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.ColumnType;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ADD COLUMN … NOT NULL (or PRIMARY KEY) without a DEFAULT: every existing row would get a null, so
 * PostgreSQL refuses the statement when the table has rows and the migration fails at deploy time.
 * An error when the target says the table has rows, a warning when nobody knows.
 */
public final class AddingRequiredField implements Rule {
    /** Types that bring their own default (a sequence). */
    private static final Set<String> SERIAL =
            Set.of("serial", "serial2", "serial4", "serial8", "smallserial", "bigserial");

    @Override
    public String id() {
        return "adding-required-field";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        AlterTable alter = c.alterTable().orElse(null);
        if (alter == null || !c.existing(alter.table())) {
            return List.of();
        }
        long rows = c.schema().rowEstimate(alter.table());
        if (rows == 0) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            int at = action.addedColumnAt();
            if (at < 0
                    || Names.of(action.tokens().get(at)) == null
                    || !required(action)
                    || action.contains("DEFAULT")
                    || action.contains("GENERATED")
                    || serial(action.tokens(), at)) {
                continue;
            }
            String column = Names.of(action.tokens().get(at));
            String fix = "add " + column + " without NOT NULL (or with a DEFAULT), fill it in batches, then add CHECK ("
                    + column + " IS NOT NULL) NOT VALID, validate it, and SET NOT NULL";
            if (rows > 0) {
                findings.add(c.finding(
                        this,
                        action.first(),
                        "adding " + column + " as NOT NULL without a default fails on " + alter.table()
                                + ", which holds ~" + rows
                                + " rows on the target: each would get a null, so PostgreSQL refuses the statement",
                        fix));
            } else {
                findings.add(c.finding(
                        this,
                        Severity.WARNING,
                        action.first(),
                        "adding " + column + " as NOT NULL without a default fails if " + alter.table()
                                + " holds any row (the target's row count is unknown): PostgreSQL refuses the statement",
                        fix));
            }
        }
        return findings;
    }

    private static boolean required(AlterTable.Action action) {
        List<SqlToken> t = action.tokens();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).isWord("NOT") && t.get(i + 1).isWord("NULL")
                    || t.get(i).isWord("PRIMARY") && t.get(i + 1).isWord("KEY")) {
                return true;
            }
        }
        return false;
    }

    /** A serial type (or no type at all, which PostgreSQL refuses anyway): nothing to report. */
    private static boolean serial(List<SqlToken> t, int column) {
        List<SqlToken> written = ColumnType.tokensAt(t, column + 1);
        return written.isEmpty()
                || written.stream().anyMatch(token -> SERIAL.contains(String.valueOf(Names.of(token))));
    }
}
