package dev.keel.check.rules;

import dev.keel.check.Names;
import dev.keel.check.StatementContext;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The session time zone a statement runs under: the last SET TIME ZONE / SET timezone earlier in its
 * file, else the one the target's session reported (keel migrate connects the same way), else unknown.
 */
final class SessionTimeZone {
    /** Zones whose offset is zero at every instant: PostgreSQL's test for keeping rows in a timestamp/timestamptz swap. */
    private static final Set<String> UTC = Set.of(
            "utc",
            "etc/utc",
            "gmt",
            "etc/gmt",
            "zulu",
            "etc/zulu",
            "uct",
            "etc/uct",
            "universal",
            "etc/universal",
            "gmt0",
            "etc/gmt0",
            "gmt+0",
            "gmt-0",
            "etc/gmt+0",
            "etc/gmt-0",
            "greenwich",
            "etc/greenwich",
            "z");

    private SessionTimeZone() {}

    static boolean utc(StatementContext c) {
        String zone = c.schema().sessionTimeZone();
        for (SqlStatement earlier : c.earlier()) {
            List<SqlToken> t = earlier.tokens();
            if (t.size() >= 2
                    && t.get(0).isWord("RESET")
                    && (t.get(1).isWord("ALL")
                            || t.get(1).isWord("TIMEZONE")
                            || t.get(1).isWord("TIME"))) {
                zone = null;
            } else if (t.size() >= 3 && t.get(0).isWord("SET")) {
                int i = t.get(1).isWord("SESSION") || t.get(1).isWord("LOCAL") ? 2 : 1;
                if (i + 1 < t.size() && t.get(i).isWord("TIME") && t.get(i + 1).isWord("ZONE")) {
                    zone = value(t, i + 2);
                } else if (i < t.size() && t.get(i).isWord("TIMEZONE")) {
                    zone = value(
                            t,
                            i + 1 < t.size()
                                            && (t.get(i + 1).isWord("TO")
                                                    || t.get(i + 1).text().equals("="))
                                    ? i + 2
                                    : i + 1);
                }
            }
        }
        return zone != null && UTC.contains(zone.toLowerCase(Locale.ROOT));
    }

    /** A zone written as 'UTC', UTC, or a number of hours (0 is UTC); null for DEFAULT, LOCAL and anything else. */
    private static String value(List<SqlToken> t, int i) {
        if (i >= t.size()) {
            return null;
        }
        SqlToken v = t.get(i);
        if (v.type() == SqlToken.Type.STRING && v.text().startsWith("'")) {
            return v.text().substring(1, v.text().length() - 1);
        }
        if (v.isWord("DEFAULT") || v.isWord("LOCAL")) {
            return null;
        }
        if (v.text().matches("[+-]?0+(\\.0+)?")) {
            return "utc";
        }
        return v.type() == SqlToken.Type.WORD ? Names.of(v) : null;
    }
}
