package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCopyTest {

    @Test
    void copiesEveryFileAndDirectoryAndLeavesTheOriginalAlone(@TempDir Path dir) throws Exception {
        Path from = dir.resolve("repo");
        Files.createDirectories(from.resolve("backups/a/files"));
        Files.createDirectories(from.resolve("empty"));
        Files.writeString(from.resolve("backups/a/files/1"), "one");
        Files.writeString(from.resolve("keel-repo.json"), "{}");

        Path copy = TreeCopy.of(from, dir.resolve("copy"));
        Files.writeString(copy.resolve("backups/a/files/1"), "changed");

        assertThat(copy.resolve("keel-repo.json")).hasContent("{}");
        assertThat(copy.resolve("empty")).isEmptyDirectory();
        assertThat(from.resolve("backups/a/files/1")).hasContent("one");
    }
}
