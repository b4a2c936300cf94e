package dev.keel.check;

import dev.keel.config.Nearest;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How keel.yaml narrows the checks for a project adopting keel on an existing history, without edits
 * to files already applied: checks start after a version (as strong_migrations' start_after), some
 * rules are excluded, and findings of a rule in a file are waived with a reason. All of it is reported.
 *
 * @param startAfter files of this version or earlier only feed the schema model; null: every file is checked
 * @param exclude rule ids that never run
 * @param waivers file (name or path as reported) → rule id → reason
 */
public record CheckPolicy(MigrationVersion startAfter, Set<String> exclude, Map<String, Map<String, String>> waivers) {
    public static final CheckPolicy NONE = new CheckPolicy(null, Set.of(), Map.of());

    public CheckPolicy {
        exclude = Set.copyOf(exclude);
        waivers = Map.copyOf(waivers);
    }

    /** From keel.yaml's check section; an unknown rule id is a usage error naming the nearest known one. */
    public static CheckPolicy of(CheckSettings check) {
        if (check == null) {
            return NONE;
        }
        Set<String> known = Rules.all().stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
        known.addAll(List.of(Checker.SYNTAX_RULE, Checker.WAIVER_RULE, Checker.EMPTY_RULE));
        for (String rule : check.exclude()) {
            requireKnown(rule, known, "check.exclude");
        }
        check.waivers()
                .forEach((file, rules) ->
                        rules.keySet().forEach(rule -> requireKnown(rule, known, "check.waivers." + file)));
        return new CheckPolicy(
                check.startAfter() == null ? null : MigrationVersion.parse(check.startAfter()),
                Set.copyOf(check.exclude()),
                check.waivers());
    }

    private static void requireKnown(String rule, Set<String> known, String where) {
        if (!known.contains(rule)) {
            throw new KeelException(
                    CheckError.RULE_UNKNOWN,
                    "'" + rule + "' in " + where + " is not a check rule",
                    "did you mean '" + Nearest.to(rule, known) + "'?");
        }
    }

    /** Whether the file only feeds the schema model: a versioned file at or before {@code startAfter}. */
    public boolean skips(String file) {
        if (startAfter == null) {
            return false;
        }
        MigrationVersion version = MigrationOrder.versionOf(file);
        return version != null && version.compareTo(startAfter) <= 0;
    }

    /** The keel.yaml reason waiving this rule in this file, or null. A waiver names the file by its name or its path. */
    public String reasonFor(String file, String rule) {
        for (Map.Entry<String, Map<String, String>> entry : waivers.entrySet()) {
            String named = entry.getKey();
            if (file.equals(named) || file.endsWith("/" + named) || named.endsWith("/" + file)) {
                String reason = entry.getValue().get(rule);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }
}
