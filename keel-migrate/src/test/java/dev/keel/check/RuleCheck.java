package dev.keel.check;

import java.util.ArrayList;
import java.util.List;

/** Runs one rule over SQL as migration files, the way rule tests read: findings as "line:column rule". */
public final class RuleCheck {

    private RuleCheck() {}

    /** Each SQL text is one file (V1.sql, V2.sql …), checked in order so earlier files' tables count as new. */
    public static List<Finding> run(Rule rule, int postgresVersion, String... files) {
        List<CheckInput> inputs = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            inputs.add(new CheckInput("V" + (i + 1) + ".sql", files[i]));
        }
        return new Checker(List.of(rule), postgresVersion).check(inputs).findings();
    }

    /** As {@link #run}, for files another tool will apply (no keel safeguards). */
    public static List<Finding> runOutsideKeel(Rule rule, int postgresVersion, String... files) {
        List<CheckInput> inputs = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            inputs.add(new CheckInput("V" + (i + 1) + ".sql", files[i]));
        }
        return new Checker(List.of(rule), postgresVersion, false).check(inputs).findings();
    }

    /** "file:line:column rule" for each finding, easy to compare in assertions. */
    public static List<String> where(Rule rule, int postgresVersion, String... files) {
        return run(rule, postgresVersion, files).stream()
                .map(f -> f.file() + ":" + f.line() + ":" + f.column() + " " + f.rule())
                .toList();
    }
}
