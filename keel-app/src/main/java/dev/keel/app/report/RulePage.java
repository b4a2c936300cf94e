package dev.keel.app.report;

import dev.keel.change.ChangeFindings;
import dev.keel.check.Finding;

/**
 * Where a finding's rule is explained: a SQL rule on its own page under docs/checks/, a change-file rule in the one
 * page of change findings (they have no page of their own, and a link to docs/checks/ led nowhere).
 */
public final class RulePage {
    private RulePage() {}

    public static String of(Finding f) {
        return of(f.rule(), f.source());
    }

    public static String of(String rule, String source) {
        return ChangeFindings.SOURCE.equals(source)
                ? "docs/changes/findings.md#" + rule
                : "docs/checks/" + rule + ".md";
    }
}
