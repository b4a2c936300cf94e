package dev.keel.partition;

/**
 * One thing maintenance does to a set. Each can run again after a crash: a created partition is looked up by its
 * bounds first, a detach is recorded before it runs, a drop removes its record with the table.
 *
 * @param lower the range's start as an ordinal (CREATE and MOVE)
 * @param upper the range's end as an ordinal (CREATE and MOVE)
 * @param dropAfter for DETACH of a set that drops: when the detached table may be dropped (ordinal); else null
 */
public record PartitionStep(Kind kind, String partition, long lower, long upper, Long dropAfter, String description) {

    public enum Kind {
        /** Ends a DETACH … CONCURRENTLY that was interrupted between its two transactions. */
        FINALIZE,
        /** Creates the partition of a range whose rows sit in the default partition, and moves them into it. */
        MOVE,
        /** Creates a partition ahead of the data. */
        CREATE,
        /** Detaches a partition past retention. */
        DETACH,
        /** Drops a detached partition whose grace period is over. */
        DROP
    }
}
