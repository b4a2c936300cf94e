package dev.keel.agent.jobs;

/** One of keel up's jobs: runs once per turn, or, for a continuous one, until {@link #stop()}. */
public interface Job {

    JobName name();

    /** Does the work and says what it measured; a failure is thrown, as the facade throws it. */
    JobResult run() throws Exception;

    /** Ends a run in progress soon, leaving nothing half done: a continuous job's only way to end. */
    default void stop() {}
}
