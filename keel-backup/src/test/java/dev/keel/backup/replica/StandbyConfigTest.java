package dev.keel.backup.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandbyConfigTest {
    @TempDir
    Path dir;

    @Test
    void aCopyBecomesAStandbyThatFollowsThePrimaryThroughItsSlotWithTheRepositoryAsFallback() throws Exception {
        Files.writeString(dir.resolve("postgresql.auto.conf"), "work_mem = '8MB'\n");
        Files.writeString(dir.resolve("recovery.signal"), "");
        new StandbyConfig("host='db' port=5432", "keel_replica_one", "keel wal get %f %p").writeInto(dir);

        assertThat(dir.resolve("standby.signal")).exists();
        assertThat(dir.resolve("recovery.signal")).doesNotExist();
        assertThat(Files.readString(dir.resolve("postgresql.auto.conf")))
                .startsWith("work_mem = '8MB'\n")
                .contains("primary_conninfo = 'host=''db'' port=5432'\n")
                .contains("primary_slot_name = 'keel_replica_one'\n")
                .contains("restore_command = 'keel wal get %f %p'\n")
                .contains("archive_mode = 'off'\n")
                .contains("synchronous_standby_names = ''\n");
        assertThat(Files.readString(dir.resolve(StandbyConfig.HBA_FILE))).contains("127.0.0.1/32 trust");
    }

    @Test
    void withoutSlotOrRepositoryNeitherSettingIsWritten() {
        assertThat(new StandbyConfig("host='db'", null, null).settings())
                .doesNotContainKeys("primary_slot_name", "restore_command")
                .containsKey("primary_conninfo");
    }

    @Test
    void conninfoQuotesEveryValueSoAPasswordWithQuotesAndBackslashesSurvivesBothParsers() {
        String info = StandbyConfig.conninfo("db.internal", 5433, "rep", "it's\\x", "keel_replica_one");
        assertThat(info)
                .isEqualTo("host='db.internal' port=5433 user='rep' password='it\\'s\\\\x'"
                        + " application_name='keel_replica_one'");
        // postgresql.auto.conf reads backslash escapes and doubled quotes: both are written doubled
        assertThat(StandbyConfig.line("primary_conninfo", "a\\'b")).isEqualTo("primary_conninfo = 'a\\\\''b'\n");
    }

    @Test
    void withoutPasswordTheStandbyLeavesItToPgpass() {
        assertThat(StandbyConfig.conninfo("db", 5432, "rep", null, "r1")).doesNotContain("password");
    }
}
