package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Share of block requests of this database served from shared buffers. A busy OLTP database
 * usually keeps it above 99 %; below, its working set outgrows memory and queries wait on reads.
 * (A "read" may still come from the OS cache, so the real disk traffic is lower than it suggests.)
 *
 * @param minBlocks fewer block requests since the reset are too few to judge (a quiet database)
 * @param warning a ratio below this is a warning
 * @param info a ratio below this is worth saying
 */
public record CacheHitRatio(long minBlocks, double warning, double info) implements DoctorCheck {
    public static final String ID = "cache-hit-ratio";

    public CacheHitRatio() {
        this(1_000_000, 0.95, 0.99);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        Rows.Row r = Rows.query(context.connection(), "cache-hit-ratio.sql").get(0);
        long hit = r.whole("blks_hit");
        long read = r.whole("blks_read");
        if (hit + read < minBlocks) {
            return List.of();
        }
        double ratio = hit / (double) (hit + read);
        if (ratio >= info) {
            return List.of();
        }
        DoctorSeverity severity = ratio < warning ? DoctorSeverity.WARNING : DoctorSeverity.INFO;
        double closeness = severity == DoctorSeverity.WARNING
                ? Impact.between(warning - ratio, 0, 0.5)
                : Impact.between(info - ratio, 0, info - warning);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("database", r.text("database"));
        evidence.put("hitRatio", Figures.round(ratio, 4));
        evidence.put("blocksHit", hit);
        evidence.put("blocksRead", read);
        evidence.put("sharedBuffers", r.text("shared_buffers"));
        evidence.put("since", r.text("stats_reset"));
        String summary =
                Figures.percent(ratio) + " of block requests in " + r.text("database") + " hit shared buffers ("
                        + r.text("shared_buffers") + "); " + Figures.millions(read) + " blocks had to be read";
        String impact =
                "queries wait for reads the cache cannot serve; find the statements reading most with keel top --by io,"
                        + " then index them or give shared_buffers more memory";
        return List.of(finding(severity, closeness, summary, evidence, impact));
    }
}
