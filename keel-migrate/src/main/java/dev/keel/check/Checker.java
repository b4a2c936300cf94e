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
        return check(inputs, new CheckState());
    }

    /** Starting from what is known already, e.g. the target's column types ({@link CatalogFacts}). */
    public CheckReport check(List<CheckInput> inputs, CheckState state) {
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
                StatementContext context = new StatementContext(input, statements, i, postgresVersion, state, transactional, runByKeel);
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
                remember(context, state);
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

    /**
     * The schema facts every rule may use, recorded after all rules saw the statement: tables and
     * indexes the checked migrations created, and columns they added (a rename keeps them added).
     */
    private static void remember(StatementContext context, CheckState state) {
        CreateIndex index = CreateIndex.of(context.statement()).orElse(null);
        if (index != null) {
            if (index.index() != null) {
                state.remember(CheckState.CREATED_INDEX, index.index());
                if (!context.existing(index.table())) {
                    state.remember(CheckState.INDEX_ON_NEW_TABLE, index.index());
                }
            }
            return;
        }
        AlterTable alter = context.alterTable().orElse(null);
        if (alter != null) {
            rememberAlter(alter, state);
            return;
        }
        String created = createdTable(context);
        if (created != null) {
            state.tableCreated(created);
        }
    }

    private static void rememberAlter(AlterTable alter, CheckState state) {
        String table = Names.unqualified(alter.table());
        for (AlterTable.Action action : alter.actions()) {
            var t = action.tokens();
            int added = action.addedColumnAt();
            if (added >= 0 && Names.of(t.get(added)) != null) {
                state.remember(CheckState.ADDED_COLUMN, table + "." + Names.of(t.get(added)));
            } else if (action.startsWith("RENAME", "TO")) {
                // A table the checked files created stays new under its new name.
                if (t.size() > 2 && state.isNew(alter.table()) && alter.actions().size() == 1) {
                    state.tableCreated(Names.of(t.get(2)));
                }
            } else if (action.startsWith("RENAME") && t.size() > 3 && !t.get(1).isWord("CONSTRAINT")) {
                // RENAME [COLUMN] a TO b: a column the checked files added is still unknown to running code as b.
                int from = t.get(1).isWord("COLUMN") ? 2 : 1;
                if (from + 2 < t.size() && state.knows(CheckState.ADDED_COLUMN, table + "." + Names.of(t.get(from)))) {
                    state.remember(CheckState.ADDED_COLUMN, table + "." + Names.of(t.get(from + 2)));
                }
            }
        }
    }

    /** CREATE [TEMP|UNLOGGED …] TABLE [IF NOT EXISTS] name, or SELECT … INTO [TABLE] name: the table, or null. */
    private static String createdTable(StatementContext context) {
        var t = context.tokens();
        if (context.startsWith("SELECT")) {
            for (int k = 1; k + 1 < t.size(); k++) {
                if (t.get(k).isWord("INTO")) {
                    int at = t.get(k + 1).isWord("TABLE") || t.get(k + 1).isWord("TEMP") || t.get(k + 1).isWord("TEMPORARY")
                            || t.get(k + 1).isWord("UNLOGGED") ? k + 2 : k + 1;
                    return Names.qualifiedAt(t, at);
                }
            }
            return null;
        }
        if (!context.startsWith("CREATE")) {
            return null;
        }
        int i = 1;
        while (i < t.size() && (t.get(i).isWord("TEMP") || t.get(i).isWord("TEMPORARY") || t.get(i).isWord("UNLOGGED")
                || t.get(i).isWord("GLOBAL") || t.get(i).isWord("LOCAL"))) {
            i++;
        }
        if (i >= t.size() || !t.get(i).isWord("TABLE")) {
            return null;
        }
        i++;
        if (i + 2 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("NOT") && t.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        return Names.qualifiedAt(t, i);
    }
}
