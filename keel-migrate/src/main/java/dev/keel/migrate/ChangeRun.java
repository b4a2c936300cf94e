package dev.keel.migrate;

import dev.keel.change.ChangeResult;
import dev.keel.change.ChangeState;
import dev.keel.change.Changes;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * How one migrate run meets zero-downtime changes: a change already active holds back every later migration (unless
 * {@code --complete} completes it first), and a change reached in the run starts and, without {@code --complete},
 * stays active with the rest waiting.
 */
final class ChangeRun {
    private final Changes changes;
    private final boolean complete;
    private MigrationVersion last;
    private String active;
    private int waiting;

    ChangeRun(Changes changes, boolean complete, MigrationVersion current) {
        this.changes = changes;
        this.complete = complete;
        this.last = current;
    }

    String active() {
        return active;
    }

    int waiting() {
        return waiting;
    }

    /** False when an active change holds back what is pending; resuming its own unfinished start proceeds. */
    boolean mayProceed(List<MigrationExecutor.PreparedScript> prepared, MigrationListener listener)
            throws SQLException {
        Optional<ChangeState.Row> row = changes.active();
        if (row.isEmpty()) {
            return true;
        }
        ChangeState.Row r = row.get();
        boolean unfinishedStart = ChangeState.STARTING.equals(r.phase()) || ChangeState.BACKFILLING.equals(r.phase());
        if (unfinishedStart
                && !prepared.isEmpty()
                && prepared.get(0).script().type() == MigrationType.CHANGE
                && prepared.get(0).script().version().toString().equals(r.version())) {
            return true;
        }
        if (complete && !unfinishedStart) {
            changes.complete();
            return true;
        }
        active = r.version();
        waiting = prepared.size();
        if (waiting > 0) {
            listener.warn(waitingMessage(r.version(), waiting));
        } else {
            listener.info("V" + r.version() + " is active; complete it with keel change complete");
        }
        return false;
    }

    long start(MigrationScript script) throws SQLException {
        ChangeResult started = changes.start(script, last == null ? null : last.toString());
        last = script.version();
        if (complete) {
            changes.complete();
        } else {
            active = started.version();
        }
        return started.millis();
    }

    void applied(MigrationScript script) {
        if (script.version() != null) {
            last = script.version();
        }
    }

    void leaveWaiting(int count, MigrationListener listener) {
        waiting = count;
        if (count > 0) {
            listener.warn(waitingMessage(active, count));
        }
    }

    private static String waitingMessage(String version, int count) {
        return "V" + version + " is an active change, so " + count + " later pending migration"
                + (count == 1 ? " waits" : "s wait")
                + " until it is completed: roll the application out on the new version, then run keel change complete"
                + " and keel migrate again (or keel migrate --complete where no old version runs)";
    }
}
