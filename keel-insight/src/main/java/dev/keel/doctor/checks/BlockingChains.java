package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.Impact;
import dev.keel.doctor.Severity;
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
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "blocking-chains.sql")) {
            double waitSeconds = r.decimal("longest_wait_seconds");
            if (waitSeconds * 1000 < minWait.toMillis()) {
                continue;
            }
            long waiters = r.whole("waiters");
            boolean critical = waiters >= criticalWaiters || waitSeconds >= criticalWait.toSeconds();
            Severity severity = critical ? Severity.CRITICAL : Severity.WARNING;
            double closeness = Math.max(Impact.between(waiters, 1, 4L * criticalWaiters),
                    Impact.between(waitSeconds, minWait.toSeconds(), 10.0 * criticalWait.toSeconds()));
            String root = "pid " + r.whole("root_pid") + (r.text("root_user") == null ? "" : " (" + r.text("root_user")
                    + (r.text("root_application") == null || r.text("root_application").isEmpty() ? "" : ", " + r.text("root_application")) + ")");
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("rootPid", r.whole("root_pid"));
            evidence.put("rootUser", r.text("root_user"));
            evidence.put("rootApplication", r.text("root_application"));
            evidence.put("rootState", r.text("root_state"));
            evidence.put("rootTransactionSeconds", Figures.round(r.decimal("root_transaction_seconds"), 1));
            evidence.put("rootQuery", r.text("root_query"));
            evidence.put("waiters", waiters);
            evidence.put("chainDepth", r.whole("depth"));
            evidence.put("longestWaitSeconds", Figures.round(waitSeconds, 1));
            evidence.put("lockedRelations", r.text("relations"));
            String summary = waiters + (waiters == 1 ? " session has" : " sessions have") + " waited up to " + Figures.seconds(waitSeconds)
                    + " for a lock held by " + root + ", " + r.text("root_state") + (r.text("relations") == null ? "" : ", on " + r.text("relations"));
            String impact = "every further query needing that lock queues behind " + root
                    + " until its transaction ends; end it with pg_terminate_backend(" + r.whole("root_pid") + ") if it is stuck";
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
