package dev.keel.backup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.wal.WalPosition;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResumePointTest {
    private static final WalPosition WAL = new WalPosition(WalPosition.DEFAULT_SEGMENT_SIZE);
    private static final ServerIdentity SERVER = new ServerIdentity("7", 2, WalPosition.lsn("0/9000100"));

    @Test
    void theSpoolsPartialSegmentComesFirst() {
        ResumePoint point = ResumePoint.choose(
                Optional.of("000000010000000000000005"),
                List.of(segment(1, "000000010000000000000007", false)),
                OptionalLong.of(1),
                SERVER,
                WAL);
        assertThat(point.timeline()).isEqualTo(1);
        assertThat(point.segment()).isEqualTo(5);
    }

    @Test
    void thenTheSegmentAfterTheRepositorysNewestOnTheNewestTimeline() {
        ResumePoint point = ResumePoint.choose(
                Optional.empty(),
                List.of(
                        segment(1, "000000010000000000000007", false),
                        segment(2, "000000020000000000000006", false),
                        segment(1, "000000010000000000000003", false)),
                OptionalLong.empty(),
                SERVER,
                WAL);
        assertThat(point.timeline()).isEqualTo(2);
        assertThat(point.segment()).isEqualTo(7);
        assertThat(point.lsn(WAL)).isEqualTo(WalPosition.lsn("0/7000000"));
    }

    @Test
    void aPartialSegmentInTheRepositoryIsReceivedAgainUnlessTheWholeOneIsThere() {
        assertThat(ResumePoint.choose(
                                Optional.empty(),
                                List.of(segment(1, "000000010000000000000004", true)),
                                OptionalLong.empty(),
                                SERVER,
                                WAL)
                        .segment())
                .isEqualTo(4);
        assertThat(ResumePoint.choose(
                                Optional.empty(),
                                List.of(
                                        segment(1, "000000010000000000000004", true),
                                        segment(1, "000000010000000000000004", false)),
                                OptionalLong.empty(),
                                SERVER,
                                WAL)
                        .segment())
                .isEqualTo(5);
    }

    @Test
    void anEmptyRepositoryStartsAtTheSlotOrTheServersPosition() {
        ResumePoint fromSlot = ResumePoint.choose(
                Optional.empty(), List.of(), OptionalLong.of(WalPosition.lsn("0/5000028")), SERVER, WAL);
        assertThat(fromSlot.segment()).isEqualTo(5);
        assertThat(fromSlot.timeline()).isEqualTo(2);
        ResumePoint fromServer = ResumePoint.choose(Optional.empty(), List.of(), OptionalLong.empty(), SERVER, WAL);
        assertThat(fromServer.segment()).isEqualTo(9);
    }

    private static WalSegment segment(int timeline, String name, boolean partial) {
        return new WalSegment(timeline, name, partial, "wal/" + name, 100);
    }
}
