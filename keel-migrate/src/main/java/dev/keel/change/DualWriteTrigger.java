package dev.keel.change;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.sql.Identifiers;
import java.util.List;

/**
 * The trigger that keeps old and new physical columns consistent while both versions run. A session whose
 * search_path starts at the new version's schema writes the new shape, so {@code down} expressions fill the old
 * columns; any other session writes the old shape, and {@code up} fills the new ones. Each expression sees the
 * columns of its shape as variables of the same names.
 *
 * <p>A backfill that sets the new columns itself (see {@link BackfillStatements}) marks its transaction with {@link
 * #SKIP_SETTING}: the trigger's WHEN clause is evaluated by the executor, so those rows never enter PL/pgSQL, which
 * cost a third of the backfill's time; every other session pays one setting lookup per row.
 */
public final class DualWriteTrigger {
    /** Set (transaction-local) to {@link #SKIP_VALUE} by a backfill that writes what the trigger would. */
    public static final String SKIP_SETTING = "keel.backfill";

    public static final String SKIP_VALUE = "direct";

    private DualWriteTrigger() {}

    public static String function(String stateSchema, String schema, String table) {
        return Identifiers.qualified(stateSchema, ShadowNames.triggerFunction(schema, table));
    }

    public static Action create(
            String stateSchema,
            String newVersionSchema,
            Shape.TableShape oldTable,
            Shape.TableShape newTable,
            List<Shape.Derivation> derivations,
            String schema) {
        String fn = function(stateSchema, schema, oldTable.physical());
        StringBuilder body = new StringBuilder();
        body.append("CREATE OR REPLACE FUNCTION ").append(fn).append("() RETURNS trigger LANGUAGE plpgsql AS $keel$\n");
        body.append("#variable_conflict use_column\nBEGIN\n");
        body.append("  IF current_schema() = ")
                .append(literal(newVersionSchema))
                .append(" THEN\n");
        branch(body, newTable, derivations, Shape.Direction.DOWN);
        body.append("  ELSE\n");
        branch(body, oldTable, derivations, Shape.Direction.UP);
        body.append("  END IF;\n  RETURN NEW;\nEND\n$keel$; ");
        body.append("DROP TRIGGER IF EXISTS ")
                .append(quote(ShadowNames.trigger(oldTable.physical())))
                .append(" ON ")
                .append(Identifiers.qualified(schema, oldTable.physical()))
                .append("; CREATE TRIGGER ")
                .append(quote(ShadowNames.trigger(oldTable.physical())))
                .append(" BEFORE INSERT OR UPDATE ON ")
                .append(Identifiers.qualified(schema, oldTable.physical()))
                .append(" FOR EACH ROW WHEN (current_setting(")
                .append(literal(SKIP_SETTING))
                .append(", true) IS DISTINCT FROM ")
                .append(literal(SKIP_VALUE))
                .append(") EXECUTE FUNCTION ")
                .append(fn)
                .append("()");
        return Action.atomic("dual-write trigger on " + oldTable.physical(), body.toString());
    }

    private static void branch(
            StringBuilder body, Shape.TableShape table, List<Shape.Derivation> derivations, Shape.Direction direction) {
        List<Shape.Derivation> mine = derivations.stream()
                .filter(d -> d.table().equals(table.physical()) && d.direction() == direction)
                .toList();
        if (mine.isEmpty()) {
            body.append("    NULL;\n");
            return;
        }
        body.append("    DECLARE\n");
        for (Shape.ColumnShape c : table.columns().values()) {
            body.append("      ")
                    .append(quote(c.name()))
                    .append(" ")
                    .append(c.type())
                    .append(" := NEW.")
                    .append(quote(c.physical()))
                    .append(";\n");
        }
        body.append("    BEGIN\n");
        for (Shape.Derivation d : mine) {
            body.append("      NEW.")
                    .append(quote(d.target()))
                    .append(" := (")
                    .append(d.expression())
                    .append(");\n");
        }
        body.append("    END;\n");
    }

    public static Action drop(String stateSchema, String schema, String table) {
        return Action.atomic(
                "drop the dual-write trigger on " + table,
                "DROP FUNCTION IF EXISTS " + function(stateSchema, schema, table) + "() CASCADE");
    }
}
