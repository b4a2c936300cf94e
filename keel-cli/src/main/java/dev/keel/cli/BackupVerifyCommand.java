package dev.keel.cli;

import dev.keel.backup.Backups;
import dev.keel.backup.verify.BackupCheck;
import dev.keel.backup.verify.VerifyProblem;
import dev.keel.backup.verify.VerifyResult;
import dev.keel.config.ByteSizes;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "verify",
        description =
                "Read every object of a backup, check it against the manifest, and check that its WAL has no gap.")
final class BackupVerifyCommand implements Callable<Integer> {
    @ParentCommand
    BackupCommand backup;

    @Mixin
    RepositoryOption repo;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ID",
            description = "The backup to verify (default: the newest complete one).")
    String backupId;

    @Option(names = "--all", description = "Verify every backup in the repository.")
    boolean all;

    @Option(names = "--parallel", paramLabel = "N", description = "Objects read at once (default: backup.parallel, 2).")
    Integer parallel;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(backup.parent.global);
        if (all && backupId != null) {
            throw new KeelException(
                    CoreError.COMMAND_LINE,
                    "give a backup id or --all, not both",
                    "run keel backup verify --all, or keel backup verify ID");
        }
        RepositoryOption chosen = repo.repository != null ? repo : backup.repo;
        Backups backups = chosen.backups(
                cli, configuration -> parallel == null ? configuration : configuration.parallel(parallel));
        VerifyResult result =
                all ? backups.verifyAll() : backupId != null ? backups.verify(backupId) : backups.verify();
        if (cli.json()) {
            cli.printJson(result);
        } else {
            print(cli, result);
        }
        return result.ok() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /**
     * Each backup's line counts the problems that hurt it; WAL damage no single backup can be blamed for
     * is listed on its own; the summary counts every line listed.
     */
    private static void print(CliContext cli, VerifyResult result) {
        for (BackupCheck check : result.backups()) {
            if (!check.complete()) {
                cli.out()
                        .printf(
                                "%s  incomplete: no manifest (killed, failed or still running); nothing restores from it%n",
                                check.id());
            } else if (check.ok()) {
                cli.out()
                        .printf(
                                "%s  ok: %d files, %s; WAL %s to %s without a gap%n",
                                check.id(),
                                check.files(),
                                ByteSizes.human(check.bytes()),
                                check.walFrom(),
                                check.walTo());
            } else {
                cli.out()
                        .printf(
                                "%s  FAILED: %s%n",
                                check.id(), problems(check.problems().size()));
            }
            for (VerifyProblem problem : check.problems()) {
                cli.out().println("  " + problem.line());
            }
        }
        List<VerifyProblem> unowned =
                result.problems().stream().filter(p -> p.backupId() == null).toList();
        if (!unowned.isEmpty()) {
            cli.out().printf("WAL  FAILED: %s%n", problems(unowned.size()));
            for (VerifyProblem problem : unowned) {
                cli.out().println("  " + problem.line());
            }
        }
        if (result.ok()) {
            cli.out()
                    .printf(
                            "Verified: %d objects read (%s) in %.1f s%n",
                            result.objectsRead(), ByteSizes.human(result.bytesRead()), result.millis() / 1000.0);
        } else {
            cli.out()
                    .printf(
                            "Verification failed: %s; %d objects read (%s) in %.1f s%n",
                            problems(result.problems().size()),
                            result.objectsRead(),
                            ByteSizes.human(result.bytesRead()),
                            result.millis() / 1000.0);
        }
    }

    private static String problems(int n) {
        return n + " problem" + (n == 1 ? "" : "s");
    }
}
