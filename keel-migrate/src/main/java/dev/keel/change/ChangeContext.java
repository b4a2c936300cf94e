package dev.keel.change;

import dev.keel.sql.Identifiers;
import java.util.Optional;

/**
 * What an operation plans against: the schema as it was before the change started, the shape it is turning into
 * (mutable, operation by operation), where to report findings, and a probe that asks PostgreSQL whether an expression
 * or a type compiles (absent when validating without a database).
 */
public final class ChangeContext {
    private final LiveSchema before;
    private final Shape shape;
    private final ChangeFindings findings;
    private final ExpressionProbe probe;
    private final String stateSchema;
    private final String version;

    public ChangeContext(LiveSchema before, Shape shape, ChangeFindings findings, ExpressionProbe probe) {
        this(before, shape, findings, probe, "keel", null);
    }

    /**
     * @param stateSchema keel's own schema, where objects that outlive the change are registered
     * @param version the change's version, recorded with what it creates
     */
    public ChangeContext(
            LiveSchema before,
            Shape shape,
            ChangeFindings findings,
            ExpressionProbe probe,
            String stateSchema,
            String version) {
        this.before = before;
        this.shape = shape;
        this.findings = findings;
        this.probe = probe;
        this.stateSchema = stateSchema;
        this.version = version;
    }

    /** The same schema and shape, with findings reported through {@code findings} (one operation's, which name it). */
    public ChangeContext reportingTo(ChangeFindings findings) {
        return new ChangeContext(before, shape, findings, probe, stateSchema, version);
    }

    public String stateSchema() {
        return stateSchema;
    }

    /** The version of the change being planned; null when planned outside a change. */
    public String version() {
        return version;
    }

    public LiveSchema before() {
        return before;
    }

    public Shape shape() {
        return shape;
    }

    public ChangeFindings findings() {
        return findings;
    }

    public String schema() {
        return shape.schema();
    }

    /** The physical table, quoted and qualified. */
    public String qualified(String physicalTable) {
        return Identifiers.qualified(shape.schema(), physicalTable);
    }

    /** The table of the current shape, or null after a finding at {@code at}. */
    public Shape.TableShape table(String name, YamlNode.Position at) {
        if (name.isEmpty()) {
            return null;
        }
        Shape.TableShape t = shape.table(name);
        if (t == null) {
            findings.error(
                    "change-missing-table",
                    at,
                    "table " + Identifiers.display(shape.schema()) + "." + Identifiers.display(name)
                            + " does not exist",
                    "check the name, or create the table in an earlier migration or operation");
        }
        return t;
    }

    /** The column of a table in the current shape, or null after a finding at {@code at}. */
    public Shape.ColumnShape column(Shape.TableShape table, String name, YamlNode.Position at) {
        if (table == null || name.isEmpty()) {
            return null;
        }
        Shape.ColumnShape c = table.column(name);
        if (c == null) {
            findings.error(
                    "change-missing-column",
                    at,
                    "column " + Identifiers.display(name) + " does not exist in " + Identifiers.display(table.name()),
                    "check the name; the table has "
                            + String.join(", ", table.columns().keySet()));
        }
        return c;
    }

    public void requireAbsentColumn(Shape.TableShape table, String name, YamlNode.Position at) {
        if (table != null && !name.isEmpty() && table.column(name) != null) {
            findings.error(
                    "change-column-exists",
                    at,
                    "column " + Identifiers.display(name) + " already exists in " + Identifiers.display(table.name()),
                    "pick another name");
        }
    }

    public void checkType(String type, YamlNode.Position at) {
        if (probe != null && !type.isEmpty()) {
            probe.type(type)
                    .ifPresent(problem -> findings.error(
                            "change-unknown-type",
                            at,
                            "type '" + type + "' is unknown: " + problem,
                            "use a type the server knows"));
        }
    }

    /** Asks the server whether {@code expression} compiles over the table as {@code table} shows it. */
    public void checkExpression(
            Shape.TableShape table, String expression, String type, YamlNode.Position at, String what) {
        if (probe != null && table != null && expression != null && !expression.isBlank()) {
            probe.expression(shape.schema(), table, expression, type)
                    .ifPresent(problem -> findings.error(
                            "change-bad-expression",
                            at,
                            what + " '" + expression + "' does not compile: " + problem,
                            "write an SQL expression over the columns of " + Identifiers.display(table.name())));
        }
    }

    /**
     * A name for an object and the companion table it brings ({@code <name>_stripes}, {@code <name>_pending}): both must
     * be free, and short enough that the longest derived name fits PostgreSQL's 63.
     */
    public void requireFreeName(String what, String name, String companion, int max, YamlNode.Position at) {
        if (name.isEmpty()) {
            return;
        }
        if (name.length() > max) {
            findings.error(
                    "change-bad-value",
                    at,
                    what + " name " + name + " is longer than " + max + " characters, which its " + companion
                            + " table and triggers need to fit PostgreSQL's 63",
                    "pick a shorter name");
            return;
        }
        String other = name + "_" + companion;
        boolean taken = shape.table(name) != null
                || shape.table(other) != null
                || before.tables().values().stream()
                        .anyMatch(x -> x.indexes().contains(name) || x.indexes().contains(other));
        if (taken) {
            findings.error(
                    "change-name-taken", at, "the name " + name + " (or " + other + ") is taken", "pick another");
        }
    }

    /** Asks the server whether a whole query compiles against the schema as it is before the change. */
    public void checkQuery(String query, YamlNode.Position at, String what) {
        if (probe != null && query != null && !query.isBlank()) {
            probe.query(shape.schema(), query)
                    .ifPresent(problem -> findings.error(
                            "change-bad-query",
                            at,
                            what + " does not compile: " + problem,
                            "write a SELECT over the tables as they are before this change"));
        }
    }

    /**
     * A column about to become NOT NULL with its values copied as they are: rows holding NULL would pass the whole
     * backfill and then fail complete's validation, so they are a finding now, with the number of them when the probe
     * counts.
     */
    public void requireNoNulls(Shape.TableShape table, Shape.ColumnShape column, YamlNode.Position at, String fix) {
        if (probe == null || table == null || table.created() || ShadowNames.isShadow(column.physical())) {
            return;
        }
        probe.nullRows(shape.schema(), table.physical(), column.physical()).ifPresent(rows -> {
            if (rows > 0) {
                findings.error(
                        "change-not-null-has-nulls",
                        at,
                        (probe.countsNulls() ? rows + (rows == 1 ? " row" : " rows") : "some rows") + " of "
                                + Identifiers.display(table.name()) + " hold NULL in "
                                + Identifiers.display(column.name()) + ", which the new NOT NULL refuses: complete"
                                + " would fail after the whole backfill",
                        fix);
            }
        });
    }

    /** A backfill walks the table by a key; without one it cannot resume or keep its batches short. */
    public void requireKey(Shape.TableShape table, YamlNode.Position at, String why) {
        if (table == null || table.created()) {
            return;
        }
        LiveSchema.Table live = before.table(table.physical());
        if (live != null && live.key().isEmpty()) {
            findings.error(
                    "change-backfill-needs-key",
                    at,
                    Identifiers.display(table.name()) + " has no primary key or unique NOT NULL key, which " + why
                            + " needs to fill existing rows in batches",
                    "add a primary key in an earlier migration");
        }
    }

    /** A range key's smallest and largest value in the live table, as ordinals; empty without a database or rows. */
    public Optional<long[]> keyRange(String physicalTable, String column, boolean time) {
        return probe == null || physicalTable.isEmpty()
                ? Optional.empty()
                : probe.keyRange(shape.schema(), physicalTable, column, time);
    }
}
