package dev.keel.testing.live;

import java.time.Duration;

/** The single application statement that took longest, waiting included, and whether it failed. */
public record SlowestStatement(
        String side, String thread, StatementKind kind, String step, Duration took, boolean failed) {

    @Override
    public String toString() {
        return side + " " + kind.label() + " (" + thread + ") took " + took.toMillis() + " ms during " + step
                + (failed ? " and failed" : "");
    }
}
