package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandbyDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void theMajorVersionComesFromPgVersion() throws Exception {
        Files.writeString(dir.resolve("PG_VERSION"), "15\n");
        assertThat(StandbyDirectory.majorVersion(dir)).isEqualTo(15);
    }

    @Test
    void aDirectoryWithoutPgVersionIsNotADataDirectory() {
        assertThatThrownBy(() -> StandbyDirectory.majorVersion(dir))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(BackupError.REPLICA_NOT_STANDBY));
    }

    @Test
    void theTimelineIsTheNewestHistoryFileOrOne() throws Exception {
        Files.createDirectories(dir.resolve("pg_wal"));
        assertThat(StandbyDirectory.timeline(dir)).isEqualTo(1);
        Files.writeString(dir.resolve("pg_wal/00000002.history"), "");
        Files.writeString(dir.resolve("pg_wal/0000000A.history"), "");
        Files.writeString(dir.resolve("pg_wal/000000010000000000000003"), "");
        assertThat(StandbyDirectory.timeline(dir)).isEqualTo(10);
    }

    @Test
    void thePortIsPostmasterPidsFourthLine() throws Exception {
        assertThat(StandbyDirectory.port(dir)).isNull();
        Files.writeString(dir.resolve("postmaster.pid"), "4242\n" + dir + "\n1700000000\n54321\n\n");
        assertThat(StandbyDirectory.port(dir)).isEqualTo(54321);
    }
}
