package dev.keel.insight;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** keel-insight's keys in keel.yaml: index advice and the doctor's thresholds. */
public final class InsightSection implements ConfigSection {
    /** How long an index must go without a scan before keel advise indexes calls it unused (a week sees the weekly jobs). */
    public static final ConfigKey<Duration> UNUSED_AFTER = ConfigKey.duration(
                    "advise.unusedAfter",
                    Duration.ofDays(7),
                    "how long an index must go without a scan, counted from the statistics reset or keel's oldest snapshot,"
                            + " before keel advise indexes calls it unused; below it the index is too early to judge")
            .withDefault(Duration.ofDays(7), "7d");
    /** Keyed {@code <check>.<threshold>}; DoctorThresholds knows the checks and checks the names and values. */
    public static final ConfigKey<Map<String, String>> THRESHOLDS = ConfigKey.mapping(
            "doctor.thresholds",
            "doctor.thresholds.<check>.<threshold>: <value>, e.g. doctor.thresholds.table-bloat.bloatShare: 0.6",
            "a check's threshold instead of its default; the names are listed in docs/runbooks/README.md");

    @Override
    public String title() {
        return "Index advice and the doctor";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(UNUSED_AFTER, THRESHOLDS);
    }

    @Override
    public int order() {
        return 20;
    }
}
