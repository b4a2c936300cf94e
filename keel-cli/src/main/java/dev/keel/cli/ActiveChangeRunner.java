package dev.keel.cli;

import dev.keel.change.ChangeResult;
import dev.keel.change.ChangeSettings;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.ExitCode;
import dev.keel.migrate.MigrationListener;
import dev.keel.migrate.MigrationSettings;

/**
 * Runs one verb that moves the active change on (complete, rollback) the same way for each: Ctrl-C cancels the
 * verb's statements on the server rather than leaving them holding locks, and the result goes out as JSON or as
 * one line naming the change and how long it took.
 */
final class ActiveChangeRunner {

    /** A verb of ChangeVerbs on the active change (its complete or rollback). */
    @FunctionalInterface
    interface Verb {
        ChangeResult run(
                ConnectionSource source,
                MigrationSettings settings,
                ChangeSettings changeSettings,
                MigrationListener listener,
                Cancellation cancellation);
    }

    private final Verb verb;
    private final String doneFormat;

    /**
     * @param doneFormat the text line on success, given the change's version, its script and the seconds it took
     */
    ActiveChangeRunner(Verb verb, String doneFormat) {
        this.verb = verb;
        this.doneFormat = doneFormat;
    }

    int run(GlobalOptions global) {
        CliContext cli = new CliContext(global);
        StderrListener listener = new StderrListener(cli.err(), global.verbose);
        Cancellation cancellation = new Cancellation();
        ChangeResult result;
        try (InterruptSignals signals = InterruptSignals.install(cancellation, cli.err())) {
            result = verb.run(cli.database(), cli.migrationSettings(), cli.changeSettings(), listener, cancellation);
        }
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out().print(doneLine(result));
        }
        return ExitCode.OK.code();
    }

    String doneLine(ChangeResult result) {
        return String.format(doneFormat, result.version(), result.script(), result.millis() / 1000.0);
    }
}
