package dev.keel.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckInput;
import dev.keel.check.Checker;
import dev.keel.check.Finding;
import dev.keel.check.RuleCheck;
import dev.keel.check.Severity;
import dev.keel.check.TargetWith;
import java.util.List;
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
        assertThat(RuleCheck.where(rule, 17, "create table tmp (x int);\ndrop table tmp, users, audit.log cascade;"))
                .containsExactly("V1.sql:2:17 dropping-table", "V1.sql:2:24 dropping-table");
    }

    /** Regression: a clean-up of a table nobody mentions was reported as certain data loss without a target. */
    @Test
    void warnOnlyOnAnUnknownTableUnderIfExistsWithoutATarget() {
        List<Finding> findings = RuleCheck.run(rule, 17, "drop table if exists legacy_sessions;");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("no target database was consulted");
        });
    }

    @Test
    void errUnderIfExistsOnATableTheFilesShowExisted() {
        // An earlier file altered it, and the files did not create it: it is there, with its rows.
        List<Finding> findings =
                RuleCheck.run(rule, 17, "alter table sessions add column note text;", "drop table if exists sessions;");

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void errUnderIfExistsWhenTheTargetHasTheTable() {
        List<Finding> findings = new Checker(List.of(rule), 17)
                .check(
                        List.of(new CheckInput("V1.sql", "drop table if exists sessions;")),
                        TargetWith.table("sessions", 1200))
                .findings();

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void okUnderIfExistsWhenTheTargetLacksTheTable() {
        List<Finding> findings = new Checker(List.of(rule), 17)
                .check(
                        List.of(new CheckInput("V1.sql", "drop table if exists legacy_sessions;")),
                        TargetWith.table("sessions", 1200))
                .findings();

        assertThat(findings).isEmpty();
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
