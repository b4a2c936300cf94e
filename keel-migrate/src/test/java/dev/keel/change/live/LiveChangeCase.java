package dev.keel.change.live;

import dev.keel.testing.TestCluster;
import dev.keel.testing.live.ApplicationStatements;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import java.util.Random;

/**
 * What is specific to one operation's live test: its change file, what V1 adds to {@code orders} for it, what the
 * old and the new application version run, and what must read the same through both. The runs themselves (a
 * {@link LiveChange} under the harness's load, to completion or rolled back, with its checks) are the same for every
 * operation.
 */
final class LiveChangeCase {
    private final String change;
    private final String setup;
    private final String first;
    private final boolean backfills;
    private final ApplicationStatements old;
    private final ApplicationStatements next;
    private final String oldQuery;
    private final String newQuery;

    private LiveChangeCase(
            String change,
            String setup,
            String first,
            boolean backfills,
            ApplicationStatements old,
            ApplicationStatements next,
            String oldQuery,
            String newQuery) {
        this.change = change;
        this.setup = setup;
        this.first = first;
        this.backfills = backfills;
        this.old = old;
        this.next = next;
        this.oldQuery = oldQuery;
        this.newQuery = newQuery;
    }

    static LiveChangeCase of(String change) {
        return new LiveChangeCase(change, "", null, false, null, null, null, null);
    }

    /** SQL run in V1 after orders is created: the objects a change drops or refers to. */
    LiveChangeCase setup(String sql) {
        return new LiveChangeCase(change, sql, first, backfills, old, next, oldQuery, newQuery);
    }

    /** The change runs as V3, after this change V2 was started and completed (see {@link LiveChange}). */
    LiveChangeCase afterCompleted(String firstChange) {
        return new LiveChangeCase(change, setup, firstChange, backfills, old, next, oldQuery, newQuery);
    }

    /** The change converts existing rows: the run then proves the new version ran during the backfill. */
    LiveChangeCase backfilling() {
        return new LiveChangeCase(change, setup, first, true, old, next, oldQuery, newQuery);
    }

    LiveChangeCase versions(ApplicationStatements oldVersion, ApplicationStatements newVersion) {
        return new LiveChangeCase(change, setup, first, backfills, oldVersion, newVersion, oldQuery, newQuery);
    }

    /** The same query text through both versions. */
    LiveChangeCase compare(String query) {
        return compare(query, query);
    }

    LiveChangeCase compare(String oldVersionQuery, String newVersionQuery) {
        return new LiveChangeCase(change, setup, first, backfills, old, next, oldVersionQuery, newVersionQuery);
    }

    /** Start, backfill and complete under both versions' load; nothing start added is left. */
    LiveChange completedUnderLoad(TestCluster cluster, Path dir, Random random) throws Exception {
        LiveChange live = new LiveChange(cluster, dir, setup, first, change, backfills);
        harness(live, random).startThenComplete(live::start, live::backfill, live::complete);
        live.assertCompleted();
        return live;
    }

    /** Start, backfill and roll back under both versions' load; the schemas are as before. */
    LiveChange rolledBackUnderLoad(TestCluster cluster, Path dir, Random random) throws Exception {
        LiveChange live = new LiveChange(cluster, dir, setup, first, change, backfills);
        harness(live, random).startThenRollback(live::start, live::backfill, live::rollback);
        live.assertRolledBack();
        return live;
    }

    private OperationHarness harness(LiveChange live, Random random) {
        if (old == null || next == null || oldQuery == null) {
            throw new IllegalStateException("a live case needs both versions' statements and a comparison query");
        }
        return live.harness(random, old, next).compare(oldQuery, newQuery);
    }
}
