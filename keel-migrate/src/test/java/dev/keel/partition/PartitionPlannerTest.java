package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plans from facts, without a database. */
class PartitionPlannerTest {
    private static final long NOW = PartitionInterval.ordinalOf(LocalDateTime.of(2026, 12, 3, 14, 0));
    private static final PartitionInterval MONTH = PartitionInterval.parse("1 month", KeyType.TIMESTAMPTZ);

    private static PartitionSet monthly(int premake, String retention, String action, String grace) {
        return new PartitionSet(
                "public",
                "events",
                PartitionSet.RANGE,
                "at",
                KeyType.TIMESTAMPTZ,
                "1 month",
                premake,
                retention,
                action,
                grace,
                null,
                "2");
    }

    private static PartitionCatalog.Partition month(int offset) {
        long b = MONTH.bucketOf(NOW) + offset;
        return new PartitionCatalog.Partition(
                MONTH.partitionName("events", b), false, new PartitionBound(MONTH.lower(b), MONTH.lower(b + 1)), false);
    }

    private static PartitionPlanner.Facts facts(List<PartitionCatalog.Partition> partitions, Set<Long> inDefault) {
        List<PartitionCatalog.Partition> all = new ArrayList<>(partitions);
        all.add(new PartitionCatalog.Partition("events_default", true, null, false));
        return new PartitionPlanner.Facts(new PartitionCatalog.Parent(true, all), NOW, null, inDefault, List.of());
    }

    @Test
    void createsTheCurrentPartitionAndPremakeAhead() {
        PartitionPlan plan = PartitionPlanner.plan(monthly(2, null, "detach", null), facts(List.of(), Set.of()));
        assertThat(plan.steps())
                .extracting(PartitionStep::kind, PartitionStep::partition)
                .containsExactly(
                        tuple(PartitionStep.Kind.CREATE, "events_p2026_12"),
                        tuple(PartitionStep.Kind.CREATE, "events_p2027_01"),
                        tuple(PartitionStep.Kind.CREATE, "events_p2027_02"));
    }

    @Test
    void aSetThatIsUpToDatePlansNothing() {
        PartitionPlan plan = PartitionPlanner.plan(
                monthly(2, null, "detach", null), facts(List.of(month(0), month(1), month(2)), Set.of()));
        assertThat(plan.empty()).isTrue();
    }

    @Test
    void rowsInTheDefaultPartitionAreMovedIntoAPartitionOfTheirOwn() {
        long lastMonth = MONTH.bucketOf(NOW) - 1;
        PartitionPlan plan = PartitionPlanner.plan(
                monthly(1, null, "detach", null), facts(List.of(month(0), month(1)), Set.of(lastMonth)));
        assertThat(plan.steps())
                .extracting(PartitionStep::kind, PartitionStep::partition)
                .containsExactly(tuple(PartitionStep.Kind.MOVE, "events_p2026_11"));
    }

    @Test
    void retentionDetachesOldPartitionsButNeverTheLast() {
        PartitionPlan plan = PartitionPlanner.plan(
                monthly(1, "3 months", "drop", "7 days"),
                facts(List.of(month(-6), month(-5), month(-3), month(0), month(1)), Set.of()));
        assertThat(plan.steps())
                .extracting(PartitionStep::kind, PartitionStep::partition)
                .containsExactly(
                        tuple(PartitionStep.Kind.DETACH, "events_p2026_06"),
                        tuple(PartitionStep.Kind.DETACH, "events_p2026_07"));
        assertThat(plan.steps().get(0).dropAfter()).isEqualTo(NOW + 7 * 86400);

        PartitionPlan onlyOld = PartitionPlanner.plan(
                monthly(0, "1 month", "detach", null),
                new PartitionPlanner.Facts(
                        new PartitionCatalog.Parent(true, List.of(month(-6), month(-5))),
                        NOW,
                        null,
                        Set.of(),
                        List.of()));
        assertThat(onlyOld.steps())
                .as("the old ones go only once a new one is made before them")
                .extracting(PartitionStep::kind, PartitionStep::partition)
                .containsExactly(
                        tuple(PartitionStep.Kind.CREATE, "events_p2026_12"),
                        tuple(PartitionStep.Kind.DETACH, "events_p2026_06"),
                        tuple(PartitionStep.Kind.DETACH, "events_p2026_07"));
    }

    @Test
    void detachedPartitionsAreDroppedAfterTheirGraceAndAnInterruptedDetachIsFinished() {
        PartitionCatalog.Partition pending = new PartitionCatalog.Partition(
                "events_p2026_01", false, month(-11).bound(), true);
        PartitionPlanner.Facts facts = new PartitionPlanner.Facts(
                new PartitionCatalog.Parent(true, List.of(pending, month(0), month(1))),
                NOW,
                null,
                Set.of(),
                List.of(
                        new PartitionSets.Detached("public", "events_p2025_11", "events", NOW - 1, false),
                        new PartitionSets.Detached("public", "events_p2025_12", "events", NOW + 1, false),
                        new PartitionSets.Detached("public", "events_p2025_10", "events", null, false)));
        assertThat(PartitionPlanner.plan(monthly(1, null, "drop", "7 days"), facts)
                        .steps())
                .extracting(PartitionStep::kind, PartitionStep::partition)
                .containsExactly(
                        tuple(PartitionStep.Kind.FINALIZE, "events_p2026_01"),
                        tuple(PartitionStep.Kind.DROP, "events_p2025_11"));
    }

    @Test
    void anIntegerSetKeepsPremakePartitionsAboveItsLargestKey() {
        PartitionSet ids = new PartitionSet(
                "public",
                "ledger",
                PartitionSet.RANGE,
                "id",
                KeyType.INTEGER,
                "1000",
                2,
                null,
                "detach",
                null,
                null,
                "3");
        PartitionPlan plan = PartitionPlanner.plan(
                ids,
                new PartitionPlanner.Facts(
                        new PartitionCatalog.Parent(
                                true,
                                List.of(new PartitionCatalog.Partition(
                                        "ledger_p0", false, new PartitionBound(0, 1000), false))),
                        NOW,
                        1500L,
                        Set.of(),
                        List.of()));
        assertThat(plan.steps())
                .extracting(PartitionStep::partition)
                .containsExactly("ledger_p1000", "ledger_p2000", "ledger_p3000");
    }
}
