package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lock blocking chains right now, one finding per root blocker: the session everybody in the chain
 * ultimately waits for. Killing a waiter in the middle frees nothing; the root is what to look at.
 *
 * <p>A root that is idle in transaction is critical as soon as a waiter has waited {@code minWait}: it
 * runs nothing, so it will not finish and let go; only its application (a commit or rollback it may
 * never send) or a terminate ends the queue, and every new query on those rows or tables joins it.
 *
 * @param minWait a chain whose longest wait is shorter is ordinary contention and stays silent
 * @param criticalWaiters this many waiters behind one root make it critical
 * @param criticalWait a wait this long makes it critical
 */
public record BlockingChains(Duration minWait, int criticalWaiters, Duration criticalWait) implements DoctorCheck {
    public static final String ID = "blocking-chains";

    public BlockingChains() {
        this(Duration.ofSeconds(5), 5, Duration.ofMinutes(1));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "every session's waits and locks in pg_stat_activity";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "blocking-chains.sql")) {
            double waitSeconds = r.decimal("longest_wait_seconds");
            if (waitSeconds * 1000 < minWait.toMillis()) {
                continue;
            }
            long waiters = r.whole("waiters");
            String state = r.text("root_state");
            boolean idleRoot = state != null && state.startsWith("idle in transaction");
            boolean critical = idleRoot || waiters >= criticalWaiters || waitSeconds >= criticalWait.toSeconds();
            DoctorSeverity severity = critical ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            double closeness = Math.max(
                    Impact.between(waiters, 1, 4L * criticalWaiters),
                    Impact.between(waitSeconds, minWait.toSeconds(), 10.0 * criticalWait.toSeconds()));
            String root = "pid " + r.whole("root_pid")
                    + (r.text("root_user") == null
                            ? ""
                            : " (" + r.text("root_user")
                                    + (r.text("root_application") == null
                                                    || r.text("root_application")
                                                            .isEmpty()
                                            ? ""
                                            : ", " + r.text("root_application"))
                                    + ")");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("rootPid", r.whole("root_pid"));
            evidence.put("rootUser", r.text("root_user"));
            evidence.put("rootApplication", r.text("root_application"));
            evidence.put("rootState", state);
            evidence.put("rootStateSeconds", Figures.round(r.decimal("root_state_seconds"), 1));
            evidence.put("rootTransactionSeconds", Figures.round(r.decimal("root_transaction_seconds"), 1));
            evidence.put("rootQuery", r.text("root_query"));
            evidence.put("waiters", waiters);
            evidence.put("chainDepth", r.whole("depth"));
            evidence.put("longestWaitSeconds", Figures.round(waitSeconds, 1));
            evidence.put("lockedRelations", r.text("relations"));
            String on = r.text("relations") == null ? "" : " on " + r.text("relations");
            String waited = waiters + (waiters == 1 ? " session has" : " sessions have") + " waited up to "
                    + Figures.seconds(waitSeconds);
            String summary = idleRoot
                    ? waited + " for a lock" + on + " held by " + root + ", which has been " + state + " for "
                            + Figures.seconds(r.decimal("root_state_seconds"))
                            + ": it does no work and will not end by itself"
                    : waited + " for a lock held by " + root + ", " + state + (on.isEmpty() ? "" : "," + on);
            String impact = idleRoot
                    ? "every further query needing that lock queues behind " + root
                            + " until its application commits or rolls back, which it may never do;"
                            + " end it with pg_terminate_backend(" + r.whole("root_pid")
                            + ") and find the code path that leaves transactions open"
                    : "every further query needing that lock queues behind " + root
                            + " until its transaction ends; end it with pg_terminate_backend(" + r.whole("root_pid")
                            + ") if it is stuck";
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
