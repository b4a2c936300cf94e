package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnReferencesTest {

    @Test
    void everyBareReferenceMovesToTheNewColumn() {
        assertThat(ColumnReferences.rename("CHECK (amount > 0 AND amount < 100)", "amount", "_keel_new_amount"))
                .isEqualTo("CHECK (\"_keel_new_amount\" > 0 AND \"_keel_new_amount\" < 100)");
    }

    @Test
    void quotedNamesMatchExactlyAndUnquotedOnesFolded() {
        assertThat(ColumnReferences.rename("CHECK (\"Amount\" > amount)", "Amount", "n"))
                .isEqualTo("CHECK (\"n\" > amount)");
        assertThat(ColumnReferences.rename("CHECK (AMOUNT > 0)", "amount", "n")).isEqualTo("CHECK (\"n\" > 0)");
    }

    @Test
    void functionsTypesFieldsAndStringsOfTheSameNameStay() {
        assertThat(ColumnReferences.rename(
                        "CHECK (note(x) AND (r).note > 0 AND y::note IS NOT NULL AND 'note' <> note)", "note", "n"))
                .isEqualTo("CHECK (note(x) AND (r).note > 0 AND y::note IS NOT NULL AND 'note' <> \"n\")");
    }

    @Test
    void otherColumnsAreUntouched() {
        assertThat(ColumnReferences.rename("CHECK (price >= cost)", "amount", "n"))
                .isEqualTo("CHECK (price >= cost)");
    }

    @Test
    void mentionsFindsTheColumnQualifiedOrNotButNotInStrings() {
        assertThat(ColumnReferences.mentions("o.status <> 'void'", "status")).isTrue();
        assertThat(ColumnReferences.mentions("\"Status\" <> 'status'", "status"))
                .isFalse();
        assertThat(ColumnReferences.mentions("STATUS <> 'void'", "status")).isTrue();
        assertThat(ColumnReferences.mentions("amount > 0", "status")).isFalse();
    }
}
