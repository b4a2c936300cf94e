package dev.keel.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.WalSegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WalPrefetchTest {

    @Test
    void startsAtTheSegmentAOneGigabyteSegmentSizeWouldGive() {
        // 16 MB segments would make this 00000016000000B3; 1 GB ones 0000001600000002.
        assertThat(WalPrefetch.earliestName("16/B374D848")).isEqualTo("0000001600000002");
        assertThat(WalPrefetch.earliestName("0/3000028")).isEqualTo("0000000000000000");
    }

    @Test
    void fetchesHistoryAndCompleteSegmentsFromTheBackupsTimelineOn() {
        String from = WalPrefetch.earliestName("1/4A000028");
        assertThat(WalPrefetch.wanted(segment(2, "00000002.history", false), 2, from))
                .isTrue();
        assertThat(WalPrefetch.wanted(segment(2, "00000002000000010000004A", false), 2, from))
                .isTrue();
        assertThat(WalPrefetch.wanted(segment(3, "000000030000000100000050", false), 2, from))
                .isTrue();
        assertThat(WalPrefetch.wanted(segment(1, "00000001000000010000004A", false), 2, from))
                .isFalse();
        assertThat(WalPrefetch.wanted(segment(2, "0000000200000000000000FE", false), 2, from))
                .isFalse();
        assertThat(WalPrefetch.wanted(segment(2, "00000002000000010000004B", true), 2, from))
                .isFalse();
    }

    @Test
    void copiesFromTheDirectoryAsRestoreCommand() {
        assertThat(WalPrefetch.copyCommand(Path.of("/srv/.shop.keel-wal")))
                .isEqualTo("cp '/srv/.shop.keel-wal/%f' '%p'");
    }

    private static WalSegment segment(int timeline, String name, boolean partial) {
        return new WalSegment(timeline, name, partial, "wal/" + name, 1);
    }
}
