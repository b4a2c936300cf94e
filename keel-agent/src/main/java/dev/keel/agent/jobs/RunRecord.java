package dev.keel.agent.jobs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a job as agent_runs holds it.
 *
 * @param finished null while it runs
 * @param figures what the run measured (findings, bytes, duration …), by name
 * @param error the one-line failure, null unless it failed
 */
public record RunRecord(
        String job, Instant started, Instant finished, Outcome outcome, Map<String, Object> figures, String error) {

    public RunRecord {
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
