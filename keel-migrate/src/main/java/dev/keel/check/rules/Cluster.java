package dev.keel.check.rules;

import dev.keel.check.ColumnDefinitions;
import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.List;

/**
 * CLUSTER rewrites a table in index order under ACCESS EXCLUSIVE; without a table it does so for
 * every table clustered before. ALTER TABLE … CLUSTER ON only records the index and is not flagged.
 */
public final class Cluster implements Rule {

    @Override
    public String id() {
        return "cluster";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("CLUSTER")) {
            return List.of();
        }
        List<SqlToken> t = c.tokens();
        int i = 1;
        if (i < t.size() && t.get(i).text().equals("(")) {
            i = ColumnDefinitions.closing(t, i) + 1;
        } else if (i < t.size() && t.get(i).isWord("VERBOSE")) {
            i++;
        }
        String name = Names.qualifiedAt(t, i);
        if (name == null) {
            return List.of(c.finding(
                    this,
                    "CLUSTER without a table rewrites every table clustered before, each under an ACCESS EXCLUSIVE lock",
                    fix()));
        }
        int after = i + Names.width(t, i);
        // The old form CLUSTER index ON table names the index first.
        String table = after + 1 < t.size() && t.get(after).isWord("ON") ? Names.qualifiedAt(t, after + 1) : name;
        if (!c.existing(table)) {
            return List.of();
        }
        return List.of(c.finding(
                this,
                "CLUSTER rewrites all of " + table
                        + " in index order under an ACCESS EXCLUSIVE lock: every read and write waits until it is done",
                fix()));
    }

    private static String fix() {
        return "leave the physical order alone in migrations; to re-order a live table, rebuild it online outside the migration "
                + "(e.g. pg_repack --order-by) or run CLUSTER in a maintenance window";
    }
}
