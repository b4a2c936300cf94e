package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summaries and materialized views (keel.projections) not refreshed within their declared interval: pages that read
 * them show figures older than the team promised. The agent refreshes them; a missed refresh means the agent is down,
 * its job fails, or a refresh takes longer than its interval.
 *
 * @param staleFactor an age of this many intervals makes a warning (one interval late is a refresh under way)
 * @param criticalFactor … and this many a critical finding
 */
public record ProjectionStaleness(double staleFactor, double criticalFactor) implements DoctorCheck {
    public static final String ID = "projection-staleness";

    public ProjectionStaleness() {
        this(2, 20);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        String registry = Identifiers.qualified(context.keelSchema(), "projections");
        if (!Rows.query(context.connection(), "regclass-exists.sql", registry)
                .get(0)
                .flag("present")) {
            return List.of();
        }
        List<DoctorFinding> findings = new ArrayList<>();
        String sql = SqlResources.load(
                ProjectionStaleness.class, "projection-staleness.sql", Map.of("projections", registry));
        List<Rows.Row> rows;
        try (PreparedStatement s = context.connection().prepareStatement(sql)) {
            rows = Rows.read(s);
        }
        for (Rows.Row r : rows) {
            double interval = r.decimal("refresh_seconds");
            double age = r.decimal("age_seconds");
            double late = age / interval;
            if (late < staleFactor) {
                continue;
            }
            String name = r.text("schema_name") + "." + r.text("name");
            boolean never = r.isNull("last_refreshed");
            DoctorSeverity severity = late >= criticalFactor ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("projection", name);
            evidence.put("kind", r.text("kind"));
            evidence.put("refreshSeconds", Math.round(interval));
            evidence.put("ageSeconds", Math.round(age));
            evidence.put("lastRefreshed", r.text("last_refreshed"));
            evidence.put("state", r.text("state"));
            String kind = r.text("kind").replace('_', ' ');
            String summary = "the " + kind + " " + name
                    + (never ? " has never been refreshed, created " : " was last refreshed ") + Figures.seconds(age)
                    + " ago; it should be every " + Figures.seconds(interval);
            String impact = "whatever reads " + name + " shows figures " + Figures.seconds(age)
                    + " old; check that keel up runs and its refreshProjections job succeeds";
            double closeness = severity == DoctorSeverity.CRITICAL
                    ? Impact.between(late, criticalFactor, 10 * criticalFactor)
                    : Impact.between(late, staleFactor, criticalFactor);
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
