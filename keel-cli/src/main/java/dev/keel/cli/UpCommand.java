package dev.keel.cli;

import dev.keel.agent.Agent;
import dev.keel.agent.AgentConfiguration;
import dev.keel.agent.http.ListenAddress;
import dev.keel.backup.BackupListener;
import dev.keel.error.ExitCode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "up",
        description = {
            "Run the agent next to the database until stopped: it takes the statistics snapshots, runs the doctor,"
                    + " streams WAL, takes, prunes and drills backups on the schedules of keel.yaml's schedule: section,"
                    + " and serves /health and /metrics (Prometheus).",
            "Two agents on one database: one leads and runs the jobs, the other stands by and takes over within 15 s"
                    + " after the leader dies. SIGTERM or Ctrl-C stops it cleanly (jobs in flight finish or are left to"
                    + " be run again) and exits 0."
        })
final class UpCommand implements Callable<Integer> {
    /** How long jobs in flight get to finish on SIGTERM; a backup that needs longer is run again by the next leader. */
    static final Duration GRACE = Duration.ofSeconds(60);

    @ParentCommand
    KeelCommand parent;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description = "Where /health and /metrics are served (default: agent.listen, 127.0.0.1:7432); an address"
                    + " other hosts can reach needs agent.token.")
    String listen;

    @Override
    public Integer call() throws InterruptedException {
        CliContext cli = new CliContext(parent.global);
        PrintStream err = cli.err();
        AgentConfiguration configuration = Agent.configure()
                .config(cli.config())
                .connections(cli.connections())
                .insight(cli.insight())
                .backups(() -> cli.backups()
                        .listener(BackupListener.SILENT)
                        .target(cli.databaseTarget())
                        .load())
                .log(line -> log(err, line));
        if (listen != null) {
            configuration.listen(ListenAddress.parse(listen, "--listen"));
        }
        Agent agent = configuration.load();
        try (StopSignals signals = StopSignals.install(err)) {
            agent.start();
            while (!signals.await(Duration.ofHours(1))) {
                // runs until a signal asks it to stop
            }
            log(err, signals.received() + ": stopping; jobs in flight get " + GRACE.toSeconds() + " s to finish");
            agent.stop(GRACE);
        }
        return ExitCode.OK.code();
    }

    /** One line per event, with the time: under systemd the journal adds its own, in a container nothing does. */
    private static void log(PrintStream err, String line) {
        err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " keel up: " + line);
        err.flush();
    }
}
