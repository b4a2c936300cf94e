package dev.keel.agent.alert;

import dev.keel.connect.ConnectionSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Fluent configuration of {@link Alerting}; what is not given has a default fit for keel up. */
public final class AlertingConfiguration {
    /** A failed delivery is tried again after 30 s, then 1, 2, 4 … minutes. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);

    final AlertSettings settings;
    final ConnectionSource database;
    final String schema;
    MeterRegistry registry = new SimpleMeterRegistry();
    Clock clock = Clock.systemUTC();
    Consumer<String> log = line -> {};
    Duration firstPause = FIRST_PAUSE;
    String host;

    AlertingConfiguration(AlertSettings settings, ConnectionSource database, String schema) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.database = Objects.requireNonNull(database, "database");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** Where keel_alerts_sent_total and keel_alert_delivery_failures_total go; default a registry of its own. */
    public AlertingConfiguration registry(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    public AlertingConfiguration clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Receives a line for each failed delivery and each failure to keep the state; default none. */
    public AlertingConfiguration log(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
        return this;
    }

    /** The pause after a first failed delivery, doubled after each further one; default 30 s. */
    public AlertingConfiguration firstPause(Duration firstPause) {
        if (firstPause.isNegative()) {
            throw new IllegalArgumentException("firstPause must not be negative");
        }
        this.firstPause = firstPause;
        return this;
    }

    /** The host name the messages name as the sender; default this host's. */
    public AlertingConfiguration host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    public Alerting load() {
        return new Alerting(this);
    }
}
