package dev.keel.doctor.checks;

import dev.keel.config.ByteSizes;
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
 * Indexes left invalid by a failed concurrent build. The planner never uses them, yet every write
 * still maintains them, and the query they were meant to speed up is still slow.
 *
 * @param bigTableBytes from this table size the finding ranks at the top of the warning band
 */
public record InvalidIndexes(long bigTableBytes) implements DoctorCheck {
    public static final String ID = "invalid-indexes";

    public InvalidIndexes() {
        this(10L << 30);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "invalid-indexes.sql")) {
            String index = r.text("schema_name") + "." + r.text("index_name");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("index", index);
            evidence.put("table", r.text("table_name"));
            evidence.put("indexBytes", r.whole("index_bytes"));
            evidence.put("tableBytes", r.whole("table_bytes"));
            evidence.put("unique", r.flag("is_unique"));
            evidence.put("maintainedOnWrites", r.flag("maintained_on_writes"));
            evidence.put("definition", r.text("definition"));
            String summary =
                    "index " + index + " on " + r.text("table_name") + " (" + ByteSizes.human(r.whole("table_bytes"))
                            + ") is INVALID" + (r.flag("is_unique") ? " and unique" : "");
            String impact = "queries cannot use it while "
                    + (r.flag("maintained_on_writes") ? "every write still pays to maintain it" : "it takes space")
                    + "; drop it and build it again with CREATE INDEX CONCURRENTLY"
                    + (r.flag("is_unique") ? " after removing the duplicates that made the build fail" : "");
            findings.add(finding(
                    DoctorSeverity.WARNING,
                    Impact.between(r.whole("table_bytes"), 0, bigTableBytes),
                    summary,
                    evidence,
                    impact));
        }
        return findings;
    }
}
