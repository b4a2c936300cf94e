package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class RenamingTableTest {
    private final RenamingTable rule = new RenamingTable();

    @Test
    void errRenameTo() {
        assertThat(RuleCheck.where(rule, 17, "alter table users rename to members;"))
                .containsExactly("V1.sql:1:19 renaming-table");
        var finding = RuleCheck.run(rule, 17, "ALTER TABLE IF EXISTS users RENAME TO members;")
                .get(0);
        assertThat(finding.message())
                .startsWith("renaming table users to members breaks the application version still running");
        assertThat(finding.fix()).contains("CREATE VIEW users AS SELECT * FROM members");
    }

    @Test
    void errSetSchema() {
        var finding = RuleCheck.run(rule, 17, "alter table public.users set schema archive;")
                .get(0);
        assertThat(finding.message()).startsWith("moving table public.users to schema archive breaks");
        assertThat(finding.fix()).contains("CREATE VIEW public.users AS SELECT * FROM archive.users");
    }

    @Test
    void okRenamingAColumnOrOtherSets() {
        assertThat(RuleCheck.where(rule, 17, "alter table users rename column a to b;"))
                .isEmpty();
        assertThat(RuleCheck.where(
                        rule, 17, "alter table users set (fillfactor = 70);\nalter table users set tablespace fast;"))
                .isEmpty();
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(
                        rule, 17, "create table users_new (id int);", "alter table users_new rename to users_v2;"))
                .isEmpty();
    }
}
