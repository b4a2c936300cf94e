package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import org.junit.jupiter.api.Test;

class ChangeFindingsTest {
    private static final YamlNode.Position AT = new YamlNode.Position(3, 7);

    @Test
    void aFindingAboutAnOperationNamesItAndSharesTheFilesList() {
        ChangeFindings file = new ChangeFindings("V8__x.yaml");
        ChangeFindings op = file.about(new OperationLabel(2, "alter_column", "orders", "amount", null));
        op.error("change-missing-column", AT, "column amount does not exist in orders", "check the name");
        file.warning("change-unknown-key", new YamlNode.Position(1, 1), "a change file has no key 'x'", "");

        assertThat(file.all())
                .extracting(Finding::message)
                .containsExactly(
                        "operation 2 (alter_column on orders.amount): column amount does not exist in orders",
                        "a change file has no key 'x'");
        assertThat(op.all()).hasSize(2);
        assertThat(file.hasErrors()).isTrue();
        Finding f = file.all().get(0);
        assertThat(f.file()).isEqualTo("V8__x.yaml");
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.column()).isEqualTo(7);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.source()).isEqualTo(ChangeFindings.SOURCE);
    }

    @Test
    void warningsAloneAreNoErrors() {
        ChangeFindings file = new ChangeFindings("V8__x.yaml");
        file.about(new OperationLabel(1, "raw_sql", null, null, null)).warning("change-raw-sql", AT, "raw", "");
        assertThat(file.hasErrors()).isFalse();
        assertThat(file.all()).extracting(Finding::message).containsExactly("operation 1 (raw_sql): raw");
    }
}
