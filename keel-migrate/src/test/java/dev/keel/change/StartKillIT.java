package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel killed with SIGKILL during a change's start: the next migrate starts it, or resumes it, and the end is right. */
@WithPostgres
class StartKillIT {
    static final String RETYPE = "operations:\n  - alter_column: {table: accounts, column: balance, type: bigint,"
            + " up: \"balance::bigint * 10\", down: \"(balance / 10)::int\"}\n";
    static final String INDEX =
            "operations:\n  - create_index: {name: accounts_balance_idx, table: accounts, columns: [balance]}\n";

    @Test
    void aStartKilledBeforeItsTransactionCommittedLeftNothingAndMigrateStartsItAgain(
            TestCluster cluster, @TempDir Path dir) throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, RETYPE)) {
            change.holdLock("access share");
            change.killInside("migrate", "waiting for its lock on accounts", change::waitsForAccounts);

            assertThat(change.phase()).isEqualTo("none");
            assertThat(change.columns()).isEqualTo("id integer, balance integer");
            assertThat(change.query("select count(*) from pg_namespace where nspname like 'public\\_v%'"))
                    .isEqualTo("0");

            change.release();
            Keel keel = change.keel();
            assertThat(keel.migrate().activeChange()).isEqualTo("2");
            keel.complete();
            change.assertNothingLeft(AppliedMigration.COMPLETE);
            assertThat(change.columns()).isEqualTo("id integer, balance bigint");
            assertThat(change.query("select sum(balance) from accounts")).isEqualTo("45015000");
        }
    }

    @Test
    void aStartKilledDuringItsIndexBuildBuildsTheIndexAgainOnTheNextMigrate(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, INDEX)) {
            change.holdSnapshot();
            change.killInside("migrate", "building its index", change::waitsForOldTransactions);

            assertThat(change.phase()).as("start's transaction committed").isEqualTo(ChangeState.BACKFILLING);
            assertThat(change.query("select count(*) from pg_index"
                            + " where indexrelid = to_regclass('accounts_balance_idx') and indisvalid"))
                    .isEqualTo("0");

            change.release();
            Keel keel = change.keel();
            assertThat(keel.migrate().activeChange()).isEqualTo("2");
            assertThat(change.query(
                            "select indisvalid from pg_index where indexrelid = 'accounts_balance_idx'::regclass"))
                    .isEqualTo("t");
            keel.complete();
            change.assertNothingLeft(AppliedMigration.COMPLETE);
            assertThat(change.query("select count(*) from public_v2.accounts")).isEqualTo("3000");
        }
    }
}
