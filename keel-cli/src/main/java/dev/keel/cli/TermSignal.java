package dev.keel.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM as a request to stop, for a command that runs until stopped (keel wal stream): the signal
 * runs {@code stop}, which ends the command's work after it stored what it holds, and the command
 * then ends as it does on its own, with its report and exit code 0. The JVM's own reaction would end
 * it with 143 whatever happened. It exits with 143 only when stopping did not finish in time or a
 * second SIGTERM came meanwhile: then keel was ended by the signal, not stopped cleanly.
 */
final class TermSignal implements AutoCloseable {
    /** What a shell reports for a process SIGTERM ended: the exit status of the JVM's own reaction. */
    private static final int TERMINATED = 128 + 15;

    private final BooleanSupplier stop;
    private final PrintStream err;
    private final AtomicBoolean received = new AtomicBoolean();
    private Signal signal;
    private SignalHandler previous;

    private TermSignal(BooleanSupplier stop, PrintStream err) {
        this.stop = stop;
        this.err = err;
    }

    /** @param stop ends the work; returns false when it did not end in time */
    static TermSignal install(BooleanSupplier stop, PrintStream err) {
        TermSignal term = new TermSignal(stop, err);
        try {
            term.signal = new Signal("TERM");
            term.previous = Signal.handle(term.signal, term::received);
        } catch (IllegalArgumentException reserved) {
            // The JVM keeps this signal (java -Xrs): it then ends keel as it always did.
            term.signal = null;
        }
        return term;
    }

    /** Whether SIGTERM is what ended the work. */
    boolean received() {
        return received.get();
    }

    private void received(Signal s) {
        if (!received.compareAndSet(false, true)) {
            err.println("keel: error: SIGTERM again while stopping — exiting at once; what the repository did not"
                    + " take yet stays in the spool, and the next run stores it first");
            err.flush();
            Runtime.getRuntime().halt(TERMINATED);
        }
        if (!stop.getAsBoolean()) {
            err.println("keel: error: SIGTERM, and the work did not stop in time — exiting; what the repository did"
                    + " not take yet stays in the spool, and the next run stores it first");
            err.flush();
            Runtime.getRuntime().halt(TERMINATED);
        }
    }

    /** Gives SIGTERM back to the JVM. */
    @Override
    public void close() {
        if (signal != null) {
            Signal.handle(signal, previous);
        }
    }
}
