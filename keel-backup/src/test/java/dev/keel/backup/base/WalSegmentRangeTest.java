package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalSegmentRangeTest {

    @Test
    void crossesTheBoundaryOfALogIdWith16MiBSegments() {
        assertThat(WalSegmentRange.between("0000000100000000000000FE", "000000010000000100000001", 16 * 1024 * 1024))
                .containsExactly(
                        "0000000100000000000000FE",
                        "0000000100000000000000FF",
                        "000000010000000100000000",
                        "000000010000000100000001");
    }

    @Test
    void oneSegmentWhenTheBackupStartsAndStopsInIt() {
        assertThat(WalSegmentRange.between("000000020000000000000003", "000000020000000000000003", 16 * 1024 * 1024))
                .containsExactly("000000020000000000000003");
    }
}
