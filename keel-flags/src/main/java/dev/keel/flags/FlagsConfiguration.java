package dev.keel.flags;

import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.util.Objects;

/**
 * How an application sets up its {@link Flags}: {@code Flags.connect(dataSource).safeDefault(false).load()}. Each
 * setter names its default; impossible values fail in the setter.
 */
public final class FlagsConfiguration {
    private final ConnectionSource source;
    private String schema = "keel";
    private boolean safeDefault;
    private Duration reloadInterval = Duration.ofSeconds(30);
    private Duration startupWait = Duration.ofSeconds(2);
    private Duration retryFirst = Duration.ofMillis(100);
    private Duration retryMost = Duration.ofSeconds(5);

    FlagsConfiguration(ConnectionSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * keel.yaml's settings: keel's state schema ({@code schema}), {@code flags.safeDefault} and
     * {@code flags.reloadInterval}. A setter called afterwards wins.
     */
    public FlagsConfiguration config(KeelYaml config) {
        schema(config.schema());
        safeDefault(config.get(FlagsSection.SAFE_DEFAULT));
        return reloadInterval(config.get(FlagsSection.RELOAD_INTERVAL));
    }

    /** keel's state schema, where keel flags set keeps the flags. Default {@code keel}. */
    public FlagsConfiguration schema(String schema) {
        if (schema == null || schema.isBlank()) {
            throw invalid("the flag schema must be a name", "pass keel's schema, e.g. keel");
        }
        this.schema = schema;
        return this;
    }

    /**
     * What {@link Flags#enabled} answers for every flag until the first read from the database succeeds (the database
     * was unreachable since start-up). Once flags were read, an outage serves the last values read. Default false.
     */
    public FlagsConfiguration safeDefault(boolean value) {
        this.safeDefault = value;
        return this;
    }

    /**
     * How often every flag is read again even without a notification: the backstop for a notification lost with a
     * connection. Default 30 s; at least 1 s.
     */
    public FlagsConfiguration reloadInterval(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid("the reload interval must be at least 1 s, not " + interval, "pass e.g. 30s");
        }
        this.reloadInterval = interval;
        return this;
    }

    /**
     * How long {@link #load()} waits for the first read, so the first requests see real values rather than the safe
     * default; a database that refuses connections ends the wait at once. Default 2 s; zero does not wait.
     */
    public FlagsConfiguration startupWait(Duration wait) {
        if (wait == null || wait.isNegative()) {
            throw invalid("the start-up wait must be zero or more, not " + wait, "pass e.g. 2s");
        }
        this.startupWait = wait;
        return this;
    }

    /** The first and the longest wait between connection attempts while the database is unreachable. Default 100 ms, 5 s. */
    public FlagsConfiguration retry(Duration first, Duration most) {
        if (first == null || most == null || first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw invalid(
                    "the retry waits must be above zero, the longest no shorter than the first",
                    "pass e.g. 100ms and 5s");
        }
        this.retryFirst = first;
        this.retryMost = most;
        return this;
    }

    /** Starts the background listener and waits up to {@link #startupWait} for the first read. */
    public Flags load() {
        FlagListenerSettings settings =
                new FlagListenerSettings(schema, safeDefault, reloadInterval, startupWait, retryFirst, retryMost);
        return Flags.start(source, settings);
    }

    private static KeelException invalid(String what, String todo) {
        return new KeelException(CoreError.SETUP_INVALID, what, todo);
    }

    record FlagListenerSettings(
            String schema,
            boolean safeDefault,
            Duration reloadInterval,
            Duration startupWait,
            Duration retryFirst,
            Duration retryMost) {}
}
