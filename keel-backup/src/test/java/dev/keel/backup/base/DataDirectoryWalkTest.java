package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryWalkTest {

    @Test
    void leavesOutWhatPostgresqlDocumentsAsSkippableButKeepsTheDirectories(@TempDir Path data) throws Exception {
        for (String file : new String[] {
            "PG_VERSION",
            "postmaster.pid",
            "postmaster.opts",
            "backup_label",
            "base/1/1259",
            "base/1/pg_internal.init",
            "base/pgsql_tmp/pgsql_tmp1.0",
            "pg_wal/000000010000000000000001",
            "pg_replslot/s/state",
            "pg_stat_tmp/x",
            "global/pg_control"
        }) {
            Path path = data.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "x");
        }
        Files.createDirectories(data.resolve("pg_stat"));
        DataDirectoryContent content = DataDirectoryWalk.scan(data);
        assertThat(content.files())
                .extracting(DataDirectoryContent.SourceFile::path)
                .containsExactlyInAnyOrder("PG_VERSION", "base/1/1259", "global/pg_control");
        assertThat(content.directories())
                .contains("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_stat", "base/1")
                .doesNotContain("base/pgsql_tmp");
    }

    @Test
    void aLargeDirectoryListsEveryFileWithItsSize(@TempDir Path data) throws Exception {
        Path db = Files.createDirectories(data.resolve("base/5"));
        int count = 1027;
        for (int i = 0; i < count; i++) {
            Files.write(db.resolve(String.valueOf(16384 + i)), new byte[i % 7]);
        }
        Files.createDirectories(db.resolve("pgsql_tmp"));
        Files.writeString(db.resolve("pgsql_tmp/t"), "x");

        DataDirectoryContent content = DataDirectoryWalk.scan(data);

        assertThat(content.files()).hasSize(count).allSatisfy(f -> {
            int i = Integer.parseInt(f.path().substring("base/5/".length())) - 16384;
            assertThat(f.size()).isEqualTo(i % 7);
            assertThat(f.file()).isEqualTo(data.resolve(f.path()));
        });
        assertThat(content.directories()).containsExactly("base", "base/5");
    }

    @Test
    void aDirectoryIsListedBeforeTheDirectoriesItHolds(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("a/b/c"));
        Files.createDirectories(data.resolve("z/y"));

        assertThat(DataDirectoryWalk.scan(data).directories())
                .containsSubsequence("a", "a/b", "a/b/c")
                .containsSubsequence("z", "z/y");
    }

    @Test
    void aWalDirectoryLinkedToAnotherDiskIsKeptAsADirectoryAndNotFollowed(@TempDir Path data, @TempDir Path wal)
            throws Exception {
        Files.writeString(wal.resolve("000000010000000000000001"), "x");
        Files.createSymbolicLink(data.resolve("pg_wal"), wal);

        DataDirectoryContent content = DataDirectoryWalk.scan(data);

        assertThat(content.directories()).containsExactly("pg_wal");
        assertThat(content.files()).isEmpty();
    }
}
