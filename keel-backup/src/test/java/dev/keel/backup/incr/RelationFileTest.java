package dev.keel.backup.incr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationFileTest {
    @Test
    void relationSegmentFilesAreNamedByTablespaceDatabaseRelfilenodeForkAndSegment() {
        assertThat(RelationFile.parse("base/5/16384")).contains(new RelationFile(1663, 5, 16384, RelationFile.MAIN, 0));
        assertThat(RelationFile.parse("base/5/16384.3"))
                .contains(new RelationFile(1663, 5, 16384, RelationFile.MAIN, 3));
        assertThat(RelationFile.parse("base/5/16384_vm"))
                .contains(new RelationFile(1663, 5, 16384, RelationFile.VM, 0));
        assertThat(RelationFile.parse("base/5/16384_fsm.1"))
                .contains(new RelationFile(1663, 5, 16384, RelationFile.FSM, 1));
        assertThat(RelationFile.parse("global/1262")).contains(new RelationFile(1664, 0, 1262, RelationFile.MAIN, 0));
        assertThat(RelationFile.parse("pg_tblspc/16500/PG_17_202406281/5/16501_init"))
                .contains(new RelationFile(16500, 5, 16501, RelationFile.INIT, 0));
    }

    @Test
    void otherFilesAreNoRelations() {
        assertThat(RelationFile.parse("global/pg_control")).isEmpty();
        assertThat(RelationFile.parse("base/5/PG_VERSION")).isEmpty();
        assertThat(RelationFile.parse("base/5/t3_16384"))
                .as("temporary relation")
                .isEmpty();
        assertThat(RelationFile.parse("pg_xact/0000")).isEmpty();
    }

    @Test
    void onlyTheForksWalFullyLogsCanBeCopiedByBlock() {
        assertThat(RelationFile.parse("base/5/1").orElseThrow().walLogged()).isTrue();
        assertThat(RelationFile.parse("base/5/1_vm").orElseThrow().walLogged()).isTrue();
        assertThat(RelationFile.parse("base/5/1_fsm").orElseThrow().walLogged()).isFalse();
    }
}
