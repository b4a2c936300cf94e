package dev.keel.agent.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a job's run ended, as agent_runs stores it. */
public enum Outcome {
    RUNNING,
    OK,
    FAILED,
    /** The agent running it was killed or lost its database before the run ended: the next turn runs it again. */
    INTERRUPTED;

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
