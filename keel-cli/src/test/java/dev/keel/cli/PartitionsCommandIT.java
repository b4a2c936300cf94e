package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

class PartitionsCommandIT extends ProjectOnCluster {
    private static final String EVENTS = """
            operations:
              - create_partitioned_table:
                  name: events
                  columns: [{name: id, type: bigint, primary_key: true}, {name: at, type: timestamptz, primary_key: true}]
                  partition_by: {column: at, interval: 1 month, premake: 2}
            """;

    PartitionsCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void withoutAnySetItSaysHowToDeclareOne() {
        Cli.Run run = keel("partitions", "maintain");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("No partition sets in").contains("create_partitioned_table");
    }

    @Test
    void aDryRunPrintsThePlanAndARunMovesDefaultRows() {
        project.migration("V3__events.yaml", EVENTS);
        assertThat(keel("migrate").exitCode()).isZero();
        assertThat(keel("change", "complete").exitCode()).isZero();
        assertThat(keel("partitions", "maintain").stdout()).contains("public.events: up to date");
        cluster.execute(db, "insert into events values (1, now() - interval '62 days')");

        Cli.Run dry = keel("partitions", "maintain", "--dry-run");
        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        assertThat(dry.stdout())
                .contains("public.events: would")
                .contains("and move its rows out of the default partition")
                .contains("Dry run: nothing was changed.");
        assertThat(cluster.queryString(db, "select count(*) from events_default"))
                .isEqualTo("1");

        Cli.Run run = keel("partitions", "maintain");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(cluster.queryString(db, "select count(*) from events_default"))
                .isEqualTo("0");
    }

    @Test
    void jsonIsOneDocument() throws Exception {
        project.migration("V3__events.yaml", EVENTS);
        keel("migrate");
        JsonNode result = json("--json", "partitions", "maintain", "--dry-run");
        assertThat(result.get("dryRun").asBoolean()).isTrue();
        assertThat(result.get("sets").get(0).get("set").asText()).isEqualTo("public.events");
    }

    @Test
    void keelCheckReportsABadIntervalAtItsLineAndColumnBeforeAnythingRuns() {
        project.migration("V3__events.yaml", EVENTS.replace("interval: 1 month", "interval: 7 hours"));

        Cli.Run check = keel("check");
        assertThat(check.exitCode()).as(check.stderr()).isEqualTo(1);
        assertThat(check.stdout())
                .contains("V3__events.yaml:5:")
                .contains("change-partition-interval")
                .contains("interval '7 hours' does not divide a day evenly");
        assertThat(keel("migrate").exitCode()).isNotZero();
        assertThat(cluster.queryString(db, "select to_regclass('public.events') is null"))
                .isEqualTo("t");
    }
}
