package dev.keel.migrate.shadow;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.sql.LockMode;
import dev.keel.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what a statement did on the shadow into a finding beside the static ones. */
public final class ShadowFindings {
    public static final String RULE = "shadow-blocking-lock";
    public static final String FAILED_RULE = "shadow-statement-failed";
    public static final String SOURCE = "shadow";

    private final TargetRows targetRows;
    private final long rowLimit;
    private final double scale;

    /**
     * @param rowLimit a lock blocking writes on a table with at least this many estimated rows on the target is an error
     * @param scale the share of the target's rows the shadow was filled with, 0 for the schema only
     */
    public ShadowFindings(TargetRows targetRows, long rowLimit, double scale) {
        this.targetRows = targetRows;
        this.rowLimit = rowLimit;
        this.scale = scale;
    }

    /** Empty when the statement neither blocked writes to an existing table nor rewrote one. */
    public Optional<Finding> of(String file, SqlStatement statement, StatementEffects effects) {
        List<String> blocking = new ArrayList<>();
        boolean aboveLimit = false;
        for (Map.Entry<RelationName, LockMode> lock : effects.locks().entrySet()) {
            if (lock.getValue().blocksWrites()) {
                blocking.add(lock.getValue().readable() + " on " + lock.getKey().display() + " ("
                        + targetRows.describe(lock.getKey()) + ")");
                aboveLimit |= targetRows.estimate(lock.getKey()).orElse(0) >= rowLimit;
            }
        }
        if (blocking.isEmpty() && effects.rewritten().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("on the shadow database ");
        message.append(effects.commandTags().isEmpty() ? "this statement" : String.join(", ", effects.commandTags()));
        if (!blocking.isEmpty()) {
            message.append(" takes ").append(String.join(", ", blocking));
        }
        if (!effects.rewritten().isEmpty()) {
            message.append(blocking.isEmpty() ? " " : " and ")
                    .append("rewrites ")
                    .append(names(effects.rewritten()));
        } else if (!effects.scanned().isEmpty()) {
            message.append(" and reads all of ").append(names(effects.scanned()));
        }
        message.append(" (")
                .append(effects.millis())
                .append(" ms on the shadow")
                .append(scale > 0 ? " at scale " + ShadowOptions.decimal(scale) : "")
                .append(')');
        Severity severity = aboveLimit ? Severity.ERROR : Severity.WARNING;
        String fix = severity == Severity.ERROR
                ? "writes to a table this size would wait for the whole statement: use the safe form from the static finding,"
                        + " or run it in a maintenance window and waive with -- keel:allow " + RULE + " <reason>"
                : "fine at this table's size today; it grows";
        return Optional.of(new Finding(
                RULE,
                severity,
                file,
                statement.line(),
                statement.column(),
                message.toString(),
                fix,
                SOURCE,
                statement.excerpt()));
    }

    public Finding failed(String file, SqlStatement statement, StatementRejected rejected) {
        return new Finding(
                FAILED_RULE,
                Severity.ERROR,
                file,
                statement.line(),
                statement.column(),
                "on the shadow database this statement failed: " + rejected.serverMessage(),
                "fix the statement; the shadow holds the schema the applied migrations built",
                SOURCE,
                statement.excerpt());
    }

    private static String names(List<RelationName> relations) {
        return String.join(", ", relations.stream().map(RelationName::display).toList());
    }
}
