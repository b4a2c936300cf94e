package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.transfer.TransferProgress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseBackupDownloadTest {
    @TempDir
    Path dir;

    @Test
    void theArchiveIsUnpackedWithThePermissionsPostgresqlInsistsOn() throws Exception {
        byte[] tar = new TarBuilder()
                .directory("base/")
                .file("base/1/1259", "pages")
                .file("PG_VERSION", "15\n")
                .directory("pg_wal/")
                .bytes();
        BaseBackupDownload.unpack(new TarReader(new ByteArrayInputStream(tar)), dir, TransferProgress.NONE);

        assertThat(dir.resolve("base/1/1259")).hasContent("pages");
        assertThat(dir.resolve("PG_VERSION")).hasContent("15\n");
        assertThat(dir.resolve("pg_wal")).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("PG_VERSION"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("base"))))
                .isEqualTo("rwx------");
    }

    @Test
    void anEntryOutsideTheDataDirectoryIsRefused() {
        byte[] tar = new TarBuilder().file("../escaped", "x").bytes();
        assertThatThrownBy(() -> BaseBackupDownload.unpack(
                        new TarReader(new ByteArrayInputStream(tar)), dir.resolve("data"), TransferProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside the data directory");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void aSymbolicLinkIsRefusedSinceTablespacesAreNotCopied() {
        byte[] tar = new TarBuilder().symlink("pg_tblspc/16384", "/srv/ts").bytes();
        assertThatThrownBy(() -> BaseBackupDownload.unpack(
                        new TarReader(new ByteArrayInputStream(tar)), dir, TransferProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link");
    }
}
