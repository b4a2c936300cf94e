package dev.keel.agent.lead;

import dev.keel.agent.jobs.JobLines;
import dev.keel.connect.ConnectionSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Which of the agents on one database leads: the one holding the leader's advisory lock on a session of its own. The
 * others try again every {@link #RETRY}; the server drops a killed leader's lock with its session, so a standby leads
 * within one retry of that. An unreachable database is retried the same way: the agent never exits over it.
 */
public final class Leadership implements AutoCloseable {
    /** How often a standby tries the lock and a leader checks its session: takeover comes within about this. */
    public static final Duration RETRY = Duration.ofSeconds(2);

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final ConnectionSource database;
    private final String lock;
    private final Consumer<String> log;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong term = new AtomicLong();
    private volatile boolean leading;
    private volatile boolean databaseUp;
    private volatile String problem;
    private Thread thread;
    private LockSession session;

    public Leadership(ConnectionSource database, String schema, Consumer<String> log) {
        this.database = database;
        this.lock = AdvisoryLock.leader(schema);
        this.log = log;
    }

    public synchronized void start() {
        thread = new Thread(this::loop, "keel-up-leadership");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this agent leads now: only then are jobs started. */
    public boolean leading() {
        return leading;
    }

    /** Counts the times this agent started leading: a new term means the state from agent_runs must be read again. */
    public long term() {
        return term.get();
    }

    /** Whether the last attempt to reach the database worked. */
    public boolean databaseUp() {
        return databaseUp;
    }

    private void loop() {
        while (closed.getCount() > 0) {
            step();
            try {
                if (closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        release();
    }

    /** One attempt: connect, take or check the lock. */
    synchronized void step() {
        try {
            if (session == null) {
                session = LockSession.open(database, lock, CHECK_TIMEOUT);
            }
            if (leading) {
                session.check();
            } else if (session.tryLock()) {
                term.incrementAndGet();
                leading = true;
                log.accept("leading: this agent runs the jobs");
            } else {
                say("standing by: another agent leads; trying again every " + RETRY.toSeconds() + " s");
            }
            databaseUp = true;
        } catch (SQLException | RuntimeException e) {
            databaseUp = false;
            if (leading) {
                leading = false;
                log.accept("stopped leading: the lock's session failed (" + JobLines.oneLine(e)
                        + "); no new jobs start until this agent leads again");
                problem = null;
            }
            say("database unreachable, trying again every " + RETRY.toSeconds() + " s: " + JobLines.oneLine(e));
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    /** Says a standing state once, not at every retry. */
    private void say(String state) {
        if (!state.equals(problem)) {
            problem = state;
            log.accept(state);
        }
    }

    private synchronized void release() {
        leading = false;
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Stops trying and releases the lock, so a standby takes over at its next try. */
    @Override
    public void close() {
        closed.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(CHECK_TIMEOUT.plus(RETRY).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }
}
