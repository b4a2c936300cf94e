package dev.keel.advise;

/**
 * The write load a new index would add work to, per second.
 *
 * @param basis where the rate comes from: between two snapshots (recent load), or the counters' whole life
 */
public record TableWrites(double insertsPerSecond, double updatesPerSecond, double deletesPerSecond, String basis) {
    static final String LIFETIME = "since the statistics were reset";

    /** Inserts and updates maintain an index; a delete only leaves an entry for vacuum. */
    public double maintainingPerSecond() {
        return insertsPerSecond + updatesPerSecond;
    }

    public boolean recent() {
        return !basis.startsWith(LIFETIME) && basis.startsWith("between");
    }
}
