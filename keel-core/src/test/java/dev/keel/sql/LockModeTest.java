package dev.keel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockModeTest {

    @Test
    void readsTheNamesPgLocksUses() {
        assertThat(LockMode.fromPgLocks("ShareUpdateExclusiveLock")).contains(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(LockMode.fromPgLocks("AccessExclusiveLock")).contains(LockMode.ACCESS_EXCLUSIVE);
        assertThat(LockMode.fromPgLocks("ShareLock")).contains(LockMode.SHARE);
        assertThat(LockMode.fromPgLocks("SIReadLock")).isEmpty();
        assertThat(LockMode.fromPgLocks(null)).isEmpty();
    }

    @Test
    void exactlyTheModesConflictingWithRowExclusiveBlockWrites() {
        assertThat(LockMode.values())
                .filteredOn(LockMode::blocksWrites)
                .containsExactly(
                        LockMode.SHARE, LockMode.SHARE_ROW_EXCLUSIVE, LockMode.EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void keepsTheStrongerModeAndReadsAsTheDocumentationWritesIt() {
        assertThat(LockMode.SHARE.strongest(LockMode.ROW_EXCLUSIVE)).isEqualTo(LockMode.SHARE);
        assertThat(LockMode.SHARE.strongest(LockMode.ACCESS_EXCLUSIVE)).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.readable()).isEqualTo("SHARE UPDATE EXCLUSIVE");
    }
}
