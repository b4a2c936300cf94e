package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** keel repair: the history follows the files after a person decided it should. */
class RepairCommandIT extends ProjectOnCluster {

    RepairCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void realignsChecksumsAndForgetsDeletedFiles() {
        keel("migrate");
        project.migration("V1__users.sql", "-- reformatted\ncreate table users (id bigint primary key);");
        project.delete("V2__orders.sql");
        assertThat(keel("migrate").exitCode()).isEqualTo(1);
        Cli.Run repair = keel("repair");
        assertThat(repair.stdout())
                .contains("took the checksum of the file for V1")
                .contains("forgot V2 (V2__orders.sql)");
        assertThat(keel("validate").exitCode()).isZero();
        assertThat(keel("repair").stdout()).contains("Nothing to repair");
    }
}
