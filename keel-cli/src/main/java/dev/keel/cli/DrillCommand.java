package dev.keel.cli;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.drill.DrillResult;
import dev.keel.backup.drill.InvariantResult;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.config.Durations;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.ExitCode;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "drill",
        description =
                "Restore the newest backup into a scratch cluster, prove it, measure RTO and RPO, and record the result.")
final class DrillCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Mixin
    RepositoryOption repo;

    @Mixin
    RecoveryOptions recovery;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        RecoveryTarget target = recovery.target();
        DatabaseTarget primary = cli.databaseTarget();
        DrillResult result = repo.backups(
                        cli, backups -> recovery.applyTo(backups).target(primary))
                .drill(target);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            print(cli, result);
        }
        if (!result.passed()) {
            cli.err()
                    .println("keel: error: drill " + result.id() + " failed: " + String.join("; ", result.failures())
                            + " — see the report; it is recorded in " + RepositoryLayout.drill(result.id())
                            + " [" + BackupError.DRILL_FAILED.id() + "]");
            return BackupError.DRILL_FAILED.exitCode().code();
        }
        return ExitCode.OK.code();
    }

    private static void print(CliContext cli, DrillResult r) {
        cli.out()
                .printf(
                        "Drill %s of backup %s to %s: %s%n",
                        r.id(), r.backupId(), r.target(), r.passed() ? "PASSED" : "FAILED");
        cli.out()
                .printf(
                        "  recovered      LSN %s, last transaction %s, PostgreSQL %s%n",
                        r.recoveredLsn(),
                        r.recoveredTime() == null ? "none replayed" : r.recoveredTime(),
                        r.postgresVersion());
        cli.out()
                .printf(
                        "  RTO            %s%s%n",
                        Durations.human(Duration.ofMillis(r.rtoMillis())),
                        r.rtoTarget() == null ? "" : " (target " + r.rtoTarget() + ")");
        cli.out()
                .printf(
                        "  RPO            %s%s%n",
                        r.rpoMillis() == null ? "not measured" : Durations.human(Duration.ofMillis(r.rpoMillis())),
                        r.rpoTarget() == null ? "" : " (target " + r.rpoTarget() + ")");
        cli.out()
                .printf(
                        "  row counts     %d tables compared, %d differ%s%n",
                        r.tablesCompared(),
                        r.rowCountDifferences().size(),
                        r.rowCountsExact()
                                ? ""
                                : " (recovery went past the backup's end, so differences are expected)");
        for (InvariantResult invariant : r.invariants()) {
            cli.out()
                    .printf(
                            "  invariant      %s: %s%n",
                            invariant.query(), invariant.passed() ? "holds" : invariant.detail());
        }
        cli.out()
                .printf(
                        "  amcheck        %s%n",
                        r.indexCheck().skipped() != null
                                ? r.indexCheck().skipped()
                                : r.indexCheck().checked() + " btree indexes checked, "
                                        + r.indexCheck().failures().size() + " corrupt");
        for (String failure : r.failures()) {
            cli.out().println("  FAILED: " + failure);
        }
        cli.out().println("  recorded in    " + RepositoryLayout.drill(r.id()));
    }
}
