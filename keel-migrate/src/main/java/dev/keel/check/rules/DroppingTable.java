package dev.keel.check.rules;

import dev.keel.check.Finding;
import dev.keel.check.Names;
import dev.keel.check.Rule;
import dev.keel.check.Severity;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * DROP TABLE of a table that existed before the migrations: the application version still running
 * fails on every query that touches it, and the data is gone for good. Under IF EXISTS, a table that
 * neither the target's catalog nor the checked files tell of is only a warning: without a target keel
 * cannot know it exists.
 */
public final class DroppingTable implements Rule {

    @Override
    public String id() {
        return "dropping-table";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StatementContext c) {
        if (!c.startsWith("DROP", "TABLE")) {
            return List.of();
        }
        List<SqlToken> t = c.tokens();
        int i = 2;
        boolean ifExists =
                i + 1 < t.size() && t.get(i).isWord("IF") && t.get(i + 1).isWord("EXISTS");
        if (ifExists) {
            i += 2;
        }
        List<Finding> findings = new ArrayList<>();
        // DROP TABLE [IF EXISTS] name [, name …] [CASCADE | RESTRICT]
        while (i < t.size() && !t.get(i).isWord("CASCADE") && !t.get(i).isWord("RESTRICT")) {
            String table = Names.qualifiedAt(t, i);
            if (table == null) {
                break;
            }
            if (ifExists && unknownWithoutTarget(c, table)) {
                findings.add(c.finding(
                        this,
                        Severity.WARNING,
                        t.get(i),
                        "dropping table " + table + " if it exists: no target database was consulted and the checked"
                                + " files never mention " + table
                                + ", so keel cannot tell whether it exists or holds rows",
                        "check against the target (keel check --url …) to know; if " + table
                                + " exists, first deploy a release that no longer uses it (and keep a backup)"));
            } else if (c.existing(table)) {
                findings.add(c.finding(
                        this,
                        t.get(i),
                        "dropping table " + table + " breaks the application version still running:"
                                + " its queries on " + table + " fail, and the rows are gone",
                        "first deploy a release that no longer uses " + table
                                + " (and keep a backup); then drop it, saying so in a waiver:"
                                + " -- keel:allow dropping-table <the release that stopped using it>"));
            }
            i += Names.width(t, i);
            if (i >= t.size() || !t.get(i).text().equals(",")) {
                break;
            }
            i++;
        }
        return findings;
    }

    /**
     * IF EXISTS of a table neither a catalog nor the files tell of: a clean-up of something that may well be gone
     * already. Calling it certain data loss would be a false alarm; with a target, the catalog decides.
     */
    private static boolean unknownWithoutTarget(StatementContext c, String table) {
        return !c.schema().catalogRead() && !c.schema().known(table) && c.existing(table);
    }
}
