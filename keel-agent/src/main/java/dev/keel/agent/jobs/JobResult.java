package dev.keel.agent.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run measured, and why it failed when it ran to its end but missed its aim (a drill that missed a target).
 *
 * @param problem null when the run did what it should
 */
public record JobResult(Map<String, Object> figures, String problem) {

    public JobResult {
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static JobResult ok(Map<String, Object> figures) {
        return new JobResult(figures, null);
    }
}
