package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ADD COLUMN of a serial type, or with GENERATED … AS IDENTITY, draws a sequence value for every
 * existing row: like a volatile default, that rewrites the table under ACCESS EXCLUSIVE.
 */
public final class AddingSerialColumn implements Rule {
    static final Set<String> SERIAL_TYPES =
            Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

    @Override
    public String id() {
        return "adding-serial-column";
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
            boolean identity = generated >= 0 && column.restHas("IDENTITY");
            boolean serial = SERIAL_TYPES.contains(column.typeName());
            if (!identity && !serial) {
                continue;
            }
            String kind = serial ? column.typeName() : "identity";
            findings.add(c.finding(
                    this,
                    serial ? column.typeToken() : column.rest().get(generated),
                    "adding the " + kind + " column "
                            + column.name() + " numbers every existing row from a sequence: all of "
                            + definitions.table()
                            + " is rewritten under an ACCESS EXCLUSIVE lock",
                    "add the column without a default, create a sequence and SET DEFAULT nextval(…) for new rows, "
                            + "then number existing rows in batches outside the migration"));
        }
        return findings;
    }
}
