package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetCheckTest {
    @TempDir
    Path dir;

    @Test
    void aNewOrEmptyDirectoryIsAccepted() throws Exception {
        assertThatNoException().isThrownBy(() -> TargetCheck.requireEmpty(dir.resolve("new")));
        assertThatNoException().isThrownBy(() -> TargetCheck.requireEmpty(Files.createDirectories(dir.resolve("e"))));
    }

    @Test
    void aDirectoryWithAnythingInItOrAFileIsRefused() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("PG_VERSION"), "15");
        Path file = Files.writeString(dir.resolve("file"), "");
        for (Path refused : new Path[] {full, file}) {
            assertThatThrownBy(() -> TargetCheck.requireEmpty(refused))
                    .isInstanceOfSatisfying(
                            KeelException.class,
                            e -> assertThat(e.code()).isEqualTo(BackupError.TARGET_DIRECTORY_UNUSABLE));
        }
        assertThat(full.resolve("PG_VERSION")).exists();
    }
}
