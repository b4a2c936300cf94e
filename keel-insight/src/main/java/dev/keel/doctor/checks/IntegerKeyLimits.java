package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequences, and the integer columns they feed, close to their maximum. When one runs out every
 * insert into its table fails, and widening an int column to bigint rewrites the table.
 *
 * @param warning used share of the limit that makes a warning
 * @param critical … and critical
 */
public record IntegerKeyLimits(double warning, double critical) implements DoctorCheck {
    public static final String ID = "integer-key-limits";

    public IntegerKeyLimits() {
        this(0.85, 0.95);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "integer-key-limits.sql")) {
            long last = r.whole("last_value");
            long limit = r.whole("key_limit");
            double share = last / (double) limit;
            if (share < warning) {
                // Sorted by share: the rest are further from their limit.
                break;
            }
            DoctorSeverity severity = share >= critical ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            double closeness = severity == DoctorSeverity.CRITICAL
                    ? Impact.between(share, critical, 1)
                    : Impact.between(share, warning, critical);
            String sequence = r.text("schema_name") + "." + r.text("sequence_name");
            boolean columnIsTheLimit = r.text("column_type") != null && limit < r.whole("max_value");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("sequence", sequence);
            evidence.put("sequenceType", r.text("sequence_type"));
            evidence.put("table", r.text("table_name"));
            evidence.put("column", r.text("column_name"));
            evidence.put("columnType", r.text("column_type"));
            evidence.put("lastValue", last);
            evidence.put("limit", limit);
            evidence.put("remaining", (limit - last) / Math.max(1, r.whole("increment_by")));
            evidence.put("usedShare", Figures.round(share, 4));
            String target = r.text("table_name") == null
                    ? "sequence " + sequence
                    : r.text("table_name") + "." + r.text("column_name") + " (" + r.text("column_type") + ", sequence "
                            + sequence + ")";
            String summary =
                    target + " has used " + Figures.percent(share) + " of its values: " + last + " of " + limit;
            String impact = "after " + Figures.millions((limit - last) / Math.max(1, r.whole("increment_by")))
                    + " more inserts every insert fails with "
                    + (columnIsTheLimit ? "\"integer out of range\"" : "\"reached maximum value of sequence\"")
                    + "; moving the key to bigint takes a table rewrite or a staged column swap, so plan it now";
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
