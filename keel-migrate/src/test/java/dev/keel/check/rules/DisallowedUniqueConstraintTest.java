package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class DisallowedUniqueConstraintTest {
    private final DisallowedUniqueConstraint rule = new DisallowedUniqueConstraint();

    @Test
    void errUniqueConstraint() {
        assertThat(RuleCheck.where(rule, 17, "alter table users add constraint users_email_key unique (email);"))
                .containsExactly("V1.sql:1:19 disallowed-unique-constraint");
        var finding = RuleCheck.run(rule, 17, "alter table users add unique nulls not distinct (email);")
                .get(0);
        assertThat(finding.message())
                .isEqualTo(
                        "adding a UNIQUE constraint to users builds its unique index while holding an ACCESS EXCLUSIVE lock:"
                                + " reads and writes wait for the whole build");
        assertThat(finding.fix())
                .startsWith("CREATE UNIQUE INDEX CONCURRENTLY")
                .contains("ADD CONSTRAINT … UNIQUE USING INDEX");
    }

    @Test
    void errPrimaryKey() {
        var finding = RuleCheck.run(rule, 17, "ALTER TABLE users ADD PRIMARY KEY (id);")
                .get(0);
        assertThat(finding.message()).contains("PRIMARY KEY constraint to users");
        assertThat(finding.fix()).contains("PRIMARY KEY USING INDEX").contains("NOT NULL");
    }

    @Test
    void errUsingIndexTablespaceBuildsANewIndex() {
        assertThat(RuleCheck.where(
                        rule, 17, "alter table users add constraint k unique (email) using index tablespace fast;"))
                .hasSize(1);
    }

    @Test
    void errNewColumnDeclaredUnique() {
        var finding = RuleCheck.run(rule, 17, "alter table users add column handle text unique;")
                .get(0);
        assertThat(finding.message()).startsWith("adding column handle as UNIQUE to users");
        assertThat(finding.fix()).startsWith("add the column without it;");
    }

    @Test
    void okUsingAnIndexBuiltConcurrently() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "alter table users add constraint users_email_key unique using index users_email_idx;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;"))
                .isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(
                        rule,
                        17,
                        "create table users (id int, email text);",
                        "alter table users add primary key (id), add unique (email);"))
                .isEmpty();
    }

    @Test
    void okOtherAdditions() {
        assertThat(RuleCheck.where(
                        rule, 17, "alter table users add constraint c check (id > 0) not valid, add column note text;"))
                .isEmpty();
    }
}
