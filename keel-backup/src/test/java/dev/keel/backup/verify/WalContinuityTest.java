package dev.keel.backup.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.wal.TimelineHistory;
import dev.keel.backup.wal.WalPosition;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalContinuityTest {
    private static final WalPosition WAL = new WalPosition(WalPosition.DEFAULT_SEGMENT_SIZE);

    @Test
    void unbrokenChainReachesTheNewestSegment() {
        WalChain chain = new WalContinuity(Set.of(seg(1, 2), seg(1, 3), seg(1, 4)), Set.of(seg(1, 5)), Map.of())
                .from(seg(1, 2), seg(1, 3), WAL);
        assertThat(chain.missing()).isEmpty();
        assertThat(chain.last()).isEqualTo(seg(1, 5));
        assertThat(chain.segments()).isEqualTo(4);
    }

    @Test
    void segmentMissingInTheMiddleIsAGap() {
        WalChain chain = new WalContinuity(Set.of(seg(1, 2), seg(1, 3), seg(1, 5)), Set.of(), Map.of())
                .from(seg(1, 2), seg(1, 2), WAL);
        assertThat(chain.missing()).containsExactly(seg(1, 4));
    }

    @Test
    void missingStopSegmentIsAGapEvenWithNothingNewer() {
        WalChain chain = new WalContinuity(Set.of(seg(1, 2)), Set.of(), Map.of()).from(seg(1, 2), seg(1, 3), WAL);
        assertThat(chain.missing()).containsExactly(seg(1, 3));
    }

    @Test
    void historyFileLeadsOntoTheChildTimeline() {
        TimelineHistory two = TimelineHistory.parse(2, "1\t0/4000100\tno recovery target specified\n");
        // The parent keeps segments up to the switch; the switch segment continues as 2/4 (1/4 exists only as
        // .partial).
        WalContinuity continuity = new WalContinuity(
                Set.of(seg(1, 2), seg(1, 3), seg(2, 4), seg(2, 6)), Set.of(seg(1, 4)), Map.of(2, two));
        WalChain chain = continuity.from(seg(1, 2), seg(1, 2), WAL);
        assertThat(chain.last()).isEqualTo(seg(2, 6));
        assertThat(chain.missing()).containsExactly(seg(2, 5));
    }

    @Test
    void segmentSizeComesFromTheLabelsStartSegment() {
        assertThat(WalPosition.matching("0/2000028", "000000010000000000000002").segmentSize())
                .isEqualTo(16L << 20);
        assertThat(WalPosition.matching("0/4000028", "000000010000000000000001").segmentSize())
                .isEqualTo(64L << 20);
    }

    private static String seg(int timeline, long n) {
        return WAL.name(timeline, n);
    }
}
