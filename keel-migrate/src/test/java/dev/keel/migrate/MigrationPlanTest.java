package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {
    private static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    private static MigrationScript versioned(String version) {
        return versioned(version, "CREATE TABLE t" + version.replace('.', '_') + " (a int);\n");
    }

    private static MigrationScript versioned(String version, String content) {
        String name = "V" + version + "__step.sql";
        return new MigrationScript(
                MigrationVersion.parse(version),
                "step",
                MigrationType.VERSIONED,
                name,
                "db/migrations/" + name,
                content,
                Checksum.of(content));
    }

    private static MigrationScript repeatable(String description, String content) {
        String name = "R__" + description.replace(' ', '_') + ".sql";
        return new MigrationScript(
                null,
                description,
                MigrationType.REPEATABLE,
                name,
                "db/migrations/" + name,
                content,
                Checksum.of(content));
    }

    /** Builds history rows in installation order. */
    private static final class History {
        private final List<AppliedMigration> rows = new ArrayList<>();

        History applied(MigrationScript script) {
            return row(script.version(), script.description(), script.type(), script.script(), script.checksum(), true);
        }

        History appliedWithChecksum(MigrationScript script, Integer checksum) {
            return row(script.version(), script.description(), script.type(), script.script(), checksum, true);
        }

        History failed(MigrationScript script) {
            return row(
                    script.version(), script.description(), script.type(), script.script(), script.checksum(), false);
        }

        History baseline(String version) {
            return row(
                    MigrationVersion.parse(version),
                    "<< baseline >>",
                    MigrationType.BASELINE,
                    "<< baseline >>",
                    null,
                    true);
        }

        History row(
                MigrationVersion version,
                String description,
                MigrationType type,
                String script,
                Integer checksum,
                boolean success) {
            rows.add(new AppliedMigration(
                    rows.size() + 1, version, description, type, script, checksum, "keel", WHEN, 12, success));
            return this;
        }

        List<AppliedMigration> rows() {
            return List.copyOf(rows);
        }
    }

    private static MigrationPlan plan(List<MigrationScript> scripts, History history) {
        return MigrationPlan.of(scripts, history.rows(), false, null);
    }

    @Test
    void everythingIsPendingOnAnEmptyHistory() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");
        MigrationScript view = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationPlan plan = plan(List.of(v1, v2, view), new History());

        assertThat(plan.pending()).containsExactly(v1, v2, view);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.firstProblem()).isEmpty();
        assertThat(plan.current()).isNull();
        assertThat(plan.baseline()).isNull();
    }

    @Test
    void appliedVersionsAreNotPending() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");
        MigrationScript v3 = versioned("3");

        MigrationPlan plan = plan(List.of(v1, v2, v3), new History().applied(v1).applied(v2));

        assertThat(plan.pending()).containsExactly(v3);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.current()).isEqualTo(MigrationVersion.parse("2"));
    }

    @Test
    void aNewRepeatableIsPending() {
        MigrationScript v1 = versioned("1");
        MigrationScript view = repeatable("order totals", "CREATE OR REPLACE VIEW totals AS SELECT 1;");

        MigrationPlan plan = plan(List.of(v1, view), new History().applied(v1));

        assertThat(plan.pending()).containsExactly(view);
    }

    @Test
    void aRepeatableWhoseChecksumChangedIsPendingAgain() {
        MigrationScript before = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        MigrationScript after = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 2;");

        MigrationPlan plan = plan(List.of(after), new History().applied(before));

        assertThat(plan.pending()).containsExactly(after);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void anUnchangedRepeatableIsNotPending() {
        MigrationScript view = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationPlan plan = plan(List.of(view), new History().applied(view));

        assertThat(plan.pending()).isEmpty();
    }

    @Test
    void theLatestRunOfARepeatableCounts() {
        MigrationScript first = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 1;");
        MigrationScript second = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 2;");

        MigrationPlan plan = plan(List.of(second), new History().applied(first).applied(second));

        assertThat(plan.pending()).isEmpty();
    }

    @Test
    void aRepeatableWhoseLastRunFailedIsPending() {
        MigrationScript view = repeatable("view", "CREATE OR REPLACE VIEW v AS SELECT 1;");

        MigrationPlan plan = plan(List.of(view), new History().failed(view));

        assertThat(plan.pending()).containsExactly(view);
    }

    @Test
    void aTargetStopsAfterItsVersion() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");
        MigrationScript v21 = versioned("2.1");
        MigrationScript v3 = versioned("3");

        MigrationPlan plan = MigrationPlan.of(List.of(v1, v2, v21, v3), List.of(), false, MigrationVersion.parse("2"));

        assertThat(plan.pending()).containsExactly(v1, v2);
    }

    @Test
    void aBaselineHidesVersionsUpToIt() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");
        MigrationScript v3 = versioned("3");
        MigrationScript v4 = versioned("4");

        MigrationPlan plan = plan(List.of(v1, v2, v3, v4), new History().baseline("3"));

        assertThat(plan.pending()).containsExactly(v4);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.baseline()).isEqualTo(MigrationVersion.parse("3"));
        assertThat(plan.current()).isEqualTo(MigrationVersion.parse("3"));
    }

    @Test
    void aScriptChangedAfterItWasAppliedIsAProblem() {
        MigrationScript original = versioned("1", "CREATE TABLE t (a int);");
        MigrationScript edited = versioned("1", "CREATE TABLE t (a bigint);");

        MigrationPlan plan = plan(List.of(edited), new History().applied(original));

        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ValidationProblem.Kind.CHECKSUM_CHANGED);
            assertThat(p.migration()).isEqualTo("V1");
            assertThat(p.message())
                    .isEqualTo("V1__step.sql was changed after it was applied (checksum " + original.checksum()
                            + " in history, " + edited.checksum() + " on disk)");
        });
        assertThat(plan.pending()).isEmpty();
    }

    @Test
    void equalChecksumsOutsideTheSmallIntegerCacheAreEqual() {
        MigrationScript script = versioned("1", "CREATE TABLE big_checksum (a int);");
        assertThat(Math.abs((long) script.checksum())).isGreaterThan(127L);

        MigrationPlan plan =
                plan(List.of(script), new History().appliedWithChecksum(script, Integer.valueOf(script.checksum())));

        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aHistoryRowWithoutChecksumIsNotCompared() {
        MigrationScript v1 = versioned("1");

        MigrationPlan plan = plan(List.of(v1), new History().appliedWithChecksum(v1, null));

        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void anAppliedMigrationWhoseFileIsGoneIsAProblem() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");

        MigrationPlan plan = plan(List.of(v2), new History().applied(v1).applied(v2));

        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ValidationProblem.Kind.MISSING_FILE);
            assertThat(p.migration()).isEqualTo("V1");
            assertThat(p.message()).isEqualTo("V1 (V1__step.sql) was applied but is no longer among the migrations");
        });
    }

    @Test
    void aPendingVersionBelowTheCurrentOneIsOutOfOrder() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");
        MigrationScript v3 = versioned("3");

        MigrationPlan plan = plan(List.of(v1, v2, v3), new History().applied(v1).applied(v3));

        assertThat(plan.pending()).isEmpty();
        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ValidationProblem.Kind.OUT_OF_ORDER);
            assertThat(p.migration()).isEqualTo("V2");
            assertThat(p.message()).isEqualTo("V2__step.sql is pending but the database is already at version 3");
        });
    }

    @Test
    void outOfOrderAllowsAPendingVersionBelowTheCurrentOne() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");
        MigrationScript v3 = versioned("3");
        MigrationScript v4 = versioned("4");

        MigrationPlan plan = MigrationPlan.of(
                List.of(v1, v2, v3, v4), new History().applied(v1).applied(v3).rows(), true, null);

        assertThat(plan.pending()).containsExactly(v2, v4);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aRowThatFailedEarlierIsAProblemAndNotRetried() {
        MigrationScript v1 = versioned("1");
        MigrationScript v2 = versioned("2");

        MigrationPlan plan = plan(List.of(v1, v2), new History().applied(v1).failed(v2));

        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ValidationProblem.Kind.FAILED_EARLIER);
            assertThat(p.migration()).isEqualTo("V2");
            assertThat(p.message()).isEqualTo("V2 (V2__step.sql) failed on an earlier run and may be partly applied");
        });
        assertThat(plan.pending()).isEmpty();
        assertThat(plan.current()).isEqualTo(MigrationVersion.parse("1"));
    }

    @Test
    void currentIsTheHighestSuccessfulVersionNotTheLastApplied() {
        MigrationScript v12 = versioned("1.2");
        MigrationScript v110 = versioned("1.10");
        MigrationScript v19 = versioned("1.9");

        MigrationPlan plan = MigrationPlan.of(
                List.of(v12, v19, v110),
                new History().applied(v12).applied(v110).applied(v19).rows(),
                true,
                null);

        assertThat(plan.current()).isEqualTo(MigrationVersion.parse("1.10"));
    }

    @Test
    void aBaselineAboveTheAppliedVersionsIsCurrent() {
        MigrationScript v1 = versioned("1");

        MigrationPlan plan = plan(List.of(v1), new History().applied(v1).baseline("5"));

        assertThat(plan.current()).isEqualTo(MigrationVersion.parse("5"));
    }

    private static MigrationScript change(String version) {
        String name = "V" + version + "__change.yaml";
        String content = "operations:\n  - rename_column: {table: t, from: a, to: b}\n";
        return new MigrationScript(
                MigrationVersion.parse(version),
                "change",
                MigrationType.CHANGE,
                name,
                "db/migrations/" + name,
                content,
                Checksum.of(content));
    }

    private static AppliedMigration changeRow(MigrationScript script, String phase) {
        return new AppliedMigration(
                1,
                script.version(),
                script.description(),
                MigrationType.CHANGE,
                script.script(),
                script.checksum(),
                "keel",
                WHEN,
                5,
                true,
                phase);
    }

    @Test
    void anActiveOrCompletedChangeCountsAsAppliedAndARolledBackOneIsPendingAgain() {
        MigrationScript one = versioned("1");
        MigrationScript two = change("2");
        List<MigrationScript> scripts = List.of(one, two);
        List<AppliedMigration> active = new ArrayList<>(new History().applied(one).rows);
        active.add(changeRow(two, AppliedMigration.ACTIVE));
        MigrationPlan plan = MigrationPlan.of(scripts, active, false, null);
        assertThat(plan.pending()).isEmpty();
        assertThat(plan.current()).isEqualTo(MigrationVersion.parse("2"));

        List<AppliedMigration> rolledBack = new ArrayList<>(new History().applied(one).rows);
        rolledBack.add(changeRow(two, AppliedMigration.ROLLED_BACK));
        MigrationPlan again = MigrationPlan.of(scripts, rolledBack, false, null);
        assertThat(again.pending()).containsExactly(two);
        assertThat(again.current()).isEqualTo(MigrationVersion.parse("1"));
        assertThat(again.problems()).isEmpty();
    }
}
