package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ADD COLUMN … DEFAULT with a volatile expression rewrites the whole table under ACCESS EXCLUSIVE.
 * Since PostgreSQL 11 a non-volatile default is stored once and costs nothing; before 11 any
 * default rewrites.
 */
public final class AddingFieldWithVolatileDefault implements Rule {
    /** Volatile functions seen in defaults; now() and current_timestamp are stable, so they are free. */
    private static final Set<String> VOLATILE = Set.of(
            "random",
            "clock_timestamp",
            "timeofday",
            "gen_random_uuid",
            "uuid_generate_v1",
            "uuid_generate_v1mc",
            "uuid_generate_v4",
            "nextval");

    @Override
    public String id() {
        return "adding-field-with-volatile-default";
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
        List<Finding> findings = new ArrayList<>();
        for (AlterTable.Action action : alter.actions()) {
            int column = action.addedColumnAt();
            int def = action.indexOf("DEFAULT");
            if (column < 0 || def < 0) {
                continue;
            }
            String volatileCall = volatileCall(
                    c, action.tokens().subList(def + 1, action.tokens().size()));
            if (c.postgresVersion() < 11) {
                findings.add(
                        c.finding(
                                this,
                                action.tokens().get(def),
                                "before PostgreSQL 11, ADD COLUMN with a DEFAULT rewrites all of " + alter.table()
                                        + " under an ACCESS EXCLUSIVE lock",
                                "add the column without a default, set the default in a second statement, and backfill existing rows in batches"));
            } else if (volatileCall != null) {
                findings.add(
                        c.finding(
                                this,
                                action.tokens().get(def),
                                "the default calls " + volatileCall
                                        + "(), which is volatile: adding the column rewrites all of " + alter.table()
                                        + " under an ACCESS EXCLUSIVE lock",
                                "add the column without a default (or with a constant one), then fill existing rows in batches"));
            }
        }
        return findings;
    }

    /**
     * The first volatile function the expression calls: a known volatile built-in, or a function the
     * catalog or the checked files define without IMMUTABLE or STABLE (CREATE FUNCTION's default is VOLATILE).
     */
    static String volatileCall(StatementContext c, List<SqlToken> expression) {
        for (int i = 0; i + 1 < expression.size(); i++) {
            SqlToken t = expression.get(i);
            if ((t.type() != SqlToken.Type.WORD && t.type() != SqlToken.Type.QUOTED_IDENTIFIER)
                    || !expression.get(i + 1).text().equals("(")) {
                continue;
            }
            String name = Names.of(t);
            if (t.type() == SqlToken.Type.WORD && VOLATILE.contains(name)
                    || c.schema()
                            .function(name)
                            .map(v -> v == SchemaModel.Volatility.VOLATILE)
                            .orElse(false)) {
                return name;
            }
        }
        return null;
    }
}
