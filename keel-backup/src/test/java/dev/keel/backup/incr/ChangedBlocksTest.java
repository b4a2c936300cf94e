package dev.keel.backup.incr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ChangedBlocksTest {
    private static final RelationFile SEGMENT_1 = new RelationFile(1663, 5, 16384, RelationFile.MAIN, 1);
    private static final ChangedBlocks.Fork FORK = new ChangedBlocks.Fork(1663, 5, 16384, RelationFile.MAIN);

    @Test
    void modifiedBlocksAreCountedInTheirSegment() {
        ChangedBlocks blocks = new ChangedBlocks(100);
        blocks.modified(FORK, 5);
        blocks.modified(FORK, 105);
        blocks.modified(FORK, 199);
        assertThat(blocks.toStore(SEGMENT_1, 100, 100)).isEqualTo(bits(5, 99));
    }

    @Test
    void everythingFromTheLimitBlockOnAndPastTheParentsEndIsStored() {
        ChangedBlocks blocks = new ChangedBlocks(100);
        blocks.truncated(FORK, 160);
        blocks.truncated(FORK, 170);
        assertThat(blocks.toStore(SEGMENT_1, 65, 65)).isEqualTo(range(60, 65));
        assertThat(new ChangedBlocks(100).toStore(SEGMENT_1, 70, 65)).isEqualTo(range(65, 70));
    }

    @Test
    void aLimitBelowTheSegmentStoresAllOfIt() {
        ChangedBlocks blocks = new ChangedBlocks(100);
        blocks.truncated(FORK, 0);
        assertThat(blocks.toStore(SEGMENT_1, 10, 50)).isEqualTo(range(0, 10));
    }

    private static BitSet bits(int... set) {
        BitSet bits = new BitSet();
        for (int b : set) {
            bits.set(b);
        }
        return bits;
    }

    private static BitSet range(int from, int to) {
        BitSet bits = new BitSet();
        bits.set(from, to);
        return bits;
    }
}
