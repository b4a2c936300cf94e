package dev.keel.check;

import dev.keel.check.rules.MigrateRefuses;
import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlSyntaxException;
import dev.keel.sql.TransactionRequirement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the static rules over migration files in order. The files share one {@link SchemaModel}, so
 * a table created by an earlier file counts as new in a later one. keel.yaml's {@link CheckPolicy}
 * decides which files and rules are checked and which findings are waived.
 */
public final class Checker {
    public static final String SYNTAX_RULE = "unparseable-sql";
    public static final String WAIVER_RULE = "waiver-without-reason";
    public static final String EMPTY_RULE = "empty-migration";

    private final List<Rule> rules;
    private final int postgresVersion;
    private final boolean runByKeel;
    private final CheckPolicy policy;

    public Checker(List<Rule> rules, int postgresVersion) {
        this(rules, postgresVersion, true);
    }

    /** {@code runByKeel} false when another tool will apply the files: then keel's own safeguards are missing. */
    public Checker(List<Rule> rules, int postgresVersion, boolean runByKeel) {
        this(rules, postgresVersion, runByKeel, CheckPolicy.NONE);
    }

    public Checker(List<Rule> rules, int postgresVersion, boolean runByKeel, CheckPolicy policy) {
        this.rules =
                rules.stream().filter(r -> !policy.exclude().contains(r.id())).toList();
        this.postgresVersion = postgresVersion;
        this.runByKeel = runByKeel;
        this.policy = policy;
    }

    public static Checker withAllRules(int postgresVersion) {
        return new Checker(Rules.all(), postgresVersion);
    }

    public static Checker withAllRules(int postgresVersion, CheckPolicy policy) {
        return new Checker(Rules.all(), postgresVersion, true, policy);
    }

    public CheckReport check(List<CheckInput> inputs) {
        return check(inputs, new SchemaModel());
    }

    /** Starting from what is known already: the target's catalog ({@link CatalogFacts}). */
    public CheckReport check(List<CheckInput> inputs, SchemaModel schema) {
        List<Finding> raised = new ArrayList<>();
        List<CheckReport.Waived> waived = new ArrayList<>();
        int statementCount = 0;
        int skipped = 0;
        for (CheckInput input : inputs) {
            if (policy.skips(input.file())) {
                // Before check.startAfter: applied long ago, it only tells the model what exists.
                feedOnly(input, schema);
                skipped++;
                continue;
            }
            List<Finding> findings = new ArrayList<>();
            statementCount += checkFile(input, schema, findings, waived);
            for (Finding finding : findings) {
                String reason = policy.reasonFor(finding.file(), finding.rule());
                if (reason != null) {
                    waived.add(new CheckReport.Waived(finding, reason, CheckReport.Waived.BY_CONFIG));
                } else if (!policy.exclude().contains(finding.rule())) {
                    raised.add(finding);
                }
            }
        }
        return new CheckReport(
                inputs.size(),
                statementCount,
                raised,
                waived,
                policy.startAfter() == null ? null : policy.startAfter().toString(),
                skipped,
                List.copyOf(policy.exclude()));
    }

    private static void feedOnly(CheckInput input, SchemaModel schema) {
        try {
            List<SqlStatement> statements =
                    input.statements() != null ? input.statements() : SqlLexer.split(input.content());
            statements.forEach(s -> SchemaFeed.apply(s, schema));
        } catch (SqlSyntaxException e) {
            // An applied file keel cannot split adds nothing to the model; the checks of later files still run.
        }
    }

    /** Checks one file into {@code findings} (comment waivers already applied); returns its statement count. */
    private int checkFile(
            CheckInput input, SchemaModel schema, List<Finding> findings, List<CheckReport.Waived> waived) {
        boolean refusable = runByKeel || MigrateRefuses.keelMigrationName(input.file());
        List<SqlStatement> statements;
        try {
            statements = input.statements() != null ? input.statements() : SqlLexer.split(input.content());
        } catch (SqlSyntaxException e) {
            findings.add(new Finding(
                    SYNTAX_RULE,
                    Severity.ERROR,
                    input.file(),
                    e.line(),
                    e.column(),
                    e.problem(),
                    e.todo(),
                    "static",
                    input.lineText(e.line())));
            return 0;
        }
        if (statements.isEmpty()) {
            findings.add(new Finding(
                    EMPTY_RULE,
                    refusable ? Severity.ERROR : Severity.WARNING,
                    input.file(),
                    1,
                    1,
                    input.file() + " holds no SQL statement",
                    "write the migration or delete the file (keel migrate refuses empty files)",
                    "static",
                    input.lineText(1)));
            return 0;
        }
        boolean transactional = statements.stream()
                .allMatch(s -> TransactionRequirement.forbiddenBy(s).isEmpty());
        int previousEnd = 0;
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            // A statement's waivers: the comments above it (after the previous statement's line) and on its own lines.
            int end = endOfLine(
                    input.content(), statement.offset() + statement.sql().length());
            Waivers waivers = Waivers.in(input.content().substring(previousEnd, end), previousEnd);
            waivers.withoutReason().forEach((rule, offset) -> {
                int[] at = input.lineColumn(offset);
                findings.add(new Finding(
                        WAIVER_RULE,
                        Severity.ERROR,
                        input.file(),
                        at[0],
                        at[1],
                        "the waiver for " + rule + " gives no reason, so it waives nothing",
                        "write the reason after the rule id: -- keel:allow " + rule + " <why this is safe here>",
                        "static",
                        input.lineText(at[0])));
            });
            StatementContext context =
                    new StatementContext(input, statements, i, postgresVersion, schema, transactional, runByKeel);
            for (Rule rule : rules) {
                for (Finding finding : rule.check(context)) {
                    String reason = waivers.reasonFor(finding.rule());
                    if (reason != null) {
                        waived.add(new CheckReport.Waived(finding, reason));
                    } else {
                        findings.add(finding);
                    }
                }
            }
            SchemaFeed.apply(statement, schema);
            previousEnd = end;
        }
        return statements.size();
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
