package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;

/**
 * ALTER TYPE … ADD VALUE in a transactional file. Before PostgreSQL 12 it cannot run inside a
 * transaction block at all; from 12 on it can, but the new value cannot be used until the
 * transaction commits, so a later statement of the same file that uses it fails. Both limits are
 * lifted when the same transaction created the enum type.
 */
public final class EnumAddValueInTransaction implements Rule {

    @Override
    public String id() {
        return "enum-add-value-in-transaction";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<SqlToken> t = c.tokens();
        if (!c.transactional() || !c.startsWith("ALTER", "TYPE")) {
            return List.of();
        }
        String type = Names.qualifiedAt(t, 2);
        int add = type == null ? -1 : 2 + Names.width(t, 2);
        if (add < 0
                || add + 1 >= t.size()
                || !t.get(add).isWord("ADD")
                || !t.get(add + 1).isWord("VALUE")
                || createdInThisFile(c, type)) {
            return List.of();
        }
        if (c.postgresVersion() < 12) {
            return List.of(
                    c.finding(
                            this,
                            t.get(add),
                            "before PostgreSQL 12, ALTER TYPE … ADD VALUE cannot run inside a transaction block, "
                                    + "and this file runs in one: the migration fails",
                            "add the value outside a transaction block (e.g. with psql) before migrating, or target PostgreSQL 12 or later"));
        }
        String label = label(t, add + 2);
        if (label == null) {
            return List.of();
        }
        for (SqlStatement later : c.later()) {
            if (!later.leadingWords(2).equals(List.of("ALTER", "TYPE"))
                    && later.tokens().stream()
                            .anyMatch(token -> token.type() == SqlToken.Type.STRING
                                    && token.text().equals(label))) {
                return List.of(c.finding(
                        this,
                        t.get(add),
                        "the new value " + label + " is used at line " + later.line()
                                + " in the same transaction, before it is committed: PostgreSQL refuses that (unsafe use of new value)",
                        "move the statements that use " + label + " to a later migration file"));
            }
        }
        return List.of();
    }

    /** ADD VALUE [IF NOT EXISTS] 'label': the literal as written. */
    private static String label(List<SqlToken> t, int i) {
        if (i + 2 < t.size()
                && t.get(i).isWord("IF")
                && t.get(i + 1).isWord("NOT")
                && t.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        return i < t.size() && t.get(i).type() == SqlToken.Type.STRING
                ? t.get(i).text()
                : null;
    }

    /** CREATE TYPE name AS ENUM earlier in this file, so in this transaction. */
    private static boolean createdInThisFile(StatementContext c, String type) {
        for (SqlStatement earlier : c.earlier()) {
            List<SqlToken> t = earlier.tokens();
            if (earlier.leadingWords(2).equals(List.of("CREATE", "TYPE")) && type.equals(Names.qualifiedAt(t, 2))) {
                return true;
            }
        }
        return false;
    }
}
