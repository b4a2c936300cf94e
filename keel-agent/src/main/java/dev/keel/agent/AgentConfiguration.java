package dev.keel.agent;

import dev.keel.agent.http.ListenAddress;
import dev.keel.agent.jobs.Job;
import dev.keel.agent.jobs.JobName;
import dev.keel.backup.Backups;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.insight.Insight;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Fluent configuration of {@link Agent}: {@code Agent.configure().config(yaml).connections(db).load().start()}. What is
 * not given comes from keel.yaml (agent.*, schedule.*), as for {@code keel up}.
 */
public final class AgentConfiguration {
    KeelYaml config;
    ConnectionSource connections;
    Insight insight;
    Supplier<Backups> backups;
    ListenAddress listen;
    Consumer<String> log = line -> {};
    Clock clock = Clock.systemUTC();
    final Map<JobName, Job> jobs = new EnumMap<>(JobName.class);

    AgentConfiguration() {}

    /** keel.yaml with its overrides, loaded; required. */
    public AgentConfiguration config(KeelYaml config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /** The database the agent leads on and keeps agent_runs in; required. */
    public AgentConfiguration connections(ConnectionSource connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
        return this;
    }

    /** The insight facade the snapshot and doctor jobs use; default one on {@link #connections}. */
    public AgentConfiguration insight(Insight insight) {
        this.insight = Objects.requireNonNull(insight, "insight");
        return this;
    }

    /** The backup facade for each backup job's run; default one from keel.yaml's backup.* keys. */
    public AgentConfiguration backups(Supplier<Backups> backups) {
        this.backups = Objects.requireNonNull(backups, "backups");
        return this;
    }

    /** Where the HTTP server listens; default agent.listen (127.0.0.1:7432). Port 0 takes any free one. */
    public AgentConfiguration listen(ListenAddress listen) {
        this.listen = Objects.requireNonNull(listen, "listen");
        return this;
    }

    /** Receives the agent's log lines (one per job run, and each change of leadership); default none. */
    public AgentConfiguration log(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
        return this;
    }

    /** Runs {@code job} in place of the standard job of its name, on that name's schedule. */
    public AgentConfiguration job(Job job) {
        jobs.put(job.name(), job);
        return this;
    }

    public AgentConfiguration clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Checks the settings (a public address needs agent.token); starts nothing. */
    public Agent load() {
        if (config == null || connections == null) {
            throw new IllegalArgumentException("an agent needs config(...) and connections(...)");
        }
        return new Agent(this);
    }
}
