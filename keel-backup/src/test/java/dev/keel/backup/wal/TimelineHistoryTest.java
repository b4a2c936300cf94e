package dev.keel.backup.wal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineHistoryTest {
    private static final TimelineHistory THREE = TimelineHistory.parse(
            3, "1\t0/3000060\tno recovery target specified\n\n2\t0/5A00000\tbefore 2026-11-24 06:00:00+00\n");

    @Test
    void namesWhereEachAncestorEndedAndWhichTimelineFollowed() {
        assertThat(THREE.switchOf(1)).contains("0/3000060");
        assertThat(THREE.switchOf(2)).contains("0/5A00000");
        assertThat(THREE.switchOf(3)).isEmpty();
        assertThat(THREE.childOf(1)).isEqualTo(2);
        assertThat(THREE.childOf(2)).isEqualTo(3);
        assertThat(THREE.descendsFrom(1)).isTrue();
        assertThat(THREE.descendsFrom(4)).isFalse();
    }
}
