package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.change.ChangeFile;
import dev.keel.change.ChangePlan;
import dev.keel.change.ChangePlanner;
import dev.keel.change.ExpressionProbe;
import dev.keel.change.LiveSchema;
import dev.keel.check.Finding;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What partition_table refuses is a finding at its key, with why, before anything runs. */
@WithPostgres
class PartitionTableFindingsTest {
    private static final String SETUP = "create table by_id (id bigint primary key, at timestamptz not null);"
            + " create table no_key (at timestamptz not null, n int);"
            + " create table accounts (id bigint, at timestamptz not null, primary key (id, at));"
            + " create table payments (id bigint primary key, account bigint, account_at timestamptz,"
            + " foreign key (account, account_at) references accounts);"
            + " create table users (id bigint, at timestamptz not null, primary key (id, at), unique (id));"
            + " create table logins (id bigint primary key, user_id bigint references users (id));"
            + " create table parted (at timestamptz not null) partition by range (at);"
            + " create table spread (id bigint, at timestamptz not null, primary key (id, at));"
            + " insert into spread values (1, now() - interval '1 year'), (2, now());"
            + " create table fine (id bigint, at timestamptz not null, primary key (id, at));"
            + " create table vaults (id bigint, at timestamptz not null, primary key (id, at));"
            + " create table entries (vault bigint, vault_at timestamptz not null,"
            + " foreign key (vault, vault_at) references vaults) partition by range (vault_at);"
            + " create table audited (id bigint, at timestamptz not null, primary key (id, at));"
            + " create function audit() returns trigger language plpgsql as $$ begin return null; end $$;"
            + " create trigger audited_log after insert on audited for each row execute function audit();";
    private static String db;

    @BeforeAll
    static void tables(TestCluster cluster) {
        db = cluster.createDatabase();
        cluster.execute(db, SETUP);
    }

    private static ChangePlan plan(TestCluster cluster, String table, String partitionBy) throws Exception {
        String yaml = "operations:\n  - partition_table:\n      table: " + table + "\n      partition_by: "
                + partitionBy + "\n";
        try (Connection c = cluster.connect(db)) {
            return new ChangePlanner("keel")
                    .plan(
                            ChangeFile.parse("V2__p.yaml", yaml),
                            LiveSchema.read(c, "public"),
                            "2",
                            "1",
                            new ExpressionProbe(c));
        }
    }

    private static Finding only(ChangePlan plan, String rule) {
        assertThat(plan.valid()).isFalse();
        assertThat(plan.start()).isEmpty();
        return plan.findings().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not among " + plan.findings()));
    }

    @Test
    void aPrimaryKeyWithoutThePartitionKeyIsRefusedAtTheColumn(TestCluster cluster) throws Exception {
        Finding f = only(
                plan(cluster, "by_id", "{column: at, interval: 1 month}"), "change-partition-key-not-in-primary-key");
        assertThat(f).extracting(Finding::line, Finding::column).containsExactly(4, 22);
        assertThat(f.message()).contains("the primary key by_id_pkey (id) of by_id does not hold the partition key at");
        assertThat(f.fix()).contains("(id, at)");
    }

    @Test
    void aTableWithoutPrimaryKeyIsRefused(TestCluster cluster) throws Exception {
        assertThat(only(
                                plan(cluster, "no_key", "{column: at, interval: 1 month}"),
                                "change-partition-needs-primary-key")
                        .message())
                .contains("no_key has no primary key");
    }

    @Test
    void aForeignKeyOfAnotherTableIsRefusedWithWhy(TestCluster cluster) throws Exception {
        Finding missing =
                only(plan(cluster, "users", "{column: at, interval: 1 month}"), "change-partition-referenced");
        assertThat(missing.message())
                .contains("logins_user_id_fkey of logins references users (id), a key without the partition key at")
                .contains("may only reference a unique key that holds the partition key");
        assertThat(plan(cluster, "accounts", "{column: at, interval: 1 month}").findings())
                .as("a foreign key to a key that holds the partition key is moved at the swap")
                .extracting(Finding::rule)
                .doesNotContain("change-partition-referenced");
        Finding parted =
                only(plan(cluster, "vaults", "{column: at, interval: 1 month}"), "change-partition-referenced");
        assertThat(parted.message())
                .contains("entries is partitioned, and PostgreSQL cannot add its foreign key to the new table");
        assertThat(plan(cluster, "users", "{column: at, interval: 1 month}").findings())
                .extracting(Finding::rule)
                .contains("change-partition-key-not-in-primary-key");
    }

    @Test
    void aTableWithTriggersIsRefusedForTheSwapWouldLeaveThemBehind(TestCluster cluster) throws Exception {
        Finding f = only(plan(cluster, "audited", "{column: at, interval: 1 month}"), "change-partition-triggers");
        assertThat(f.message())
                .endsWith("audited has triggers (audited_log) that the partitioned table would not have after the"
                        + " swap");
        assertThat(plan(cluster, "fine", "{column: at, interval: 1 month}").findings())
                .extracting(Finding::rule)
                .doesNotContain("change-partition-triggers");
    }

    @Test
    void theTableMustExistAndNotBePartitioned(TestCluster cluster) throws Exception {
        only(plan(cluster, "nothing", "{column: at, interval: 1 month}"), "change-missing-table");
        only(plan(cluster, "parted", "{column: at, interval: 1 month}"), "change-table-partitioned");
        only(plan(cluster, "fine", "{column: nope, interval: 1 month}"), "change-partition-key-unknown");
        only(plan(cluster, "app.fine", "{column: at, interval: 1 month}"), "change-bad-value");
    }

    @Test
    void theIntervalAndOptionsFollowTheRulesOfPartitionSets(TestCluster cluster) throws Exception {
        assertThat(plan(cluster, "fine", "{column: at, interval: 7 hours}").findings())
                .extracting(Finding::rule, Finding::line)
                .containsExactly(tuple("change-partition-interval", 4));
        only(plan(cluster, "fine", "{column: at, interval: 1 month, default: false}"), "change-bad-value");
        assertThat(only(plan(cluster, "spread", "{column: at, interval: 1 hour}"), "change-partition-interval")
                        .message())
                .contains("span more than 1000 partitions of 1 hour, the most keel makes at once");
        assertThat(plan(cluster, "public.fine", "{column: at, interval: 1 month}")
                        .valid())
                .isTrue();
    }
}
