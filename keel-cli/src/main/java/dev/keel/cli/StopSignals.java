package dev.keel.cli;

import dev.keel.error.ExitCode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and Ctrl-C (SIGINT) as a request to stop, for a command that runs until stopped (keel up): the first one
 * releases {@link #await}, and the command winds down on its own and exits 0. A second one while it winds down exits at
 * once (130): whoever sends it has decided not to wait.
 */
final class StopSignals implements AutoCloseable {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final PrintStream err;
    private final List<Installed> installed = new ArrayList<>();
    private volatile String received;

    private record Installed(Signal signal, SignalHandler previous) {}

    private StopSignals(PrintStream err) {
        this.err = err;
    }

    static StopSignals install(PrintStream err) {
        StopSignals signals = new StopSignals(err);
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
        if (received != null) {
            err.println("keel: error: SIG" + signal.getName() + " again while stopping — exiting at once; jobs still"
                    + " running are marked interrupted and run again by the next agent that leads");
            err.flush();
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
        }
        received = "SIG" + signal.getName();
        requested.countDown();
    }

    /** Waits up to {@code limit} for a stop request; returns whether one came. */
    boolean await(Duration limit) throws InterruptedException {
        return requested.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The signal that asked to stop, e.g. SIGTERM; null before one came. */
    String received() {
        return received;
    }

    /** Gives the signals back to the JVM. */
    @Override
    public void close() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
    }
}
