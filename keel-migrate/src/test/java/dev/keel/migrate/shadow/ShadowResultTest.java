package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowResultTest {

    @Test
    void aShadowOfAnotherMajorVersionIsSaid() {
        ShadowResult result = new ShadowResult(List.of(), FillReport.none(), true, 15, 17);

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("PostgreSQL 17 but the target runs 15")
                .contains("--shadow-url");
    }

    @Test
    void aShadowOfTheSameVersionNeedsNoWord() {
        assertThat(new ShadowResult(List.of(), FillReport.none(), true, 17, 17).warnings())
                .isEmpty();
    }
}
