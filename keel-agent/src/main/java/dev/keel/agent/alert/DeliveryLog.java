package dev.keel.agent.alert;

import dev.keel.agent.jobs.JobLines;
import dev.keel.connect.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The delivery attempts of this agent, newest first, bounded so a receiver down for days costs nothing; each also
 * kept in agent_deliveries when a database is given, which is what the jobs page of every agent lists.
 */
public final class DeliveryLog {
    static final int KEPT = 500;

    private final Deque<Delivery> attempts = new ArrayDeque<>();
    private final ConnectionSource database;
    private final DeliveryRecords records;
    private final Consumer<String> log;
    private volatile boolean tableChecked;
    private String lastProblem;

    /** In memory only. */
    public DeliveryLog() {
        this(null, null, line -> {});
    }

    /** @param database where agent_deliveries is written; null for memory only */
    public DeliveryLog(ConnectionSource database, DeliveryRecords records, Consumer<String> log) {
        this.database = database;
        this.records = records;
        this.log = log;
    }

    public void add(Delivery delivery) {
        synchronized (this) {
            attempts.addFirst(delivery);
            while (attempts.size() > KEPT) {
                attempts.removeLast();
            }
        }
        if (database != null) {
            keep(delivery);
        }
    }

    /** A database that cannot take the record costs the jobs page a row, never the alert itself. */
    private void keep(Delivery delivery) {
        try (Connection c = database.open()) {
            c.setAutoCommit(true);
            if (!tableChecked) {
                records.ensureExists(c);
                tableChecked = true;
            }
            records.add(c, delivery);
            lastProblem = null;
        } catch (SQLException | RuntimeException e) {
            String problem = "alerts: cannot record a delivery attempt in agent_deliveries: " + JobLines.oneLine(e);
            if (!problem.equals(lastProblem)) {
                log.accept(problem);
                lastProblem = problem;
            }
        }
    }

    public synchronized List<Delivery> recent() {
        return new ArrayList<>(attempts);
    }

    /** The attempts that failed, newest first. */
    public synchronized List<Delivery> failures() {
        return attempts.stream().filter(Delivery::failed).toList();
    }
}
