package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class SettingNotNullTest {
    private final SettingNotNull rule = new SettingNotNull();

    private static final String ADD_CHECK =
            "alter table users add constraint users_email_not_null check (email is not null) not valid;";
    private static final String VALIDATE = "alter table users validate constraint users_email_not_null;";
    private static final String SET_NOT_NULL = "alter table users alter column email set not null;";

    @Test
    void errSetNotNull() {
        assertThat(RuleCheck.where(rule, 17, SET_NOT_NULL)).containsExactly("V1.sql:1:19 setting-not-null");
        var finding = RuleCheck.run(rule, 17, SET_NOT_NULL).get(0);
        assertThat(finding.message())
                .isEqualTo(
                        "SET NOT NULL on users.email reads every row of users while holding an ACCESS EXCLUSIVE lock:"
                                + " reads and writes wait for the whole scan");
        assertThat(finding.fix())
                .startsWith("ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;"
                        + " then, in a later migration, ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;"
                        + " ALTER TABLE users ALTER COLUMN email SET NOT NULL;")
                .contains("DROP CONSTRAINT users_email_not_null");
    }

    @Test
    void okAfterAValidatedCheck() {
        assertThat(RuleCheck.where(rule, 17, ADD_CHECK, VALIDATE + "\n" + SET_NOT_NULL))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 12, ADD_CHECK, VALIDATE, "ALTER TABLE users ALTER email SET NOT NULL;"))
                .isEmpty();
    }

    @Test
    void errCheckNotValidatedYet() {
        assertThat(RuleCheck.where(rule, 17, ADD_CHECK, SET_NOT_NULL)).containsExactly("V2.sql:1:19 setting-not-null");
    }

    @Test
    void errBefore12EvenWithAValidatedCheck() {
        var findings = RuleCheck.run(rule, 11, ADD_CHECK, VALIDATE, SET_NOT_NULL);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).fix()).startsWith("before PostgreSQL 12 SET NOT NULL always scans");
    }

    @Test
    void errCheckOnAnotherColumnOrTable() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table users add constraint n check (name is not null) not valid;",
                        "alter table users validate constraint n;",
                        SET_NOT_NULL))
                .hasSize(1);
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table admins add constraint users_email_not_null check (email is not null) not valid;",
                        "alter table admins validate constraint users_email_not_null;",
                        SET_NOT_NULL))
                .hasSize(1);
    }

    @Test
    void errCheckDroppedBeforehand() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        ADD_CHECK,
                        VALIDATE,
                        "alter table users drop constraint users_email_not_null;",
                        SET_NOT_NULL))
                .hasSize(1);
    }

    @Test
    void okUnnamedCheckValidatedByTheNamePostgresGivesIt() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table users add check (email is not null) not valid;",
                        "alter table users validate constraint users_email_check;",
                        SET_NOT_NULL))
                .isEmpty();
    }

    @Test
    void okCheckAddedValid() {
        assertThat(RuleCheck.where(
                        rule, 17, "alter table users add constraint c check ((email IS NOT NULL));", SET_NOT_NULL))
                .isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreatedOrDroppingNotNull() {
        assertThat(RuleCheck.where(rule, 17, "create table users (email text);", SET_NOT_NULL))
                .isEmpty();
        assertThat(RuleCheck.where(rule, 17, "alter table users alter column email drop not null;"))
                .isEmpty();
    }
}
