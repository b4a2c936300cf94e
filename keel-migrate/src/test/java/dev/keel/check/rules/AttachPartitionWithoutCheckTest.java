package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class AttachPartitionWithoutCheckTest {
    private final AttachPartitionWithoutCheck rule = new AttachPartitionWithoutCheck();

    @Test
    void errAttachingAnExistingTableWithoutAProvingCheck() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"))
                .containsExactly("V1.sql:1:20 attach-partition-without-check");
    }

    @Test
    void okWithAValidatedCheck() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "ALTER TABLE events_2026 ADD CONSTRAINT b CHECK (at >= '2026-01-01' AND at < '2027-01-01') NOT VALID;",
                                "ALTER TABLE events_2026 VALIDATE CONSTRAINT b;",
                                "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"))
                .isEmpty();
    }

    @Test
    void errWhenTheCheckIsNotValidatedYet() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "ALTER TABLE events_2026 ADD CONSTRAINT b CHECK (at >= '2026-01-01') NOT VALID;",
                                "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"))
                .hasSize(1);
    }

    @Test
    void okForATableTheMigrationsCreate() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "CREATE TABLE events_2026 (id bigint, at date);\n"
                                        + "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"))
                .isEmpty();
    }

    @Test
    void theMessageSaysWhatIsLockedAndTheFix() {
        var finding = RuleCheck.run(rule, 17, "ALTER TABLE events ATTACH PARTITION events_2026 DEFAULT;")
                .get(0);
        assertThat(finding.message())
                .isEqualTo("ATTACH PARTITION reads every row of events_2026 to prove it fits the bounds, holding an"
                        + " ACCESS EXCLUSIVE lock on events_2026 for the whole scan");
        assertThat(finding.fix()).contains("NOT VALID").contains("VALIDATE CONSTRAINT events_2026_bounds");
    }
}
