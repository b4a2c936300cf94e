package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationVersionTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("1", List.of(1L), "1"),
                Arguments.of("1.1", List.of(1L, 1L), "1.1"),
                Arguments.of("20261123.1", List.of(20261123L, 1L), "20261123.1"),
                Arguments.of("1_1", List.of(1L, 1L), "1.1"),
                Arguments.of("1.0", List.of(1L), "1"),
                Arguments.of("1.0.0", List.of(1L), "1"),
                Arguments.of("0", List.of(0L), "0"),
                Arguments.of("007", List.of(7L), "7"),
                Arguments.of("2.0.3", List.of(2L, 0L, 3L), "2.0.3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void parsesDottedNumbers(String text, List<Long> parts, String shown) {
        MigrationVersion version = MigrationVersion.parse(text);

        assertThat(version.parts())
                .containsExactlyElementsOf(
                        parts.stream().map(BigInteger::valueOf).toList());
        assertThat(version).hasToString(shown);
    }

    @Test
    void underscoresMeanDots() {
        assertThat(MigrationVersion.parse("1_1")).isEqualTo(MigrationVersion.parse("1.1"));
    }

    @Test
    void trailingZerosDoNotMakeAnotherVersion() {
        MigrationVersion one = MigrationVersion.parse("1");
        MigrationVersion oneZero = MigrationVersion.parse("1.0");

        assertThat(oneZero).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(oneZero.compareTo(one)).isZero();
    }

    @Test
    void versionsLongerThanALongAreKept() {
        MigrationVersion big = MigrationVersion.parse("123456789012345678901234567890");

        assertThat(big.major()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void comparesPartByPartAsNumbers() {
        assertThat(MigrationVersion.parse("1.2")).isLessThan(MigrationVersion.parse("1.10"));
        assertThat(MigrationVersion.parse("2")).isGreaterThan(MigrationVersion.parse("1.9.9"));
        assertThat(MigrationVersion.parse("1")).isLessThan(MigrationVersion.parse("1.0.1"));
        assertThat(MigrationVersion.parse("10")).isGreaterThan(MigrationVersion.parse("9"));
    }

    @Test
    void sortsAsAPersonWould() {
        List<MigrationVersion> versions = new ArrayList<>();
        for (String v : new String[] {"1.10", "2", "1.2", "1", "1.9.9", "20261123.1"}) {
            versions.add(MigrationVersion.parse(v));
        }
        Collections.sort(versions);

        assertThat(versions)
                .extracting(MigrationVersion::toString)
                .containsExactly("1", "1.2", "1.9.9", "1.10", "2", "20261123.1");
    }

    @Test
    void majorIsTheFirstPart() {
        assertThat(MigrationVersion.parse("20261123.4").major()).isEqualTo(BigInteger.valueOf(20261123));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "a", "1.", ".1", "1..2", "-1", "1.a", "v1", "1 2", "1__2", "1.2-beta"})
    void rejectsWhatIsNotADottedNumber(String text) {
        assertThat(MigrationVersion.isValid(text)).isFalse();
        assertThatThrownBy(() -> MigrationVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a version: use dotted numbers such as 1, 1.1 or 20261123.1");
    }

    @Test
    void rejectsNull() {
        assertThat(MigrationVersion.isValid(null)).isFalse();
        assertThatThrownBy(() -> MigrationVersion.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a version");
    }
}
