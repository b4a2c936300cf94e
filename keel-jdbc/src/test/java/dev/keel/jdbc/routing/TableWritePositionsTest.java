package dev.keel.jdbc.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableWritePositionsTest {
    @Test
    void plainNamesStayAsTheyAreAndOthersAreQuoted() {
        assertThat(TableWritePositions.quoteQualified("keel.write_positions")).isEqualTo("keel.write_positions");
        assertThat(TableWritePositions.quoteQualified("positions")).isEqualTo("positions");
        assertThat(TableWritePositions.quoteQualified("App.Write \"Pos\"")).isEqualTo("\"App\".\"Write \"\"Pos\"\"\"");
    }

    @Test
    void aNameWithTooManyPartsIsRefused() {
        assertThatThrownBy(() -> TableWritePositions.quoteQualified("db.keel.positions"))
                .hasMessageContaining("[schema.]table");
        assertThatThrownBy(() -> TableWritePositions.quoteQualified("keel.")).hasMessageContaining("empty");
    }
}
