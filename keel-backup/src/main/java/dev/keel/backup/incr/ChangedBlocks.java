package dev.keel.backup.incr;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The blocks WAL says were modified between two LSNs, by relation fork, and for each fork the lowest
 * block a truncation removed (its "limit block"): everything from there on may have been removed and
 * written again, so it is copied whole.
 */
public final class ChangedBlocks {
    /** A relation fork as WAL summaries name it. */
    public record Fork(long tablespace, long database, long relfilenode, int fork) {
        static Fork of(RelationFile file) {
            return new Fork(file.tablespace(), file.database(), file.relfilenode(), file.fork());
        }
    }

    private final long blocksPerSegment;
    /** Per fork, per segment number: the modified blocks, relative to the segment. */
    private final Map<Fork, Map<Long, BitSet>> modified = new HashMap<>();

    private final Map<Fork, Long> limits = new HashMap<>();

    public ChangedBlocks(long blocksPerSegment) {
        if (blocksPerSegment < 1 || blocksPerSegment > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("blocks per segment out of range: " + blocksPerSegment);
        }
        this.blocksPerSegment = blocksPerSegment;
    }

    public long blocksPerSegment() {
        return blocksPerSegment;
    }

    public void modified(Fork fork, long block) {
        modified.computeIfAbsent(fork, f -> new HashMap<>())
                .computeIfAbsent(block / blocksPerSegment, s -> new BitSet())
                .set((int) (block % blocksPerSegment));
    }

    public void truncated(Fork fork, long limitBlock) {
        limits.merge(fork, limitBlock, Math::min);
    }

    /**
     * The blocks of one segment file that an incremental backup must store, relative to the segment.
     *
     * @param blocks the file's length now, in blocks (a partial last block counts)
     * @param parentBlocks the parent's copy's length in blocks: blocks past it are new to the chain whatever WAL says
     */
    public BitSet toStore(RelationFile file, int blocks, int parentBlocks) {
        Fork fork = Fork.of(file);
        BitSet store = new BitSet();
        BitSet changed = modified.getOrDefault(fork, Map.of()).get((long) file.segment());
        if (changed != null) {
            store.or(changed);
        }
        Long limit = limits.get(fork);
        long first = (long) file.segment() * blocksPerSegment;
        if (limit != null && limit < first + blocksPerSegment) {
            store.set((int) Math.max(0, limit - first), Math.max(blocks, (int) Math.max(0, limit - first)));
        }
        if (parentBlocks < blocks) {
            store.set(parentBlocks, blocks);
        }
        if (store.length() > blocks) {
            store.clear(blocks, store.length());
        }
        return store;
    }
}
