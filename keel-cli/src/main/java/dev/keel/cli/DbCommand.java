package dev.keel.cli;

import dev.keel.config.ByteSizes;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.postgres.EmbeddedServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "db",
        description = "Manage the project's embedded PostgreSQL (data in .keel/).",
        subcommands = {DbCommand.Start.class, DbCommand.Stop.class, DbCommand.Status.class, DbCommand.Url.class})
final class DbCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: start, stop, status or url");
    }

    @Command(
            name = "start",
            description = "Start the embedded server (created on first use); it keeps running after keel exits.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(db.parent.global);
            EmbeddedServer.Started started =
                    EmbeddedServer.forProject(cli.projectDir()).ensureRunning();
            EmbeddedServer.Status status = EmbeddedServer.statusOf(cli.projectDir());
            if (cli.json()) {
                cli.printJson(describe(status, started.startedNow()));
            } else {
                cli.out()
                        .println((started.startedNow() ? "Started" : "Already running:") + " embedded PostgreSQL "
                                + started.version() + " on 127.0.0.1:" + started.port() + " (data in "
                                + status.stateDir() + ")");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "stop", description = "Stop the embedded server; its data stays in .keel/.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(db.parent.global);
            boolean stopped = EmbeddedServer.stop(cli.projectDir());
            if (cli.json()) {
                cli.printJson(Map.of("stopped", stopped));
            } else {
                cli.out()
                        .println(
                                stopped
                                        ? "Stopped the embedded PostgreSQL."
                                        : "The embedded PostgreSQL was not running.");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "status", description = "Show whether the embedded server runs, its version, port and data size.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(db.parent.global);
            EmbeddedServer.Status status = EmbeddedServer.statusOf(cli.projectDir());
            if (cli.json()) {
                cli.printJson(describe(status, false));
            } else if (!status.initialized()) {
                cli.out()
                        .println("No embedded PostgreSQL in " + status.stateDir()
                                + " yet: keel db start (or keel migrate) creates it.");
            } else {
                cli.out()
                        .printf(
                                "embedded PostgreSQL %s: %s on 127.0.0.1:%d, data %s in %s%n",
                                status.version(),
                                status.running() ? "running" : "stopped",
                                status.port(),
                                ByteSizes.human(status.dataBytes()),
                                status.stateDir().resolve("pgdata"));
            }
            return ExitCode.OK.code();
        }
    }

    @Command(name = "url", description = "Print the embedded server's JDBC URL and libpq URL.")
    static final class Url implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            CliContext cli = new CliContext(db.parent.global);
            EmbeddedServer.Status status = EmbeddedServer.statusOf(cli.projectDir());
            if (!status.initialized()) {
                throw new KeelException(
                        CoreError.EMBEDDED_NOT_CREATED,
                        "there is no embedded PostgreSQL in " + status.stateDir() + " yet",
                        "run keel db start first");
            }
            if (cli.json()) {
                cli.printJson(describe(status, false));
            } else {
                cli.out().println(status.jdbcUrl());
                cli.out().println(status.libpqUrl());
                if (!status.running()) {
                    cli.err().println("keel: note: the server is stopped; keel db start starts it");
                }
            }
            return ExitCode.OK.code();
        }
    }

    static Map<String, Object> describe(EmbeddedServer.Status status, boolean startedNow) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initialized", status.initialized());
        m.put("running", status.running());
        m.put("startedNow", startedNow);
        m.put("version", status.version());
        m.put("port", status.port());
        m.put("dataBytes", status.dataBytes());
        m.put("dataDir", status.stateDir().resolve("pgdata").toString());
        if (status.initialized()) {
            m.put("jdbcUrl", status.jdbcUrl());
            m.put("url", status.libpqUrl());
        }
        return m;
    }
}
