package dev.keel.cli;

import dev.keel.flags.Flags;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An application in a JVM of its own, for FlagsPropagationIT: asks one flag for one subject from memory and prints
 * "ready" once the flags are read, then "enabled|disabled <epoch millis>" at every change it sees.
 */
public final class FlagWatcher {
    private FlagWatcher() {}

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        try (Flags flags = Flags.connect(ds).load()) {
            while (!flags.loaded()) {
                Thread.sleep(5);
            }
            boolean last = flags.enabled(args[1], args[2]);
            System.out.println("ready " + (last ? "enabled" : "disabled"));
            while (true) {
                boolean now = flags.enabled(args[1], args[2]);
                if (now != last) {
                    System.out.println((now ? "enabled " : "disabled ") + System.currentTimeMillis());
                    last = now;
                }
                Thread.sleep(1);
            }
        }
    }
}
