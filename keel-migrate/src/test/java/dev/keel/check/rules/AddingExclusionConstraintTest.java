package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class AddingExclusionConstraintTest {
    private final AddingExclusionConstraint rule = new AddingExclusionConstraint();

    @Test
    void errExclusionConstraint() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table bookings add constraint no_overlap exclude using gist (room with =, during with &&);"))
                .containsExactly("V1.sql:1:22 adding-exclusion-constraint");
        assertThat(RuleCheck.where(rule, 17, "ALTER TABLE bookings ADD EXCLUDE USING gist (room WITH =);"))
                .hasSize(1);
    }

    @Test
    void theMessageSaysWhatIsLockedAndThatNoNotValidExists() {
        var finding = RuleCheck.run(rule, 17, "alter table bookings add exclude using gist (room with =);")
                .get(0);
        assertThat(finding.message())
                .contains("bookings")
                .contains("checks every row")
                .contains("ACCESS EXCLUSIVE");
        assertThat(finding.fix()).startsWith("there is no NOT VALID or USING INDEX for EXCLUDE");
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "create table bookings (room int, during tstzrange);",
                                "alter table bookings add constraint no_overlap exclude using gist (room with =, during with &&);"))
                .isEmpty();
    }

    @Test
    void okOtherAdditions() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table bookings add column exclude_reason text, add constraint c check (room > 0) not valid;"))
                .isEmpty();
    }
}
