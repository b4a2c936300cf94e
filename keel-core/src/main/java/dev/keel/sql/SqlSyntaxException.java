package dev.keel.sql;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;

/** A script that keel cannot split into statements: unterminated quotes, psql meta-commands. */
public class SqlSyntaxException extends KeelException {
    private final int line;
    private final int column;
    private final String problem;

    public SqlSyntaxException(String problem, int line, int column, String todo) {
        super(CoreError.SQL_SYNTAX, problem + " at line " + line + ", column " + column, todo);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
