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
}
