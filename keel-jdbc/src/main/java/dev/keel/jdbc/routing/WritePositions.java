package dev.keel.jdbc.routing;

import java.util.OptionalLong;

/**
 * Where the router keeps, per consistency key, the primary's WAL position after that key's last
 * committed write. A read for the key may go to a replica only once the replica has replayed past it.
 * Positions are byte offsets in the WAL (a {@code pg_lsn} as a number).
 */
public interface WritePositions {

    /** Remembers that {@code key} wrote up to {@code lsn}; an older position never replaces a newer one. */
    void recordWrite(String key, long lsn);

    /** The position a replica must have replayed before it may serve {@code key}; empty when nothing is required. */
    OptionalLong lastWrite(String key);

    /**
     * Every replica the router may use has replayed up to {@code lsn}: positions at or below it need not
     * be kept. An implementation that forgets them must still answer at least {@code lsn} for every key
     * afterwards (a replica that comes back from a crash may be behind it). The default keeps everything.
     */
    default void forgetUpTo(long lsn) {}
}
