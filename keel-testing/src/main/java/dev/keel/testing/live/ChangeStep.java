package dev.keel.testing.live;

/** A step of the schema change the load runs across (start, backfill, complete, rollback …). */
@FunctionalInterface
public interface ChangeStep {
    void run() throws Exception;
}
