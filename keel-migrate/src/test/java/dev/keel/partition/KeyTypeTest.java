package dev.keel.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTypeTest {

    @Test
    void typesAsWrittenAndAsTheCatalogPrintsThem() {
        assertThat(KeyType.of("timestamptz")).contains(KeyType.TIMESTAMPTZ);
        assertThat(KeyType.of("timestamp with time zone")).contains(KeyType.TIMESTAMPTZ);
        assertThat(KeyType.of("TIMESTAMP  without time zone")).contains(KeyType.TIMESTAMP);
        assertThat(KeyType.of("date")).contains(KeyType.DATE);
        assertThat(KeyType.of("bigint")).contains(KeyType.INTEGER);
        assertThat(KeyType.of("int4")).contains(KeyType.INTEGER);
        assertThat(KeyType.of("text")).isEmpty();
        assertThat(KeyType.of("numeric")).isEmpty();
    }
}
