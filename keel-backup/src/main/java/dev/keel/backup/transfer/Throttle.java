package dev.keel.backup.transfer;

/**
 * Holds all transfer threads together to a byte rate. Each caller reserves the time its bytes take
 * at that rate and sleeps until then, so the rate holds across threads without a background thread.
 */
public final class Throttle {
    public static final Throttle NONE = new Throttle(0);

    private final double nanosPerByte;
    private long nextFree;

    /** @param bytesPerSecond 0 for no limit */
    public Throttle(long bytesPerSecond) {
        this.nanosPerByte = bytesPerSecond <= 0 ? 0 : 1_000_000_000d / bytesPerSecond;
    }

    public static Throttle megabytesPerSecond(double mb) {
        return mb <= 0 ? NONE : new Throttle((long) (mb * 1024 * 1024));
    }

    public void acquire(long bytes) throws InterruptedException {
        if (nanosPerByte == 0) {
            return;
        }
        long wakeAt;
        synchronized (this) {
            long now = System.nanoTime();
            // An idle stretch earns no credit beyond now: a burst after a pause still keeps the rate.
            nextFree = Math.max(nextFree, now) + (long) (bytes * nanosPerByte);
            wakeAt = nextFree;
        }
        long wait = wakeAt - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
