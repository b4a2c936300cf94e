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
 * keel killed with SIGKILL during rollback: the old version keeps working on the change left in phase rolling_back,
 * and the next rollback removes everything start added, keeping every row either version wrote.
 */
@WithPostgres
class RollbackKillIT {

    @Test
    void aRollbackKilledWaitingForItsLockRollsBackNextTimeKeepingEveryRow(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, StartKillIT.RETYPE)) {
            Keel keel = change.keel();
            keel.migrate();
            change.execute("set search_path = public_v2; insert into accounts values (3001, 120)");
            change.holdLock("access share");
            change.killInside(
                    "rollback",
                    "waiting for its lock on accounts",
                    () -> ChangeState.ROLLING_BACK.equals(change.phase()) && change.waitsForAccounts());
            change.release();

            assertThat(change.phase()).isEqualTo(ChangeState.ROLLING_BACK);
            change.execute("insert into accounts values (3002, 5)");

            keel.rollback();
            change.assertNothingLeft(AppliedMigration.ROLLED_BACK);
            assertThat(change.columns()).isEqualTo("id integer, balance integer");
            assertThat(change.query("select balance from accounts where id = 3001"))
                    .isEqualTo("12");
            assertThat(change.query("select sum(balance) from accounts")).isEqualTo("4501517");
        }
    }

    @Test
    void aRollbackKilledWhileDroppingItsIndexDropsItNextTime(TestCluster cluster, @TempDir Path dir) throws Exception {
        try (HeldUpChange change = new HeldUpChange(cluster, dir, StartKillIT.INDEX)) {
            Keel keel = change.keel();
            keel.migrate();
            // A concurrent drop waits for every transaction that holds a lock on the table.
            change.holdLock("access share");
            change.killInside(
                    "rollback",
                    "dropping its index",
                    () -> ChangeState.ROLLING_BACK.equals(change.phase()) && change.waitsForOldTransactions());
            change.release();

            assertThat(change.phase()).isEqualTo(ChangeState.ROLLING_BACK);

            keel.rollback();
            change.assertNothingLeft(AppliedMigration.ROLLED_BACK);
            assertThat(change.query("select to_regclass('accounts_balance_idx') is null"))
                    .isEqualTo("t");
        }
    }
}
