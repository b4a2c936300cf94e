package dev.keel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Nearest.distance("", "abc")).isEqualTo(3);
        assertThat(Nearest.distance("abc", "")).isEqualTo(3);
        assertThat(Nearest.distance("same", "same")).isZero();
    }

    @Test
    void suggestsTheKnownKeyWithAMissingLetter() {
        assertThat(Nearest.to(
                        "migrations.lockTimout", List.of("migrations.lockTimeout", "migrations.lockRetries", "schema")))
                .isEqualTo("migrations.lockTimeout");
    }

    @Test
    void ignoresCaseWhenComparingButReturnsTheKnownSpelling() {
        assertThat(Nearest.to("MIGRATIONS.OUTOFORDER", List.of("migrations.outOfOrder", "migrations.table")))
                .isEqualTo("migrations.outOfOrder");
    }

    @Test
    void picksTheCloserOfTwoCandidates() {
        assertThat(Nearest.to("shema", List.of("table", "schema"))).isEqualTo("schema");
    }

    @Test
    void hasNoSuggestionWithoutCandidates() {
        assertThat(Nearest.to("anything", List.of())).isNull();
    }
}
