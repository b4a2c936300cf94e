package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel killed with SIGKILL during complete: both versions keep working on the change left in phase completing, and
 * the next complete finishes it.
 */
@WithPostgres
class CompleteKillIT {
    private static final String CHECK = "operations:\n  - add_constraint: {table: accounts,"
            + " name: accounts_balance_not_negative, type: check, check: \"balance >= 0\"}\n";

    @Test
    void aCompleteKilledWaitingForItsLockKeepsBothVersionsAndCompletesNextTime(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, StartKillIT.RETYPE)) {
            Keel keel = change.keel();
            keel.migrate();
            change.holdLock("access share");
            change.killInside(
                    "complete",
                    "waiting for its lock on accounts",
                    () -> ChangeState.COMPLETING.equals(change.phase()) && change.waitsForAccounts());
            change.release();

            assertThat(change.phase()).isEqualTo(ChangeState.COMPLETING);
            change.execute("insert into accounts values (3001, 7)");
            change.execute("set search_path = public_v2; insert into accounts values (3002, 90)");
            assertThat(change.query("select balance from public_v2.accounts where id = 3001"))
                    .isEqualTo("70");
            assertThat(change.query("select balance from public_v1.accounts where id = 3002"))
                    .isEqualTo("9");

            keel.complete();
            change.assertNothingLeft(AppliedMigration.COMPLETE);
            assertThat(change.columns()).isEqualTo("id integer, balance bigint");
            assertThat(change.query("select sum(balance) from accounts")).isEqualTo("45015160");
        }
    }

    @Test
    void aCompleteKilledWhileDroppingAnIndexAfterItsTransactionFinishesNextTime(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        try (HeldUpChange change = new HeldUpChange(
                cluster,
                dir,
                "create index accounts_balance_idx on accounts (balance);",
                "operations:\n  - drop_index: {name: accounts_balance_idx}\n")) {
            Keel keel = change.keel();
            keel.migrate();
            // A concurrent drop waits for every transaction that holds a lock on the table.
            change.holdLock("access share");
            change.killInside(
                    "complete",
                    "dropping the index",
                    () -> ChangeState.FINISHING.equals(change.phase()) && change.waitsForOldTransactions());
            change.release();

            assertThat(change.phase()).as("complete's transaction committed").isEqualTo(ChangeState.FINISHING);
            assertThat(change.query("select count(*) from pg_namespace where nspname = 'public_v1'"))
                    .isEqualTo("0");

            keel.complete();
            change.assertNothingLeft(AppliedMigration.COMPLETE);
            assertThat(change.query("select to_regclass('accounts_balance_idx') is null"))
                    .isEqualTo("t");
        }
    }

    @Test
    void aCompleteKilledWhileValidatingACheckValidatesItNextTime(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, CHECK)) {
            Keel keel = change.keel();
            keel.migrate();
            change.holdLock("share update exclusive");
            change.killInside(
                    "complete",
                    "validating its check",
                    () -> ChangeState.COMPLETING.equals(change.phase()) && change.waitsForAccounts());
            change.release();

            assertThat(change.query(
                            "select convalidated from pg_constraint where conname = 'accounts_balance_not_negative'"))
                    .isEqualTo("f");

            keel.complete();
            change.assertNothingLeft(AppliedMigration.COMPLETE);
            assertThat(change.query(
                            "select convalidated from pg_constraint where conname = 'accounts_balance_not_negative'"))
                    .isEqualTo("t");
        }
    }
}
