package dev.keel.change;

import java.time.Duration;

/**
 * The pause after a backfill batch: a fixed part, and a part proportional to the batch's own time. The proportional
 * part is a duty cycle: however fast or slow the server, the backfill works {@code 100 / (100 + percent)} of the time
 * and the application has the server to itself for the rest.
 */
record BatchPacing(Duration fixed, int percent) {

    static BatchPacing of(ChangeSettings settings) {
        return new BatchPacing(settings.batchPause(), settings.batchPausePercent());
    }

    Duration after(long batchNanos) {
        return fixed.plusNanos(batchNanos / 100 * percent);
    }
}
