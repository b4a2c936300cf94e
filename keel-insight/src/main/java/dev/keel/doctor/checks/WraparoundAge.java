package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transaction id and multixact id age. At about 2^31 the server refuses new transactions to protect
 * the data, and only a long single-user or anti-wraparound VACUUM brings it back: the one outage
 * that gives weeks of warning and is still missed.
 *
 * @param warning age (transactions or multixacts) that makes a warning
 * @param critical … and critical
 */
public record WraparoundAge(long warning, long critical) implements DoctorCheck {
    public static final String ID = "wraparound-age";
    /** Where the server stops assigning ids: 2^31 less the safety margin it keeps. */
    static final long LIMIT = 2_147_483_647L - 3_000_000L;

    public WraparoundAge() {
        this(500_000_000L, 1_200_000_000L);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        List<Rows.Row> rows = Rows.query(context.connection(), "wraparound-age.sql");
        Rows.Row current =
                rows.stream().filter(r -> r.flag("is_current")).findFirst().orElse(null);
        worst(rows, "xid_age")
                .ifPresent(r -> findings.addAll(judge(r, current, "xid_age", "transaction id", "oldest_xid_table")));
        worst(rows, "mxid_age")
                .ifPresent(r -> findings.addAll(judge(r, current, "mxid_age", "multixact id", "oldest_mxid_table")));
        return findings;
    }

    private static Optional<Rows.Row> worst(List<Rows.Row> rows, String column) {
        return rows.stream().max(Comparator.comparingLong(r -> r.whole(column)));
    }

    private List<DoctorFinding> judge(Rows.Row r, Rows.Row current, String column, String kind, String tableColumn) {
        long age = r.whole(column);
        if (age < warning) {
            return List.of();
        }
        DoctorSeverity severity = age >= critical ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
        double closeness = severity == DoctorSeverity.CRITICAL
                ? Impact.between(age, critical, LIMIT)
                : Impact.between(age, warning, critical);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("database", r.text("database"));
        evidence.put("age", age);
        evidence.put("limit", LIMIT);
        evidence.put("remaining", LIMIT - age);
        evidence.put("usedShare", Figures.round(age / (double) LIMIT, 4));
        if (r.flag("is_current")) {
            evidence.put("oldestTable", r.text(tableColumn));
        } else if (current != null) {
            evidence.put("oldestTableInCurrentDatabase", current.text(tableColumn));
        }
        String summary = "database " + r.text("database") + " is " + Figures.millions(age) + " " + kind + "s old, "
                + Figures.percent(age / (double) LIMIT) + " of the way to wraparound";
        String impact = "after " + Figures.millions(LIMIT - age) + " more " + kind
                + "s the server stops accepting writes until a VACUUM"
                + " freezes the oldest tables; freezing a large table takes hours, so start it long before";
        return List.of(new DoctorFinding(
                ID, severity, summary, evidence, Impact.score(severity, closeness), impact, runbook()));
    }
}
