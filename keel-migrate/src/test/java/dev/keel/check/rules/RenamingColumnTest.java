package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class RenamingColumnTest {
    private final RenamingColumn rule = new RenamingColumn();

    @Test
    void errRenameColumn() {
        assertThat(RuleCheck.where(rule, 17, "alter table users rename column email to email_address;"))
                .containsExactly("V1.sql:1:19 renaming-column");
        assertThat(RuleCheck.run(rule, 17, "ALTER TABLE users RENAME email TO mail;")
                        .get(0)
                        .message())
                .isEqualTo(
                        "renaming column email of users breaks the application version still running: its queries name email until it is replaced");
    }

    @Test
    void okRenamingAConstraintOrTheTable() {
        assertThat(RuleCheck.where(rule, 17, "alter table users rename constraint users_a to users_b;"))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table users rename to members;"))
                .isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(
                        rule, 17, "create table users (email text);", "alter table users rename column email to mail;"))
                .isEmpty();
    }

    @Test
    void okAColumnTheMigrationsAdded() {
        assertThat(
                        RuleCheck.where(
                                rule,
                                17,
                                "alter table users add column nick text;",
                                "alter table users rename column nick to nickname;\nalter table users rename nickname to handle;"))
                .isEmpty();
    }
}
