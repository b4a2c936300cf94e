package dev.keel.change;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a change file before anything runs, for keel check and keel validate: what reading it found, what
 * validating it against the live schema found (when there is a database), and raw_sql, which keel cannot see into.
 */
public final class ChangeLint {
    public static final String RAW_SQL = "change-raw-sql";

    private ChangeLint() {}

    /** Without a database: the file's form only. */
    public static List<Finding> offline(String script, String content) {
        ChangeFile file = ChangeFile.parse(script, content);
        List<Finding> findings = new ArrayList<>(file.findings().all());
        findings.addAll(rawSql(file));
        return findings;
    }

    /** Against the live schema, with expressions compiled by the server. */
    public static List<Finding> against(Connection c, String stateSchema, String script, String content, String version)
            throws SQLException {
        ChangeFile file = ChangeFile.parse(script, content);
        LiveSchema live = LiveSchema.read(c, file.schema()).withoutShadows().withProjections(c, stateSchema);
        ChangePlan plan = new ChangePlanner(stateSchema).plan(file, live, version, null, new ExpressionProbe(c));
        List<Finding> findings = new ArrayList<>(plan.findings());
        findings.addAll(rawSql(file));
        return findings;
    }

    private static List<Finding> rawSql(ChangeFile file) {
        return file.steps().stream()
                .filter(step -> step.operation().opaque())
                .map(step -> new Finding(
                        RAW_SQL,
                        Severity.WARNING,
                        file.script(),
                        step.operation().at().line(),
                        step.operation().at().column(),
                        step.label() + ": raw_sql runs SQL keel cannot see into: its locks are not checked, and the"
                                + " version views do not follow what it changes",
                        "use a change operation where one exists; otherwise review the locks it takes",
                        ChangeFindings.SOURCE,
                        ""))
                .toList();
    }
}
