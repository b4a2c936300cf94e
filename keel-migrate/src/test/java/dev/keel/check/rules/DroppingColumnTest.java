package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class DroppingColumnTest {
    private final DroppingColumn rule = new DroppingColumn();

    @Test
    void errDropColumn() {
        assertThat(RuleCheck.where(rule, 17, "alter table users drop column email;"))
                .containsExactly("V1.sql:1:19 dropping-column");
        var finding =
                RuleCheck.run(rule, 17, "alter table users drop column email;").get(0);
        assertThat(finding.message())
                .isEqualTo("dropping column email of users breaks the application version still running:"
                        + " its queries that read or write email fail");
        assertThat(finding.fix()).contains("-- keel:allow dropping-column");
    }

    @Test
    void errEachDroppedColumn() {
        assertThat(RuleCheck.where(rule, 17, "ALTER TABLE users DROP IF EXISTS a, DROP COLUMN b CASCADE;"))
                .containsExactly("V1.sql:1:19 dropping-column", "V1.sql:1:37 dropping-column");
    }

    @Test
    void okDroppingAConstraintOrAColumnProperty() {
        assertThat(RuleCheck.where(rule, 17, "alter table users drop constraint users_email_key;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "alter table users alter column email drop default, alter email drop not null;"))
                .isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(
                        rule, 17, "create table users (email text);", "alter table users drop column email;"))
                .isEmpty();
    }

    @Test
    void okAColumnTheMigrationsAdded() {
        assertThat(RuleCheck.where(
                        rule, 17, "alter table users add column nick text;", "alter table users drop column nick;"))
                .isEmpty();
    }
}
