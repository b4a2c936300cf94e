package dev.keel.backup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynchronousStandbyNamesTest {

    @Test
    void findsTheNameInEveryFormOfTheSetting() {
        assertThat(SynchronousStandbyNames.lists("keel_wal", "keel_wal")).isTrue();
        assertThat(SynchronousStandbyNames.lists("replica1, keel_wal", "keel_wal"))
                .isTrue();
        assertThat(SynchronousStandbyNames.lists("FIRST 1 (replica1, \"keel_wal\")", "keel_wal"))
                .isTrue();
        assertThat(SynchronousStandbyNames.lists("ANY 2 (a, b, KEEL_WAL)", "keel_wal"))
                .isTrue();
        assertThat(SynchronousStandbyNames.lists("*", "keel_wal")).isTrue();
    }

    @Test
    void anEmptySettingOrOtherNamesDoNotWaitForKeel() {
        assertThat(SynchronousStandbyNames.lists("", "keel_wal")).isFalse();
        assertThat(SynchronousStandbyNames.lists("replica1", "keel_wal")).isFalse();
        assertThat(SynchronousStandbyNames.lists("FIRST 1 (keel_wal_2)", "keel_wal"))
                .isFalse();
    }

    @Test
    void keelAloneIsAListOfOne() {
        assertThat(SynchronousStandbyNames.listsOnly("\"keel_wal\"", "keel_wal"))
                .isTrue();
        assertThat(SynchronousStandbyNames.listsOnly("FIRST 1 (KEEL_WAL)", "keel_wal"))
                .isTrue();
        assertThat(SynchronousStandbyNames.listsOnly("replica1, keel_wal", "keel_wal"))
                .isFalse();
        assertThat(SynchronousStandbyNames.listsOnly("", "keel_wal")).isFalse();
    }
}
