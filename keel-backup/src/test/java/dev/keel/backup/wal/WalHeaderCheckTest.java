package dev.keel.backup.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalHeaderCheckTest {
    private static final String SYSTEM = Long.toUnsignedString(SegmentHeaders.SYSTEM);
    private static final long SEGMENT = SegmentHeaders.SEGMENT;
    /** Timeline 2 branched off 1 inside segment 5; timeline 3 off 2 exactly where segment 9 begins. */
    private static final Map<Integer, TimelineHistory> HISTORIES = Map.of(
            2, TimelineHistory.parse(2, "1\t0/5000100\tno recovery target specified\n"),
            3,
                    TimelineHistory.parse(
                            3,
                            "1\t0/5000100\tno recovery target specified\n2\t0/9000000\tno recovery target specified\n"));

    private final WalHeaderCheck check = new WalHeaderCheck(HISTORIES, Set.of(SYSTEM));

    @Test
    void aSegmentWhoseHeaderMatchesItsNamePasses() {
        assertThat(check.problem("000000010000000000000003", false, SegmentHeaders.first(1, 3 * SEGMENT), SEGMENT))
                .isEmpty();
        assertThat(check.problem("000000010000000100000003", false, SegmentHeaders.first(1, 0x1_0300_0000L), SEGMENT))
                .isEmpty();
    }

    @Test
    void anotherSegmentUnderThisNameIsNamedWithWhereItReallyBelongs() {
        assertThat(check.problem("000000010000000000000003", false, SegmentHeaders.first(1, 4 * SEGMENT), SEGMENT))
                .hasValue(
                        "it is WAL from 0/4000000 (segment 000000010000000000000004), not from 0/3000000 as its name says");
    }

    @Test
    void theFirstSegmentOfANewTimelineStartsWithPagesOfTheOldOne() {
        // PostgreSQL copies the old timeline's segment up to the switch point, page headers included.
        assertThat(check.problem("000000020000000000000005", false, SegmentHeaders.first(1, 5 * SEGMENT), SEGMENT))
                .isEmpty();
        assertThat(check.problem("000000020000000000000005", false, SegmentHeaders.first(2, 5 * SEGMENT), SEGMENT))
                .hasValue(
                        "its first page was written on timeline 2, but WAL at 0/5000000 on the way to timeline 2 was written on timeline 1");
        assertThat(check.problem("000000020000000000000006", false, SegmentHeaders.first(2, 6 * SEGMENT), SEGMENT))
                .isEmpty();
        assertThat(check.problem("000000020000000000000006", false, SegmentHeaders.first(1, 6 * SEGMENT), SEGMENT))
                .isPresent();
    }

    @Test
    void aSwitchAtASegmentsFirstByteStartsTheSegmentOnTheNewTimeline() {
        assertThat(check.problem("000000030000000000000008", false, SegmentHeaders.first(2, 8 * SEGMENT), SEGMENT))
                .isEmpty();
        assertThat(check.problem("000000030000000000000009", false, SegmentHeaders.first(3, 9 * SEGMENT), SEGMENT))
                .isEmpty();
        assertThat(check.problem("000000030000000000000009", false, SegmentHeaders.first(2, 9 * SEGMENT), SEGMENT))
                .isPresent();
    }

    @Test
    void withoutAHistoryAnyTimelineUpToTheNamedOneIsAccepted() {
        WalHeaderCheck unknown = new WalHeaderCheck(Map.of(), Set.of(SYSTEM));
        assertThat(unknown.problem("000000040000000000000005", false, SegmentHeaders.first(2, 5 * SEGMENT), SEGMENT))
                .isEmpty();
        assertThat(unknown.problem("000000040000000000000005", false, SegmentHeaders.first(5, 5 * SEGMENT), SEGMENT))
                .isPresent();
    }

    @Test
    void aPartialSegmentIsAPrefixOfItsSegment() {
        assertThat(check.problem("000000010000000000000005", true, SegmentHeaders.first(1, 5 * SEGMENT), 0x100))
                .isEmpty();
        assertThat(check.problem("000000010000000000000005", true, SegmentHeaders.first(1, 5 * SEGMENT), SEGMENT + 1))
                .isPresent();
        assertThat(check.problem("000000010000000000000005", true, new byte[12], 12))
                .hasValue("it holds 12 bytes, too few for the page header every WAL segment starts with");
    }

    @Test
    void aCompleteSegmentHasTheSizeItsHeaderGives() {
        assertThat(check.problem(
                        "000000010000000000000003", false, SegmentHeaders.first(1, 3 * SEGMENT), SEGMENT - 8192))
                .hasValue("it holds 16769024 bytes, but its header says a segment has 16777216");
    }

    @Test
    void walOfAnotherDatabaseSystemIsNamed() {
        byte[] foreign = SegmentHeaders.header(ByteOrder.LITTLE_ENDIAN, 0xD116, 2, 1, 3 * SEGMENT, 42, SEGMENT, 8192);
        assertThat(check.problem("000000010000000000000003", false, foreign, SEGMENT))
                .hasValue("it is WAL of database system 42, but the backups are of " + SYSTEM);
        assertThat(new WalHeaderCheck(HISTORIES, Set.of()).problem("000000010000000000000003", false, foreign, SEGMENT))
                .isEmpty();
    }

    @Test
    void contentThatIsNoWalAtAllIsNamed() {
        byte[] object =
                "KLOB\u0001\u0003\u0014\u0000 not a WAL page header at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(check.problem("000000010000000000000003", false, object, SEGMENT))
                .hasValueSatisfying(p -> p.startsWith("it does not start with a WAL page header"));
        byte[] shortHeader = SegmentHeaders.header(
                ByteOrder.LITTLE_ENDIAN, 0xD116, 0, 1, 3 * SEGMENT, SegmentHeaders.SYSTEM, SEGMENT, 8192);
        assertThat(check.problem("000000010000000000000003", false, shortHeader, SEGMENT))
                .hasValue("its first page lacks the long header every WAL segment starts with");
        byte[] oddSize = SegmentHeaders.header(
                ByteOrder.LITTLE_ENDIAN, 0xD116, 2, 1, 3 * SEGMENT, SegmentHeaders.SYSTEM, 3 << 20, 8192);
        assertThat(check.problem("000000010000000000000003", false, oddSize, 3 << 20))
                .isPresent();
    }

    @Test
    void aLargerSegmentSizeMapsNamesOntoAddressesByThatSize() {
        long size = 64L << 20;
        byte[] head = SegmentHeaders.header(
                ByteOrder.LITTLE_ENDIAN, 0xD116, 2, 1, 0x1_0000_0000L + 3 * size, SegmentHeaders.SYSTEM, size, 8192);
        assertThat(check.problem("000000010000000100000003", false, head, size)).isEmpty();
    }
}
