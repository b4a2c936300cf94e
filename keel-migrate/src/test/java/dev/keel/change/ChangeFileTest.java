package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.change.ops.AddColumn;
import dev.keel.change.ops.RenameColumn;
import dev.keel.check.Finding;
import org.junit.jupiter.api.Test;

class ChangeFileTest {

    @Test
    void readsOperationsInOrder() {
        ChangeFile file = ChangeFile.parse("V8__x.yaml", """
                operations:
                  - rename_column: {table: orders, from: note, to: comment}
                  - add_column: {table: orders, column: {name: status, type: text, default: "'new'"}}
                """);
        assertThat(file.findings().all()).isEmpty();
        assertThat(file.schema()).isEqualTo("public");
        assertThat(file.operations()).extracting(Operation::kind).containsExactly(RenameColumn.KIND, AddColumn.KIND);
        assertThat(file.operations().get(1).at().line()).isEqualTo(3);
    }

    @Test
    void anUnknownOperationIsFoundAtItsLineAndColumnWithTheNearestName() {
        ChangeFile file = ChangeFile.parse("V8__x.yaml", "operations:\n  - rename_colum: {table: t, from: a, to: b}\n");
        Finding f = file.findings().all().get(0);
        assertThat(f.rule()).isEqualTo("change-unknown-operation");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.column()).isEqualTo(5);
        assertThat(f.fix()).contains("rename_column");
    }

    @Test
    void anUnknownKeyIsFoundAtTheKey() {
        ChangeFile file = ChangeFile.parse(
                "V8__x.yaml", "operations:\n  - rename_column:\n      table: t\n      form: a\n      to: b\n");
        assertThat(file.findings().all())
                .extracting(Finding::rule, Finding::line, Finding::column)
                .contains(tuple("change-unknown-key", 4, 7), tuple("change-missing-key", 3, 7));
    }

    @Test
    void malformedYamlIsAFindingNotACrash() {
        ChangeFile file = ChangeFile.parse("V8__x.yaml", "operations: [\n");
        assertThat(file.findings().all()).extracting(Finding::rule).containsExactly("change-malformed");
    }

    @Test
    void rawSqlIsFlaggedOffline() {
        assertThat(ChangeLint.offline("V8__x.yaml", "operations:\n  - raw_sql: {up: \"select 1\"}\n"))
                .extracting(Finding::rule, Finding::line)
                .containsExactly(tuple(ChangeLint.RAW_SQL, 2));
    }

    @Test
    void findingsWhileReadingAnOperationNameIt() {
        ChangeFile file = ChangeFile.parse("V8__x.yaml", """
                operations:
                  - rename_column: {table: orders, from: note, to: comment}
                  - alter_column: {table: orders, column: amount, typo: bigint}
                  - rename_colum: {table: t, from: a, to: b}
                  - just a string
                """);
        assertThat(file.findings().all())
                .extracting(Finding::rule, Finding::message)
                .containsExactly(
                        tuple(
                                "change-unknown-key",
                                "operation 2 (alter_column on orders.amount): alter_column has no key 'typo'"),
                        tuple(
                                "change-unknown-operation",
                                "operation 3 (rename_colum on t): unknown operation 'rename_colum'"),
                        tuple(
                                "change-malformed",
                                "operation 4: each operation is a mapping with one key, the operation's name"));
        assertThat(file.steps())
                .extracting(s -> s.label().toString())
                .containsExactly(
                        "operation 1 (rename_column on orders.note)", "operation 2 (alter_column on orders.amount)");
    }

    @Test
    void findingsAboutTheWholeFileNameNoOperation() {
        ChangeFile file = ChangeFile.parse("V8__x.yaml", "operation:\n  - raw_sql: {up: \"select 1\"}\n");
        assertThat(file.findings().all())
                .extracting(Finding::message)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m).doesNotStartWith("operation "));
    }

    @Test
    void rawSqlIsFlaggedWithItsPlaceInTheFile() {
        assertThat(
                        ChangeLint.offline(
                                "V8__x.yaml",
                                "operations:\n  - rename_column: {table: t, from: a, to: b}\n  - raw_sql: {up: \"select 1\"}\n"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("operation 2 (raw_sql): raw_sql runs SQL"));
    }
}
