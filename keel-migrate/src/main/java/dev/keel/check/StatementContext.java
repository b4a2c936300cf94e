package dev.keel.check;

import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/** What a rule sees: the statement, its file, the statements before it, the target version, and the state so far. */
public final class StatementContext {
    private final CheckInput input;
    private final List<SqlStatement> statements;
    private final int index;
    private final int postgresVersion;
    private final SchemaModel schema;
    private final boolean transactional;
    private final boolean runByKeel;
    private Optional<AlterTable> alterTable;

    StatementContext(
            CheckInput input,
            List<SqlStatement> statements,
            int index,
            int postgresVersion,
            SchemaModel schema,
            boolean transactional,
            boolean runByKeel) {
        this.runByKeel = runByKeel;
        this.input = input;
        this.statements = statements;
        this.index = index;
        this.postgresVersion = postgresVersion;
        this.schema = schema;
        this.transactional = transactional;
    }

    /** The file as findings name it. */
    public String file() {
        return input.file();
    }

    /** The whole text of the file. */
    public String content() {
        return input.content();
    }

    /** The index of this statement in its file. */
    public int index() {
        return index;
    }

    public SqlStatement statement() {
        return statements.get(index);
    }

    public List<SqlToken> tokens() {
        return statement().tokens();
    }

    /** The statements of the same file before this one. */
    public List<SqlStatement> earlier() {
        return statements.subList(0, index);
    }

    /** The statements of the same file after this one. */
    public List<SqlStatement> later() {
        return statements.subList(index + 1, statements.size());
    }

    /** Major version of the server the migration is for (the target's, or check.postgresVersion). */
    public int postgresVersion() {
        return postgresVersion;
    }

    /** The schema as it stands before this statement: the target's catalog (when read) and the checked statements so far. */
    public SchemaModel schema() {
        return schema;
    }

    /** Whether keel runs this file in one transaction (it holds no CONCURRENTLY and the like). */
    public boolean transactional() {
        return transactional;
    }

    /**
     * True when keel itself applies these files (it sets lock_timeout and runs each file in one
     * transaction); false for {@code keel check} on files another tool will run.
     */
    public boolean runByKeel() {
        return runByKeel;
    }

    public boolean startsWith(String... words) {
        return SqlToken.startWith(statement().tokens(), words);
    }

    public Optional<AlterTable> alterTable() {
        if (alterTable == null) {
            alterTable = AlterTable.of(statement());
        }
        return alterTable;
    }

    /** A table that exists before the checked migrations run, so locking or rewriting it hurts. */
    public boolean existing(String table) {
        return schema.existing(table);
    }

    public Finding finding(Rule rule, String message, String fix) {
        return finding(rule, tokens().get(0), message, fix);
    }

    /** A finding pointing at {@code at}, a token of this statement. */
    public Finding finding(Rule rule, SqlToken at, String message, String fix) {
        return finding(rule, rule.severity(), at, message, fix);
    }

    /** For a rule whose verdict is milder in some cases (e.g. a rewrite that may not happen). */
    public Finding finding(Rule rule, Severity severity, SqlToken at, String message, String fix) {
        int[] lineColumn = input.lineColumn(at.offset());
        return new Finding(
                rule.id(),
                severity,
                input.file(),
                lineColumn[0],
                lineColumn[1],
                message,
                SafeChangeOperation.fix(rule.id(), fix),
                "static",
                input.lineText(lineColumn[0]));
    }
}
