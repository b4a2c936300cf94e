package dev.keel.partition;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides what one set needs, from facts read beforehand; it reads and runs nothing, so a dry run and a real run
 * plan alike. Order: finish interrupted detaches, move rows out of the default partition, create partitions ahead,
 * detach partitions past retention (never the last one), drop detached ones whose grace is over.
 */
public final class PartitionPlanner {

    /**
     * What the planner needs to know of a set.
     *
     * @param now the ordinal of the current time (seconds since 1970 UTC)
     * @param maxKey an integer set's largest key, null when empty or a time set
     * @param defaultBuckets buckets whose rows sit in the default partition and have no partition of their own
     */
    public record Facts(
            PartitionCatalog.Parent parent,
            long now,
            Long maxKey,
            Set<Long> defaultBuckets,
            List<PartitionSets.Detached> detached) {}

    private PartitionPlanner() {}

    public static PartitionPlan plan(PartitionSet set, Facts facts) {
        List<PartitionStep> steps = new ArrayList<>();
        PartitionCatalog.Parent parent = facts.parent();
        if (!parent.exists()) {
            return new PartitionPlan(set, List.of());
        }
        for (PartitionCatalog.Partition p : parent.partitions()) {
            if (p.detachPending()) {
                steps.add(new PartitionStep(
                        PartitionStep.Kind.FINALIZE,
                        p.name(),
                        0,
                        0,
                        null,
                        "finish the interrupted detach of " + p.name()));
            }
        }
        if (set.range()) {
            PartitionInterval width = set.width();
            List<PartitionCatalog.Partition> ranges =
                    parent.ranges().stream().filter(p -> !p.detachPending()).toList();
            for (long b : facts.defaultBuckets().stream().sorted().toList()) {
                if (!covered(ranges, width, b)) {
                    steps.add(range(
                            PartitionStep.Kind.MOVE,
                            set,
                            width,
                            b,
                            "create %s and move its rows out of the" + " default partition"));
                }
            }
            for (long b : ahead(set, width, facts, ranges)) {
                if (!covered(ranges, width, b) && !facts.defaultBuckets().contains(b)) {
                    steps.add(range(PartitionStep.Kind.CREATE, set, width, b, "create %s"));
                }
            }
            steps.addAll(retention(set, facts, ranges, steps.size()));
        }
        for (PartitionSets.Detached d : facts.detached()) {
            if (d.dropAfter() != null && d.dropAfter() <= facts.now() && !d.attached()) {
                steps.add(new PartitionStep(
                        PartitionStep.Kind.DROP,
                        d.partition(),
                        0,
                        0,
                        null,
                        "drop " + d.partition() + ", detached by retention, its grace period over"));
            }
        }
        return new PartitionPlan(set, List.copyOf(steps));
    }

    /** The current bucket and {@code premake} after it; for integers, after the largest key (or the first partition). */
    private static List<Long> ahead(
            PartitionSet set, PartitionInterval width, Facts facts, List<PartitionCatalog.Partition> ranges) {
        long base;
        if (set.keyType().time()) {
            base = width.bucketOf(facts.now());
        } else if (facts.maxKey() != null) {
            base = width.bucketOf(facts.maxKey());
        } else {
            base = ranges.stream()
                    .filter(p -> p.bound().lower() != Long.MIN_VALUE)
                    .map(p -> width.bucketOf(p.bound().lower()))
                    .min(Comparator.naturalOrder())
                    .orElse(0L);
        }
        List<Long> buckets = new ArrayList<>();
        for (long b = base; b <= base + set.premake(); b++) {
            buckets.add(b);
        }
        return buckets;
    }

    private static boolean covered(List<PartitionCatalog.Partition> ranges, PartitionInterval width, long bucket) {
        long from = width.lower(bucket);
        long to = width.lower(bucket + 1);
        return ranges.stream().anyMatch(p -> p.bound().overlaps(from, to));
    }

    private static PartitionStep range(
            PartitionStep.Kind kind, PartitionSet set, PartitionInterval width, long bucket, String what) {
        String name = width.partitionName(set.parent(), bucket);
        return new PartitionStep(
                kind, name, width.lower(bucket), width.lower(bucket + 1), null, String.format(what, name));
    }

    /** @param made partitions this run makes before it (new ones are never past retention) */
    private static List<PartitionStep> retention(
            PartitionSet set, Facts facts, List<PartitionCatalog.Partition> ranges, int made) {
        if (set.retention() == null || !set.keyType().time()) {
            return List.of();
        }
        long cutoff = PartitionSpan.parse(set.retention()).before(facts.now());
        List<PartitionCatalog.Partition> expired = ranges.stream()
                .filter(p -> p.bound().upper() <= cutoff)
                .sorted(Comparator.comparingLong(p -> p.bound().lower()))
                .toList();
        if (made == 0 && expired.size() == ranges.size() && !expired.isEmpty()) {
            // The last partition is never detached: without one, every row would go to the default partition.
            expired = expired.subList(0, expired.size() - 1);
        }
        boolean drop = PartitionSet.DROP.equals(set.retentionAction());
        Long dropAfter = !drop
                ? null
                : set.grace() == null
                        ? facts.now()
                        : PartitionSpan.parse(set.grace()).after(facts.now());
        List<PartitionStep> steps = new ArrayList<>();
        for (PartitionCatalog.Partition p : expired) {
            steps.add(new PartitionStep(
                    PartitionStep.Kind.DETACH,
                    p.name(),
                    p.bound().lower(),
                    p.bound().upper(),
                    dropAfter,
                    "detach " + p.name() + ", past the retention of " + set.retention()
                            + (drop
                                    ? "; dropped after " + (set.grace() == null ? "it" : "a grace of " + set.grace())
                                            + (dropAfter == null
                                                    ? ""
                                                    : " (" + LocalDateTime.ofEpochSecond(dropAfter, 0, ZoneOffset.UTC)
                                                            + " UTC)")
                                    : "; kept as a table of its own")));
        }
        return steps;
    }
}
