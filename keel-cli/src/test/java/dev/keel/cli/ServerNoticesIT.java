package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** NOTICE and WARNING messages a migration raises reach stderr with file and line: WARNINGs always, the rest with -v. */
class ServerNoticesIT extends ProjectOnCluster {

    ServerNoticesIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void aWarningIsShownWithFileAndLineAndANoticeOnlyWithVerbose() {
        project.migration(
                "V3__x.sql",
                "-- raised on line 2 and 3\nDO $$ BEGIN RAISE WARNING 'x'; END $$;\nDO $$ BEGIN RAISE NOTICE 'n'; END $$;");

        Cli.Run run = keel("migrate");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr().lines()).contains("V3__x.sql:2: WARNING: x").noneMatch(l -> l.contains("NOTICE"));
        assertThat(cluster.queryString(
                        db, "select count(*) from keel.schema_history where script = 'V3__x.sql' and success"))
                .isEqualTo("1");
    }

    @Test
    void verboseAlsoShowsNoticesAndALineInsideADoBlockIsTheFilesLine() {
        project.migration(
                "V3__x.sql",
                "create table t (id int);\nDO $$\nBEGIN\n  RAISE NOTICE 'filling t';\n  RAISE WARNING 'slow';\nEND $$;");

        Cli.Run run = keel("-v", "migrate");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr().lines())
                .containsSubsequence("V3__x.sql:4: NOTICE: filling t", "V3__x.sql:5: WARNING: slow");
        assertThat(run.stderr())
                .as("each message once, though the batch that saw them was rolled back and run again")
                .containsOnlyOnce("WARNING: slow");
    }
}
