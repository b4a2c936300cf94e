package dev.keel.change.live;

import dev.keel.migrate.MigrationListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Holds keel's start at its first backfill report, between two batches (no transaction open, no lock held), until
 * the test opens the gate: the new application version is then launched while most of the backfill is still to come,
 * whatever the speed of the machine.
 */
final class BackfillGate implements MigrationListener {
    private static final Duration LIMIT = Duration.ofMinutes(2);
    /** The progress line after a committed batch; the plan's own "backfill … in batches" text comes before start commits. */
    private static final Pattern PROGRESS = Pattern.compile("backfill \\S+: \\d+ rows");

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    @Override
    public void info(String message) {
        if (PROGRESS.matcher(message).lookingAt() && reached.getCount() > 0) {
            reached.countDown();
            try {
                // A test that fails before opening the gate must not leave keel's thread parked for ever.
                opened.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean reached() {
        return reached.getCount() == 0;
    }

    void open() {
        opened.countDown();
    }
}
