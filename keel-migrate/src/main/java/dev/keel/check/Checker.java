package dev.keel.check;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlSyntaxException;
import dev.keel.sql.TransactionRequirement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the static rules over migration files in order. The files share one state, so a table
 * created by an earlier file counts as new in a later one.
 */
public final class Checker {
    public static final String SYNTAX_RULE = "unparseable-sql";
    public static final String WAIVER_RULE = "waiver-without-reason";
    public static final String EMPTY_RULE = "empty-migration";

    private final List<Rule> rules;
    private final int postgresVersion;
    private final boolean runByKeel;

    public Checker(List<Rule> rules, int postgresVersion) {
        this(rules, postgresVersion, true);
    }

    /** {@code runByKeel} false when another tool will apply the files: then keel's own safeguards are missing. */
    public Checker(List<Rule> rules, int postgresVersion, boolean runByKeel) {
        this.rules = List.copyOf(rules);
        this.postgresVersion = postgresVersion;
        this.runByKeel = runByKeel;
    }

    public static Checker withAllRules(int postgresVersion) {
        return new Checker(Rules.all(), postgresVersion);
    }

    public CheckReport check(List<CheckInput> inputs) {
        return check(inputs, new SchemaModel());
    }

    /** Starting from what is known already: the target's catalog ({@link CatalogFacts}). */
    public CheckReport check(List<CheckInput> inputs, SchemaModel schema) {
        List<Finding> findings = new ArrayList<>();
        List<CheckReport.Waived> waived = new ArrayList<>();
        int statementCount = 0;
        for (CheckInput input : inputs) {
            List<SqlStatement> statements;
            try {
                statements = input.statements() != null ? input.statements() : SqlLexer.split(input.content());
            } catch (SqlSyntaxException e) {
                findings.add(new Finding(SYNTAX_RULE, Severity.ERROR, input.file(), e.line(), e.column(), e.problem(), e.todo(), "static",
                        input.lineText(e.line())));
                continue;
            }
            if (statements.isEmpty()) {
                findings.add(new Finding(EMPTY_RULE, Severity.WARNING, input.file(), 1, 1, input.file() + " holds no SQL statement",
                        "write the migration or delete the file (keel migrate refuses empty files)", "static", input.lineText(1)));
                continue;
            }
            boolean transactional = statements.stream().allMatch(s -> TransactionRequirement.forbiddenBy(s).isEmpty());
            int previousEnd = 0;
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                // A statement's waivers: the comments above it (after the previous statement's line) and on its own lines.
                int end = endOfLine(input.content(), statement.offset() + statement.sql().length());
                Waivers waivers = Waivers.in(input.content().substring(previousEnd, end), previousEnd);
                waivers.withoutReason().forEach((rule, offset) -> {
                    int[] at = input.lineColumn(offset);
                    findings.add(new Finding(WAIVER_RULE, Severity.ERROR, input.file(), at[0], at[1],
                            "the waiver for " + rule + " gives no reason, so it waives nothing",
                            "write the reason after the rule id: -- keel:allow " + rule + " <why this is safe here>", "static", input.lineText(at[0])));
                });
                StatementContext context = new StatementContext(input, statements, i, postgresVersion, schema, transactional, runByKeel);
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
                statementCount++;
            }
        }
        return new CheckReport(inputs.size(), statementCount, findings, waived);
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
