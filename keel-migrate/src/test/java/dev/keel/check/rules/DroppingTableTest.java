package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.RuleCheck;
import org.junit.jupiter.api.Test;

class DroppingTableTest {
    private final DroppingTable rule = new DroppingTable();

    @Test
    void errDropTable() {
        assertThat(RuleCheck.where(rule, 17, "drop table users;")).containsExactly("V1.sql:1:12 dropping-table");
        var finding = RuleCheck.run(rule, 17, "drop table users;").get(0);
        assertThat(finding.message())
                .isEqualTo("dropping table users breaks the application version still running:"
                        + " its queries on users fail, and the rows are gone");
        assertThat(finding.fix()).contains("-- keel:allow dropping-table");
    }

    @Test
    void errEachTableThatExistedBefore() {
        assertThat(RuleCheck.where(
                        rule, 17, "create table tmp (x int);\ndrop table if exists tmp, users, audit.log cascade;"))
                .containsExactly("V1.sql:2:27 dropping-table", "V1.sql:2:34 dropping-table");
    }

    @Test
    void okOnATableTheMigrationsCreated() {
        assertThat(RuleCheck.where(rule, 17, "create table t (x int);", "DROP TABLE IF EXISTS t;"))
                .isEmpty();
    }

    @Test
    void okOtherDrops() {
        assertThat(RuleCheck.where(rule, 17, "drop index users_email;\ndrop view users_v;"))
                .isEmpty();
    }
}
