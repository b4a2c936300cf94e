package dev.keel.doctor;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import java.util.List;
import java.util.Map;

/** keel-insight's keys in keel.yaml: the doctor's thresholds. */
public final class DoctorSection implements ConfigSection {
    /** Keyed {@code <check>.<threshold>}; {@link DoctorThresholds} knows the checks and checks the names and values. */
    public static final ConfigKey<Map<String, String>> THRESHOLDS = ConfigKey.mapping("doctor.thresholds",
            "doctor.thresholds.<check>.<threshold>: <value>, e.g. doctor.thresholds.table-bloat.bloatShare: 0.6",
            "a check's threshold instead of its default; the names are listed in docs/runbooks/README.md");

    @Override
    public String title() {
        return "Doctor";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(THRESHOLDS);
    }

    @Override
    public int order() {
        return 20;
    }
}
