package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ADD COLUMN … GENERATED ALWAYS AS (…) STORED computes the expression for every existing row, so
 * PostgreSQL rewrites the table under ACCESS EXCLUSIVE. A VIRTUAL column (PostgreSQL 18) is computed
 * on read and adds without a rewrite, so only STORED is flagged.
 */
public final class AddingStoredGeneratedColumn implements Rule {

    @Override
    public String id() {
        return "adding-stored-generated-column";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        ColumnDefinitions definitions = ColumnDefinitions.of(c.statement()).orElse(null);
        if (definitions == null || definitions.createTable() || !c.existing(definitions.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ColumnDefinitions.Column column : definitions.columns()) {
            int generated = column.restIndexOf("GENERATED");
            if (generated < 0 || !column.restHas("STORED")) {
                continue;
            }
            String fix = c.postgresVersion() >= 18
                    ? "make it GENERATED ALWAYS AS (…) VIRTUAL: computed on read, it is added without touching the rows"
                    : "add a plain column, keep it current with a trigger for new writes, and fill existing rows in batches outside the migration";
            findings.add(c.finding(
                    this,
                    column.rest().get(generated),
                    "a stored generated column is computed for every existing row: adding " + column.name()
                            + " rewrites all of " + definitions.table() + " under an ACCESS EXCLUSIVE lock",
                    fix));
        }
        return findings;
    }
}
