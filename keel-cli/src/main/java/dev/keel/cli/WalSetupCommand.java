package dev.keel.cli;

import dev.keel.backup.Backups;
import dev.keel.backup.BackupsConfiguration;
import dev.keel.backup.stream.WalSetup;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.ExitCode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "setup",
        description = {
            "Prepare the server for keel wal stream: check the role and settings, create the replication slot.",
            "--synchronous makes keel a synchronous standby (synchronous_standby_names): no commit is acknowledged before keel holds its WAL, "
                    + "and while keel wal stream is down, writes wait. --asynchronous undoes that. Without either, synchronous_standby_names is"
                    + " left as it is."
        })
final class WalSetupCommand implements Callable<Integer> {

    @ParentCommand
    WalCommand wal;

    static final class Mode {
        @Option(
                names = "--synchronous",
                description = "Make the server wait for keel before acknowledging a commit: RPO 0.")
        boolean synchronous;

        @Option(
                names = "--asynchronous",
                description = "Stop the server waiting for keel (the safe default: writes never wait for keel).")
        boolean asynchronous;
    }

    @ArgGroup(exclusive = true)
    Mode mode;

    @Option(
            names = "--slot",
            paramLabel = "NAME",
            description = "Replication slot (default: backup.stream.slot, keel_wal).")
    String slot;

    @Option(
            names = "--application-name",
            paramLabel = "NAME",
            description = "The name keel wal stream connects as (default: backup.stream.applicationName, keel_wal).")
    String applicationName;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(wal.parent.global);
        DatabaseTarget target = cli.databaseTarget();
        WalSetup.Mode chosen = mode == null
                ? WalSetup.Mode.LEAVE
                : mode.synchronous ? WalSetup.Mode.SYNCHRONOUS : WalSetup.Mode.ASYNCHRONOUS;
        // No repository: setting up the server needs none.
        Backups backups = CliContext.configured(() -> {
            BackupsConfiguration configuration = cli.backups().target(target);
            if (slot != null) {
                configuration.slot(slot);
            }
            if (applicationName != null) {
                configuration.applicationName(applicationName);
            }
            return configuration.load();
        });
        WalSetup.Result result = backups.walSetup(chosen);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            explain(cli.out(), target.describe(), result);
        }
        return ExitCode.OK.code();
    }

    private void explain(PrintStream out, String server, WalSetup.Result result) {
        out.println("Replication slot " + result.slot() + (result.slotCreated() ? " created" : " exists") + " on "
                + server + "; it keeps WAL on the server until keel wal stream has received it.");
        if (result.synchronous()) {
            out.println("keel is a synchronous standby: synchronous_standby_names = '"
                    + result.synchronousStandbyNames() + "'"
                    + (result.changed() ? " (was '" + result.synchronousStandbyNamesBefore() + "')." : "."));
            out.println(
                    "  Every commit now waits until keel wal stream has written its WAL to disk: no acknowledged commit can be lost (RPO 0).");
            out.println("  While keel wal stream is not running, commits wait too: writes hang until it is back.");
            out.println("  Run it under a service manager that restarts it: keel wal stream --synchronous");
            out.println(
                    "  To let writes through without keel (RPO is then the stream's lag): keel wal setup --asynchronous");
        } else {
            out.println("Streaming is asynchronous"
                    + (result.changed()
                            ? " now (synchronous_standby_names was '" + result.synchronousStandbyNamesBefore() + "')"
                            : "")
                    + ": writes never wait for keel, and a crash loses at most what keel had not received yet.");
            out.println("  For RPO 0: keel wal setup --synchronous");
        }
        for (String note : result.notes()) {
            out.println("Note: " + note);
        }
    }
}
