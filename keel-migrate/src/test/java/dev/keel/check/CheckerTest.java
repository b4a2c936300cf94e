package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.rules.RequireConcurrentIndexCreation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private final Checker checker = new Checker(List.of(new RequireConcurrentIndexCreation()), 17);

    @Test
    void aWaiverWithAReasonTakesTheFindingBack() {
        CheckReport report = checker.check(List.of(new CheckInput("V1.sql", """
                -- keel:allow require-concurrent-index-creation orders has 12 rows in every environment
                create index orders_status on orders (status);
                """)));
        assertThat(report.findings()).isEmpty();
        assertThat(report.waived())
                .extracting(CheckReport.Waived::reason)
                .containsExactly("orders has 12 rows in every environment");
    }

    @Test
    void aWaiverWithoutAReasonWaivesNothingAndIsAnErrorItself() {
        CheckReport report = checker.check(List.of(new CheckInput("V1.sql", """
                -- keel:allow require-concurrent-index-creation
                create index orders_status on orders (status);
                """)));
        assertThat(report.findings())
                .extracting(Finding::rule)
                .containsExactlyInAnyOrder(Checker.WAIVER_RULE, "require-concurrent-index-creation");
    }

    @Test
    void aWaiverCoversOnlyTheStatementBelowIt() {
        CheckReport report = checker.check(List.of(new CheckInput("V1.sql", """
                -- keel:allow require-concurrent-index-creation tiny table
                create index a_x on a (x);
                create index b_x on b (x);
                """)));
        assertThat(report.findings()).extracting(Finding::line).containsExactly(3);
    }

    @Test
    void tablesCreatedByEarlierFilesAreNew() {
        CheckReport report = checker.check(List.of(
                new CheckInput("V1.sql", "create table a (x int);"),
                new CheckInput("V2.sql", "create index a_x on a (x);")));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void unsplittableSqlIsAFindingNotACrash() {
        CheckReport report = checker.check(List.of(new CheckInput("V1.sql", "select 'open")));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Checker.SYNTAX_RULE);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.column()).isEqualTo(8);
        });
    }

    @Test
    void findingsCarryTheLineTheyPointAt() {
        CheckReport report =
                checker.check(List.of(new CheckInput("V1.sql", "select 1;\n  create index a_x on a (x);")));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.column()).isEqualTo(3);
            assertThat(f.excerpt()).isEqualTo("  create index a_x on a (x);");
        });
    }
}
