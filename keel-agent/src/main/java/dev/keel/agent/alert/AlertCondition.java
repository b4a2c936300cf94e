package dev.keel.agent.alert;

import dev.keel.doctor.DoctorSeverity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a doctor report says that deserves an alert while it lasts: a finding, or a check that could not look.
 *
 * @param key stable while the condition lasts: the check and the object it is about (see {@link AlertKey})
 * @param runbook docs/runbooks/&lt;check&gt;.md
 */
public record AlertCondition(
        String key,
        DoctorSeverity severity,
        String check,
        String summary,
        Map<String, Object> evidence,
        String runbook) {

    public AlertCondition {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
