package dev.keel.cli;

import dev.keel.error.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "wal",
        description =
                "Stream, archive and fetch WAL: keel wal stream, setup, and push/get for archive_command and restore_command.",
        subcommands = {WalCommand.Push.class, WalCommand.Get.class, WalStreamCommand.class, WalSetupCommand.class})
final class WalCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: stream, setup, push or get");
    }

    /** What --json prints for push: the file, and whether it was stored now (false: the identical file was there). */
    record Pushed(String file, boolean stored) {}

    /** What --json prints for get. */
    record Fetched(String file, String dest) {}

    @Command(
            name = "push",
            description =
                    "Store a WAL file in the repository (archive_command = 'keel -C DIR wal push %p'). "
                            + "Pushing an identical file again succeeds; a different file of the same name is refused (exit 1).")
    static final class Push implements Callable<Integer> {
        @ParentCommand
        WalCommand wal;

        @Mixin
        RepositoryOption repo;

        @Parameters(
                paramLabel = "PATH",
                description = "The WAL file, relative to the current directory (PostgreSQL's %p).")
        Path path;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(wal.parent.global);
            // %p is relative to the server's data directory, which is this process's working directory, not -C.
            Path file = path.toAbsolutePath();
            boolean stored = repo.backups(cli).walPush(file);
            if (cli.json()) {
                cli.printJson(new Pushed(file.getFileName().toString(), stored));
            } else if (!stored) {
                cli.err().println("keel: " + file.getFileName() + " is already in the repository, identical");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(
            name = "get",
            description = "Fetch a WAL file from the repository (restore_command = 'keel -C DIR wal get %f %p'); "
                    + "exit 1 when the repository does not hold it.")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        WalCommand wal;

        @Mixin
        RepositoryOption repo;

        @Parameters(index = "0", paramLabel = "NAME", description = "The WAL file's name (PostgreSQL's %f).")
        String name;

        @Parameters(
                index = "1",
                paramLabel = "DEST",
                description = "Where to write it, relative to the current directory (PostgreSQL's %p).")
        Path dest;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(wal.parent.global);
            repo.backups(cli).walGet(name, dest.toAbsolutePath());
            if (cli.json()) {
                cli.printJson(new Fetched(name, dest.toAbsolutePath().toString()));
            }
            return ExitCode.OK.code();
        }
    }
}
