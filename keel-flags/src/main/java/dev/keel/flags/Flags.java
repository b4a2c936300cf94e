package dev.keel.flags;

import dev.keel.connect.ConnectionSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The flags an application asks, answered from memory: {@code flags.enabled("checkout-v8", userId)}. A background
 * thread keeps the values current through LISTEN/NOTIFY (a change arrives within a second of keel flags set) and a
 * periodic full read. While the database is unreachable the last values read are served; before any read succeeded,
 * the safe default. One instance per application; close it on shutdown.
 */
public final class Flags implements AutoCloseable {
    private final AtomicReference<Map<String, Flag>> snapshot = new AtomicReference<>();
    private final boolean safeDefault;
    private FlagListener listener;
    private Thread thread;

    private Flags(boolean safeDefault) {
        this.safeDefault = safeDefault;
    }

    public static FlagsConfiguration connect(DataSource dataSource) {
        return new FlagsConfiguration(ConnectionSource.of(dataSource));
    }

    public static FlagsConfiguration connect(ConnectionSource source) {
        return new FlagsConfiguration(source);
    }

    static Flags start(ConnectionSource source, FlagsConfiguration.FlagListenerSettings settings) {
        Flags flags = new Flags(settings.safeDefault());
        flags.listener = new FlagListener(
                source,
                new FlagStore(new FlagTables(settings.schema())),
                settings.reloadInterval(),
                new Backoff(settings.retryFirst(), settings.retryMost()),
                flags.snapshot::set);
        flags.thread = new Thread(flags.listener, "keel-flags");
        flags.thread.setDaemon(true);
        flags.thread.start();
        try {
            flags.listener.awaitFirstAttempt(settings.startupWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return flags;
    }

    /**
     * Whether the flag is on for this subject: allow-listed, or in the rollout's share of buckets. A flag nobody
     * set is off; before the first read, every flag is the safe default.
     */
    public boolean enabled(String name, String subjectKey) {
        Map<String, Flag> flags = snapshot.get();
        if (flags == null) {
            return safeDefault;
        }
        Flag flag = flags.get(name);
        return flag != null && flag.enabledFor(subjectKey);
    }

    /** The schema version the subject uses under this flag: the flag's, when it is on for the subject and has one. */
    public Optional<String> schemaVersion(String name, String subjectKey) {
        Map<String, Flag> flags = snapshot.get();
        Flag flag = flags == null ? null : flags.get(name);
        if (flag == null || flag.schemaVersion() == null || !flag.enabledFor(subjectKey)) {
            return Optional.empty();
        }
        return Optional.of(flag.schemaVersion());
    }

    /** The flag as last read, if it exists. */
    public Optional<Flag> flag(String name) {
        Map<String, Flag> flags = snapshot.get();
        return Optional.ofNullable(flags == null ? null : flags.get(name));
    }

    /** Whether the flags were read at least once (otherwise {@link #enabled} answers the safe default). */
    public boolean loaded() {
        return snapshot.get() != null;
    }

    /** Whether the client is connected now; while it is not, {@link #enabled} serves the last values read. */
    public boolean connected() {
        return listener.connected();
    }

    @Override
    public void close() {
        listener.stop();
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
