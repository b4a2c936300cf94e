package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ShadowNames;
import dev.keel.sql.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * partition_table's trigger on the table being converted: every row written to it after start is written to the new
 * partitioned table too, by primary key. An update that changes the key deletes the row under its old key first (the
 * key holds the partition key, so the row may move to another partition); a delete deletes. It runs after the write,
 * so the application's statement has passed its own constraints, and as the function's owner (keel's role, which
 * owns the new table), so the application's role needs no rights on a table it does not know of.
 *
 * @param columns the columns written (generated columns compute themselves)
 * @param overriding whether identity columns are copied with their values
 */
record PartitionCopyTrigger(
        String stateSchema,
        String schema,
        String table,
        String copy,
        List<String> key,
        List<String> columns,
        boolean overriding) {

    String function() {
        return Identifiers.qualified(stateSchema, ShadowNames.copyFunction(schema, table));
    }

    Action create() {
        String target = Identifiers.qualified(schema, copy);
        String cols = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "NEW." + quote(c)).collect(Collectors.joining(", "));
        String byOldKey = key.stream().map(k -> quote(k) + " = OLD." + quote(k)).collect(Collectors.joining(" AND "));
        List<String> rest = columns.stream().filter(c -> !key.contains(c)).toList();
        String onConflict = rest.isEmpty()
                ? "DO NOTHING"
                : "DO UPDATE SET "
                        + rest.stream()
                                .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                                .collect(Collectors.joining(", "));
        String keyCols = key.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String oldKey = key.stream().map(k -> "OLD." + quote(k)).collect(Collectors.joining(", "));
        String newKey = key.stream().map(k -> "NEW." + quote(k)).collect(Collectors.joining(", "));
        String delete = "DELETE FROM " + target + " WHERE " + byOldKey + ";";
        String sql = "CREATE OR REPLACE FUNCTION " + function() + "() RETURNS trigger LANGUAGE plpgsql"
                + " SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $keel$\nBEGIN\n"
                + "  IF TG_OP = 'DELETE' THEN\n    " + delete + "\n    RETURN NULL;\n  END IF;\n"
                + "  IF TG_OP = 'UPDATE' THEN\n    IF (" + oldKey + ") IS DISTINCT FROM (" + newKey + ") THEN\n      "
                + delete + "\n    END IF;\n  END IF;\n"
                + "  INSERT INTO " + target + " (" + cols + ")" + (overriding ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (" + values + ") ON CONFLICT (" + keyCols + ") " + onConflict + ";\n"
                + "  RETURN NULL;\nEND\n$keel$; "
                + "DROP TRIGGER IF EXISTS " + quote(ShadowNames.COPY_TRIGGER) + " ON "
                + Identifiers.qualified(schema, table) + "; "
                + "CREATE TRIGGER " + quote(ShadowNames.COPY_TRIGGER) + " AFTER INSERT OR UPDATE OR DELETE ON "
                + Identifiers.qualified(schema, table) + " FOR EACH ROW EXECUTE FUNCTION " + function() + "()";
        return Action.atomic("copy every write to " + table + " into " + copy + " (trigger)", sql);
    }

    /** The trigger goes with its function. */
    Action drop() {
        return Action.atomic(
                "drop the trigger that copies writes to " + table,
                "DROP FUNCTION IF EXISTS " + function() + "() CASCADE");
    }
}
