package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel wal push and get as archive_command and restore_command use them: exit codes are the contract. */
class WalCommandTest {
    private static final String SEGMENT = "000000010000000000000007";

    @TempDir
    Path dir;

    @Test
    void pushIsIdempotentRefusesADifferentFileAndGetSaysWhenThereIsNone() throws Exception {
        String repo = "file://" + dir.resolve("repo");
        assertThat(keel("backup", "init", "--repo", repo).exitCode()).isZero();
        byte[] content = new byte[1 << 20];
        new Random(7).nextBytes(content);
        Path segment = Files.createDirectories(dir.resolve("pg_wal")).resolve(SEGMENT);
        Files.write(segment, content);

        assertThat(keel("wal", "push", segment.toString(), "--repo", repo).exitCode())
                .isZero();
        assertThat(keel("wal", "push", segment.toString(), "--repo", repo).exitCode())
                .as("the same segment again")
                .isZero();

        Path other = Files.createDirectories(dir.resolve("other")).resolve(SEGMENT);
        content[100] ^= 1;
        Files.write(other, content);
        Cli.Run conflict = keel("wal", "push", other.toString(), "--repo", repo);
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.errorLines()).singleElement().asString().contains("different " + SEGMENT);

        Path dest = dir.resolve("restored/RECOVERYXLOG");
        Files.createDirectories(dest.getParent());
        assertThat(keel("wal", "get", SEGMENT, dest.toString(), "--repo", repo).exitCode())
                .isZero();
        content[100] ^= 1;
        assertThat(Files.readAllBytes(dest)).isEqualTo(content);

        assertThat(keel("wal", "get", "000000010000000000000008", dest.toString(), "--repo", repo)
                        .exitCode())
                .as("no such segment")
                .isEqualTo(1);
        assertThat(keel("wal", "get", "00000002.history", dest.toString(), "--repo", repo)
                        .exitCode())
                .isEqualTo(1);
        assertThat(keel("wal", "push", dir.resolve("pg_wal/not-wal").toString(), "--repo", repo)
                        .exitCode())
                .isEqualTo(2);
    }

    private Cli.Run keel(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }
}
