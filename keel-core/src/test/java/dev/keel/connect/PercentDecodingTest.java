package dev.keel.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentDecodingTest {

    @ParameterizedTest
    @CsvSource({"plain,plain", "p%40ss,p@ss", "a+b,a+b", "caf%C3%A9,caf\u00e9", "caf\u00e9,caf\u00e9", "%25,%", "%2b,+"
    })
    void decodesEscapesAsUtf8AndLeavesTheRest(String in, String out) {
        assertThat(PercentDecoding.decode(in)).contains(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"se%ZZcret", "end%", "end%4", "%G0", "%%41"})
    void aPercentWithoutTwoHexDigitsIsMalformed(String in) {
        assertThat(PercentDecoding.decode(in)).isEmpty();
        assertThat(PercentDecoding.isWellFormed(in)).isFalse();
    }
}
