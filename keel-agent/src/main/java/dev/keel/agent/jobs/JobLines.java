package dev.keel.agent.jobs;

import dev.keel.config.Durations;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.util.stream.Collectors;

/** The one log line of a run: job, outcome, duration and figures, or what went wrong. */
public final class JobLines {

    private JobLines() {}

    public static String describe(RunRecord run) {
        String took = Durations.rounded(Duration.between(run.started(), run.finished()));
        String figures = run.figures().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        StringBuilder line = new StringBuilder("job ")
                .append(run.job())
                .append(' ')
                .append(run.outcome().text())
                .append(" in ")
                .append(took);
        if (!figures.isEmpty()) {
            line.append(": ").append(figures);
        }
        if (run.error() != null) {
            line.append(" — ").append(run.error());
        }
        return line.toString();
    }

    /** A failure as one line: keel's own say what to do; others their type and first line. */
    public static String oneLine(Throwable e) {
        if (e instanceof KeelException k) {
            return k.getMessage().lines().findFirst().orElse(k.what());
        }
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
