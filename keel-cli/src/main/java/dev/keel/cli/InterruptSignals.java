package dev.keel.cli;

import dev.keel.connect.Cancellation;
import dev.keel.error.ExitCode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation for as long as a command that changes the
 * database runs. The JVM's own reaction, exiting at once, would leave the server running the
 * statement and holding its locks until it next wrote to the gone client. So the first signal cancels
 * the work's statements on the server and lets the command end on its own, with its one-line
 * message and exit code 130; the cancel is sent again while the command winds down, in case the
 * first one reached the server between two statements. A second signal, or a command that has not
 * ended after {@link #GRACE_MILLIS}, exits at once.
 */
final class InterruptSignals implements AutoCloseable {
    private static final long GRACE_MILLIS = 15_000;
    private static final long RESEND_MILLIS = 1_000;

    private final Cancellation cancellation;
    private final PrintStream err;
    private final List<Installed> installed = new ArrayList<>();

    private record Installed(Signal signal, SignalHandler previous) {}

    private InterruptSignals(Cancellation cancellation, PrintStream err) {
        this.cancellation = cancellation;
        this.err = err;
    }

    static InterruptSignals install(Cancellation cancellation, PrintStream err) {
        InterruptSignals signals = new InterruptSignals(cancellation, err);
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                signals.installed.add(new Installed(signal, Signal.handle(signal, signals::received)));
            } catch (IllegalArgumentException reserved) {
                // The JVM keeps this signal (java -Xrs): it then ends keel as it always did.
            }
        }
        return signals;
    }

    private void received(Signal signal) {
        if (cancellation.isCancelled()) {
            err.println("keel: error: interrupted again by SIG" + signal.getName()
                    + " — exiting without waiting for the server to roll back");
            err.flush();
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
        }
        cancellation.cancel("SIG" + signal.getName());
        Thread watchdog = new Thread(this::windDown, "keel-interrupt");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Runs until the command ends (the JVM exits and takes this daemon thread with it) or the grace is over. */
    private void windDown() {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(RESEND_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            cancellation.cancelStatements();
        }
        err.println("keel: error: interrupted by " + cancellation.reason() + ", and the command did not stop within "
                + GRACE_MILLIS / 1000 + " s — exiting; check pg_stat_activity for a statement still running");
        err.flush();
        Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
    }

    /** Gives the signals back to the JVM: after the command, Ctrl-C ends keel at once again. */
    @Override
    public void close() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
    }
}
