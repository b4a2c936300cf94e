package dev.keel.check.rules;

import dev.keel.check.AlterTable;
import dev.keel.check.ColumnType;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.SchemaModel;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER COLUMN … TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE, unless the
 * old values are valid as they are in the new type (varchar(n) to varchar(m ≥ n) or text, a wider
 * numeric of the same scale …). Whether that holds depends on the old type, which the checked
 * migrations tell when they created or added the column.
 */
public final class ChangingColumnType implements Rule {

    @Override
    public String id() {
        return "changing-column-type";
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
            List<SqlToken> t = action.tokens();
            int column = action.alteredColumnAt();
            int type = column < 0 ? -1 : newTypeAt(t, column + 1);
            if (type < 0 || Names.of(t.get(column)) == null) {
                continue;
            }
            String name = Names.of(t.get(column));
            List<SqlToken> typeTokens = ColumnType.tokensAt(t, type);
            ColumnType newType = ColumnType.of(typeTokens);
            // After the type come [COLLATE collation] [USING expression], in that order.
            List<SqlToken> rest = t.subList(type + typeTokens.size(), t.size());
            boolean collate = !rest.isEmpty() && rest.get(0).isWord("COLLATE");
            boolean using = rest.stream().anyMatch(x -> x.isWord("USING"));
            ColumnType old = c.schema()
                    .column(alter.table(), name)
                    .flatMap(SchemaModel.Column::type)
                    .orElse(null);
            Finding finding = verdict(c, action, alter.table() + "." + name, old, newType, collate, using);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    /** {@code old} is null when the checked migrations do not tell the column's type. */
    private Finding verdict(
            StatementContext c,
            AlterTable.Action action,
            String column,
            ColumnType old,
            ColumnType to,
            boolean collate,
            boolean using) {
        String table = column.substring(0, column.lastIndexOf('.'));
        String rewrites = " rewrites all of " + table
                + " and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait throughout";
        String newColumn =
                "add a column of the new type, fill it in batches (a trigger keeps it in step), switch the application to it,"
                        + " then drop the old one";
        if (using) {
            return c.finding(
                    this,
                    action.first(),
                    "changing " + column + " to " + to + " with USING computes every row anew: it" + rewrites,
                    newColumn);
        }
        boolean coercible = old != null && coercible(c, old, to);
        boolean maybe = old == null && baseOf(c, to).textual() && !constrainedDomain(c, to);
        if (collate && (coercible || maybe)) {
            return c.finding(
                    this,
                    action.first(),
                    "changing the collation of " + column
                            + " rebuilds every index on it under an ACCESS EXCLUSIVE lock:"
                            + " reads and writes wait throughout",
                    newColumn);
        }
        if (coercible) {
            return null;
        }
        if (old != null) {
            return c.finding(
                    this, action.first(), "changing " + column + " from " + old + " to " + to + rewrites, newColumn);
        }
        if (maybe) {
            return c.finding(
                    this,
                    Severity.WARNING,
                    action.first(),
                    "changing " + column + " to " + to
                            + " rewrites unless the old type is varchar or text that fits as it is (varchar(n) to varchar(m ≥ n), varchar or text):"
                            + " otherwise all of " + table
                            + " is rewritten and its indexes rebuilt under an ACCESS EXCLUSIVE lock",
                    "if the old type is varchar or text of no greater length, waive this with -- keel:allow changing-column-type <old type>;"
                            + " otherwise "
                            + newColumn);
        }
        return c.finding(this, action.first(), "changing " + column + " to " + to + rewrites, newColumn);
    }

    /** Whether every value of {@code old} is already a valid {@code to}, so PostgreSQL keeps the rows and indexes. */
    private static boolean coercible(StatementContext c, ColumnType old, ColumnType to) {
        old = baseOf(c, old);
        if (!to.array() && constrainedDomain(c, to)) {
            return false;
        }
        to = baseOf(c, to);
        if (old.equals(to)) {
            return true;
        }
        if (old.array() || to.array()) {
            return false;
        }
        if (timestampZoneSwap(old, to)) {
            // PostgreSQL 12+ keeps the rows when the session's time zone is UTC: the stored instants are the same.
            int was = old.modifiers().isEmpty() ? 6 : number(old.modifiers(), 0);
            return c.postgresVersion() >= 12
                    && SessionTimeZone.utc(c)
                    && (to.modifiers().isEmpty() || number(to.modifiers(), 0) >= was);
        }
        if (!old.name().equals(to.name())) {
            return old.name().equals("varchar") && to.name().equals("text")
                    || to.name().equals("varchar")
                            && to.modifiers().isEmpty()
                            && old.name().equals("text")
                    || old.name().equals("cidr") && to.name().equals("inet");
        }
        List<String> was = old.modifiers();
        List<String> now = to.modifiers();
        return switch (to.name()) {
            case "varchar", "varbit" -> now.isEmpty() || !was.isEmpty() && number(now, 0) >= number(was, 0);
            case "numeric" ->
                now.isEmpty() || !was.isEmpty() && number(now, 1) == number(was, 1) && number(now, 0) >= number(was, 0);
            case "timestamp", "timestamptz", "time", "timetz" ->
                now.isEmpty() || number(now, 0) >= 6 || !was.isEmpty() && number(now, 0) >= number(was, 0);
            default -> false;
        };
    }

    private static int number(List<String> modifiers, int n) {
        return ColumnType.number(modifiers, n);
    }

    private static boolean timestampZoneSwap(ColumnType old, ColumnType to) {
        return old.name().equals("timestamp") && to.name().equals("timestamptz")
                || old.name().equals("timestamptz") && to.name().equals("timestamp");
    }

    /** A domain the checked migrations created stands for its base type (a domain converts to its base without a rewrite). */
    private static ColumnType baseOf(StatementContext c, ColumnType type) {
        for (int depth = 0; depth < 10 && !type.array(); depth++) {
            ColumnType base = type.array()
                    ? null
                    : c.schema()
                            .domain(type.name())
                            .map(SchemaModel.Domain::base)
                            .orElse(null);
            if (base == null) {
                break;
            }
            type = base;
        }
        return type;
    }

    private static boolean constrainedDomain(StatementContext c, ColumnType type) {
        return c.schema()
                .domain(type.name())
                .map(SchemaModel.Domain::constrained)
                .orElse(false);
    }

    /** After ALTER [COLUMN] name: [SET DATA] TYPE — the index of the type's first token, or -1. */
    private static int newTypeAt(List<SqlToken> t, int i) {
        if (i + 2 < t.size() && t.get(i).isWord("SET") && t.get(i + 1).isWord("DATA")) {
            i += 2;
        }
        return i + 1 < t.size() && t.get(i).isWord("TYPE") ? i + 1 : -1;
    }
}
