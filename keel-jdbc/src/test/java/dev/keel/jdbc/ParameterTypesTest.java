package dev.keel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ParameterTypesTest {

    @Test
    void showsTypesInIndexOrderAndNeverValues() {
        ParameterTypes types = new ParameterTypes();
        types.value(3, new BigDecimal("12.50"));
        types.type(1, Long.class);
        types.value(2, "secret-token");

        assertThat(types.masked())
                .isEqualTo("[$1 Long, $2 String, $3 BigDecimal]")
                .doesNotContain("secret")
                .doesNotContain("12.5");
    }

    @Test
    void nullsAreShownAsNullAndUnboundIndexesAreLeftOut() {
        ParameterTypes types = new ParameterTypes();
        types.nullValue(1);
        types.value(4, null);

        assertThat(types.masked()).isEqualTo("[$1 null, $4 null]");
    }

    @Test
    void growsPastItsFirstArrayAndForgetsOnClear() {
        ParameterTypes types = new ParameterTypes();
        for (int i = 1; i <= 20; i++) {
            types.type(i, Integer.class);
        }
        assertThat(types.masked()).startsWith("[$1 Integer, ").endsWith(", $20 Integer]");

        types.clear();

        assertThat(types.isEmpty()).isTrue();
        assertThat(types.masked()).isEqualTo("[]");
    }

    @Test
    void namedParametersFollowTheNumberedOnesByName() {
        ParameterTypes types = new ParameterTypes();
        types.value("zone", "UTC");
        types.type("amount", Double.class);
        types.type(1, Long.class);

        assertThat(types.masked()).isEqualTo("[$1 Long, $amount Double, $zone String]");
    }

    @Test
    void aCopyIsIndependentOfItsSource() {
        ParameterTypes source = new ParameterTypes();
        source.type(1, Long.class);
        source.value("name", "x");
        ParameterTypes copy = new ParameterTypes();
        copy.type(5, Boolean.class);

        copy.copyFrom(source);
        source.clear();

        assertThat(copy.masked()).isEqualTo("[$1 Long, $name String]");
    }
}
