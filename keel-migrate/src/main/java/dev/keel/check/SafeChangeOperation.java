package dev.keel.check;

import java.util.Map;
import java.util.Optional;

/**
 * The change-file operation that does safely what a rule's statement does with downtime. A finding of such a rule
 * names it in its fix, so the user learns of the safe way where they read the finding, not only on the rule's page.
 */
public final class SafeChangeOperation {
    private static final Map<String, String> BY_RULE = Map.of(
            "renaming-column", "rename_column",
            "renaming-table", "rename_table",
            "changing-column-type", "alter_column",
            "setting-not-null", "alter_column",
            "adding-required-field", "add_column",
            "dropping-column", "drop_column",
            "constraint-missing-not-valid", "add_constraint",
            "require-concurrent-index-creation", "create_index");

    private SafeChangeOperation() {}

    /** The operation for a rule, if one does its work without downtime. */
    public static Optional<String> forRule(String ruleId) {
        return Optional.ofNullable(BY_RULE.get(ruleId));
    }

    /** The rule's fix, followed by the operation that does it without downtime when there is one. */
    public static String fix(String ruleId, String fix) {
        return forRule(ruleId)
                .map(op -> (fix == null || fix.isBlank() ? "" : fix + "; ") + "without downtime: the " + op
                        + " operation of a keel change file (docs/changes/" + op + ".md)")
                .orElse(fix);
    }
}
