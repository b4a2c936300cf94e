package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Set;

/**
 * VACUUM FULL writes a new copy of each table it processes and holds ACCESS EXCLUSIVE while it does;
 * without a table list it does that to every table of the database.
 */
public final class VacuumFull implements Rule {
    /** Options of the unparenthesised form, which may precede the table list. */
    private static final Set<String> BARE_OPTIONS = Set.of("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE");

    @Override
    public String id() {
        return "vacuum-full";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        List<SqlToken> t = c.tokens();
        if (!c.startsWith("VACUUM")) {
            return List.of();
        }
        SqlToken full = null;
        int i = 1;
        if (i < t.size() && t.get(i).text().equals("(")) {
            int close = ColumnDefinitions.closing(t, i);
            for (List<SqlToken> option : ColumnDefinitions.splitTopLevel(t.subList(i + 1, close))) {
                if (!option.isEmpty() && option.get(0).isWord("FULL") && !switchedOff(option)) {
                    full = option.get(0);
                }
            }
            i = close + 1;
        } else {
            for (;
                    i < t.size()
                            && t.get(i).type() == SqlToken.Type.WORD
                            && BARE_OPTIONS.contains(t.get(i).upper());
                    i++) {
                if (t.get(i).isWord("FULL")) {
                    full = t.get(i);
                }
            }
        }
        if (full == null) {
            return List.of();
        }
        List<String> tables = TableLocks.tableNames(t, i);
        if (tables.isEmpty()) {
            return List.of(c.finding(
                    this,
                    full,
                    "VACUUM FULL without a table rewrites every table of the database, each under an ACCESS EXCLUSIVE lock",
                    fix()));
        }
        List<String> existing = tables.stream().filter(c::existing).toList();
        if (existing.isEmpty()) {
            return List.of();
        }
        return List.of(c.finding(
                this,
                full,
                "VACUUM FULL rewrites all of " + String.join(", ", existing)
                        + " under an ACCESS EXCLUSIVE lock: every read and write waits until the copy is done",
                fix()));
    }

    /** FULL false / off / 0 turns the option off. */
    private static boolean switchedOff(List<SqlToken> option) {
        if (option.size() < 2) {
            return false;
        }
        String value = option.get(1).text().replace("'", "");
        return value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off") || value.equals("0");
    }

    private static String fix() {
        return "leave plain VACUUM to autovacuum; to shrink a bloated table, rebuild it online outside the migration "
                + "(e.g. with pg_repack) or run VACUUM FULL in a maintenance window";
    }
}
