package dev.keel.migrate;

import dev.keel.sql.SqlStatement;
import java.sql.SQLWarning;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * A NOTICE, WARNING or other message the server sent while a migration ran (RAISE in a DO block,
 * "relation already exists, skipping"), placed at the file and line that raised it.
 *
 * @param warning WARNING level (SQLSTATE class 01): shown always, the rest only on request
 */
public record ServerNotice(String file, int line, String severity, String message, boolean warning) {
    /** PL/pgSQL's context line for a DO block: "PL/pgSQL function inline_code_block line 3 at RAISE". */
    private static final Pattern DO_BLOCK_LINE = Pattern.compile("inline_code_block line (\\d+)");

    static ServerNotice of(String file, SqlStatement statement, SQLWarning w) {
        String severity = "WARNING";
        String message = w.getMessage();
        String where = null;
        if (w instanceof PSQLWarning p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            severity = m.getSeverity() == null ? severity : m.getSeverity();
            message = m.getMessage();
            where = m.getWhere();
        }
        boolean warning = w.getSQLState() != null ? w.getSQLState().startsWith("01") : "WARNING".equals(severity);
        return new ServerNotice(file, line(statement, where), severity, message, warning);
    }

    /** Inside a DO block the body's own line counts from the dollar quote that opens it. */
    static int line(SqlStatement statement, String where) {
        if (where == null || statement.leadingWords(1).stream().noneMatch("DO"::equals)) {
            return statement.line();
        }
        Matcher m = DO_BLOCK_LINE.matcher(where);
        int body = statement.sql().indexOf('$');
        if (!m.find() || body < 0) {
            return statement.line();
        }
        long before = statement
                .sql()
                .substring(0, body)
                .chars()
                .filter(c -> c == '\n')
                .count();
        return statement.line() + (int) before + Integer.parseInt(m.group(1)) - 1;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + severity + ": " + message;
    }
}
