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
 * Tables much larger than their rows need: space freed by vacuum but not returned, read by every
 * sequential scan and held in the cache. An estimate from the planner statistics (pages, rows, the
 * average row width), so it is only as fresh as the last ANALYZE; pgstattuple measures exactly.
 *
 * @param minWastedBytes less estimated waste is never worth a finding
 * @param bloatShare wasted share of the table that makes a warning
 */
public record TableBloat(long minWastedBytes, double bloatShare) implements DoctorCheck {
    public static final String ID = "table-bloat";
    /** Tuple header (23 bytes, aligned) plus its line pointer. */
    private static final int TUPLE_OVERHEAD = 24 + 4;

    private static final int PAGE_HEADER = 24;

    public TableBloat() {
        this(100L << 20, 0.5);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "table-bloat.sql")) {
            if (!r.flag("all_columns_analyzed")) {
                // A column without statistics would count as zero bytes wide and inflate the estimate.
                continue;
            }
            int block = (int) r.whole("block_size");
            long pages = r.whole("pages");
            double rowBytes = TUPLE_OVERHEAD + Math.ceil(r.decimal("row_width") / 8) * 8;
            double usable = (block - PAGE_HEADER) * r.whole("fillfactor") / 100.0;
            long expectedPages = (long) Math.ceil(r.decimal("rows") / Math.max(1, Math.floor(usable / rowBytes)));
            long wasted = Math.max(0, pages - expectedPages) * block;
            double share = wasted / (double) (pages * block);
            if (wasted < minWastedBytes || share < bloatShare) {
                continue;
            }
            String table = r.text("schema_name") + "." + r.text("table_name");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("table", table);
            evidence.put("tableBytes", pages * block);
            evidence.put("expectedBytes", expectedPages * block);
            evidence.put("wastedBytes", wasted);
            evidence.put("wastedShare", Figures.round(share, 3));
            evidence.put("estimatedRows", (long) r.decimal("rows"));
            evidence.put("averageRowWidth", Figures.round(r.decimal("row_width"), 1));
            String summary =
                    table + " is about " + Figures.percent(share) + " bloat: " + ByteSizes.human(pages * (double) block)
                            + " on disk for about " + ByteSizes.human(expectedPages * (double) block) + " of rows";
            String impact = "sequential scans read and cache " + ByteSizes.human(wasted)
                    + " of empty space; rewrite the table online"
                    + " (pg_repack) or, during a maintenance window, VACUUM FULL";
            findings.add(
                    finding(DoctorSeverity.WARNING, Impact.between(share, bloatShare, 1), summary, evidence, impact));
        }
        return findings;
    }
}
