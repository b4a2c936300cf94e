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
 * B-tree indexes much larger than their entries need. Vacuum removes dead entries but gives a page
 * back only when it is entirely empty, so after a mass delete or update each page keeps a few live
 * entries and the index stays as large as before; every index scan and the cache carry the empty
 * space. An estimate from the planner statistics (tuples, key widths), in the spirit of the
 * well-known bloat queries: only as fresh as the last ANALYZE; pgstattuple's pgstatindex measures exactly.
 *
 * @param minWastedBytes less estimated waste is never worth a finding
 * @param bloatShare wasted share of the index that makes a warning; a b-tree filled by random inserts
 *                   settles near 70 % full, so well below half is normal
 */
public record IndexBloat(long minWastedBytes, double bloatShare) implements DoctorCheck {
    public static final String ID = "index-bloat";
    private static final int PAGE_HEADER = 24;
    /** BTPageOpaqueData at the end of every b-tree page. */
    private static final int BTREE_SPECIAL = 16;
    /** IndexTupleData: the heap pointer and the size and flag bits. */
    private static final int INDEX_TUPLE_HEADER = 8;

    private static final int LINE_POINTER = 4;
    private static final int MAXALIGN = 8;
    /** IndexAttributeBitMapData: one bit per possible key column, whatever the number of keys. */
    private static final int NULL_BITMAP = 4;

    public IndexBloat() {
        this(100L << 20, 0.5);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "index-bloat.sql")) {
            int block = (int) r.whole("block_size");
            long pages = r.whole("pages");
            long expectedPages =
                    expectedPages(r.decimal("tuples"), r.decimal("key_width"), r.flag("nullable"), block, (int)
                            r.whole("fillfactor"));
            long wasted = Math.max(0, pages - expectedPages) * block;
            double share = wasted / (double) (pages * block);
            if (wasted < minWastedBytes || share < bloatShare) {
                continue;
            }
            String index = r.text("schema_name") + "." + r.text("index_name");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("index", index);
            evidence.put("table", r.text("table_name"));
            evidence.put("indexBytes", pages * block);
            evidence.put("expectedBytes", expectedPages * block);
            evidence.put("wastedBytes", wasted);
            evidence.put("wastedShare", Figures.round(share, 3));
            evidence.put("estimatedEntries", (long) r.decimal("tuples"));
            String summary = "index " + index + " on " + r.text("table_name") + " is about " + Figures.percent(share)
                    + " bloat: " + ByteSizes.human(pages * (double) block) + " on disk for about "
                    + ByteSizes.human(expectedPages * (double) block) + " of entries";
            String impact = "index scans and the cache carry " + ByteSizes.human(wasted)
                    + " of empty space, and vacuum reads all of it;"
                    + " REINDEX INDEX CONCURRENTLY rebuilds it without blocking writes";
            findings.add(
                    finding(DoctorSeverity.WARNING, Impact.between(share, bloatShare, 1), summary, evidence, impact));
        }
        return findings;
    }

    /** Leaf pages for the entries at the index's fillfactor, plus the metapage; inner pages are about 1 % more and left out. */
    static long expectedPages(double tuples, double keyWidth, boolean nullable, int block, int fillfactor) {
        // A tuple with a null carries a 4-byte bitmap; counting it for every tuple of a nullable key errs towards less
        // bloat, never more.
        double header = INDEX_TUPLE_HEADER + (nullable ? NULL_BITMAP : 0);
        double tupleBytes = align(header + keyWidth) + LINE_POINTER;
        double usable = (block - PAGE_HEADER - BTREE_SPECIAL) * fillfactor / 100.0;
        double perPage = Math.max(1, Math.floor(usable / tupleBytes));
        return (long) Math.ceil(tuples / perPage) + 1;
    }

    private static double align(double bytes) {
        return Math.ceil(bytes / MAXALIGN) * MAXALIGN;
    }
}
