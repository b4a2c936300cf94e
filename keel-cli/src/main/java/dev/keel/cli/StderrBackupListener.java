package dev.keel.cli;

import dev.keel.backup.BackupListener;
import dev.keel.backup.wal.WalPosition;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What the backup commands say while they work, all on stderr so stdout stays the report: transfer progress, notes
 * after {@code keel: }, and one line per WAL stream event (a service manager's log is where those end up).
 */
final class StderrBackupListener implements BackupListener {
    private final PrintStream err;
    private final StderrProgress progress;

    StderrBackupListener(PrintStream err) {
        this.err = err;
        this.progress = StderrProgress.forConsole(err);
    }

    @Override
    public void note(String line) {
        err.println("keel: " + line);
    }

    @Override
    public void started(String what, long totalBytes, int files) {
        progress.started(what, totalBytes, files);
    }

    @Override
    public void advanced(long bytes) {
        progress.advanced(bytes);
    }

    @Override
    public void finished() {
        progress.finished();
    }

    @Override
    public void streaming(String server, int timeline, long lsn, String slot, boolean synchronous) {
        err.printf(
                Locale.ROOT,
                "keel: streaming WAL from %s, timeline %d, from %s, slot %s%s%n",
                server,
                timeline,
                WalPosition.text(lsn),
                slot,
                synchronous ? ", as a synchronous standby" : "");
    }

    @Override
    public void stored(String name) {
        err.println("keel: stored " + name);
    }

    @Override
    public void warning(String message) {
        err.println("keel: warning: " + message);
    }

    @Override
    public void retrying(String problem, long seconds) {
        err.println("keel: " + problem + "; retrying in " + seconds + " s");
    }
}
