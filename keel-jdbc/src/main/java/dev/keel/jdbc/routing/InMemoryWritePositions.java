package dev.keel.jdbc.routing;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write positions of one application instance, in memory. Enough when every request of a user reaches
 * the same instance (or the key is the thread); use {@link TableWritePositions} when it does not.
 */
public final class InMemoryWritePositions implements WritePositions {
    private final ConcurrentHashMap<String, Long> positions = new ConcurrentHashMap<>();
    // What forgetUpTo dropped is still owed to every key: the answer never falls below it.
    private final AtomicLong floor = new AtomicLong();

    @Override
    public void recordWrite(String key, long lsn) {
        positions.merge(key, lsn, Math::max);
    }

    @Override
    public OptionalLong lastWrite(String key) {
        Long lsn = positions.get(key);
        long atLeast = floor.get();
        if (lsn == null) {
            return atLeast == 0 ? OptionalLong.empty() : OptionalLong.of(atLeast);
        }
        return OptionalLong.of(Math.max(lsn, atLeast));
    }

    @Override
    public void forgetUpTo(long lsn) {
        floor.accumulateAndGet(lsn, Math::max);
        positions.values().removeIf(position -> position <= lsn);
    }

    /** Keys with a position of their own (not yet forgotten). */
    public int size() {
        return positions.size();
    }
}
