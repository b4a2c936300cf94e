package dev.keel.change;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The views of a version schema: one per table, each a plain SELECT of one table with its columns renamed, which
 * PostgreSQL makes updatable on its own (INSERT … RETURNING, UPDATE and DELETE go through to the table).
 */
public final class VersionViews {

    private static final String VIEW = "view ";

    private VersionViews() {}

    public static boolean isView(Action action) {
        return action.description().startsWith(VIEW);
    }

    /** Drops the schema's views and creates them again from {@code shape}: one transaction keeps readers unaware. */
    public static List<Action> create(String versionSchema, Shape shape) {
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic(
                "create schema " + versionSchema + " for the version's views",
                "DROP SCHEMA IF EXISTS " + quote(versionSchema) + " CASCADE; CREATE SCHEMA " + quote(versionSchema)
                        + "; COMMENT ON SCHEMA " + quote(versionSchema) + " IS "
                        + literal(ShadowNames.VERSION_SCHEMA_COMMENT) + "; "
                        + SqlResources.load(
                                VersionViews.class,
                                "grant-schema.sql",
                                Map.of(
                                        "schema", literal(shape.schema()),
                                        "versionSchema", literal(quote(versionSchema))))));
        for (Shape.TableShape t : shape.tables().values()) {
            String columns = t.columns().values().stream()
                    .map(c -> quote(c.physical()) + " AS " + quote(c.name()))
                    .collect(Collectors.joining(", "));
            String view = Identifiers.qualified(versionSchema, t.name());
            StringBuilder sql = new StringBuilder("CREATE VIEW " + view + " AS SELECT " + columns + " FROM "
                    + Identifiers.qualified(shape.schema(), t.physical()));
            if (!t.created()) {
                sql.append("; ")
                        .append(SqlResources.load(
                                VersionViews.class,
                                "grant-like.sql",
                                Map.of(
                                        "table", literal(Identifiers.qualified(shape.schema(), t.physical())),
                                        "view", literal(view))));
            }
            for (Shape.ColumnShape c : t.columns().values()) {
                if (c.viewDefault() != null) {
                    sql.append("; ALTER VIEW ")
                            .append(view)
                            .append(" ALTER COLUMN ")
                            .append(quote(c.name()))
                            .append(" SET DEFAULT ")
                            .append(c.viewDefault());
                }
            }
            actions.add(Action.atomic(VIEW + versionSchema + "." + t.name(), sql.toString()));
        }
        return actions;
    }

    public static Action drop(String versionSchema) {
        return Action.atomic(
                "drop schema " + versionSchema + " and its views",
                "DROP SCHEMA IF EXISTS " + quote(versionSchema) + " CASCADE");
    }

    /** The shape after complete: every column and table under its own name. */
    public static Shape physical(Shape shape) {
        Shape after = new Shape(shape.schema());
        for (Shape.TableShape t : shape.tables().values()) {
            Shape.TableShape table = new Shape.TableShape(t.name(), t.name(), false);
            for (Shape.ColumnShape c : t.columns().values()) {
                table.put(new Shape.ColumnShape(c.name(), c.name(), c.type(), c.notNull(), null, c.generated()));
            }
            after.addTable(table);
        }
        return after;
    }
}
