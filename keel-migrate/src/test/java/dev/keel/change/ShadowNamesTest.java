package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShadowNamesTest {

    @Test
    void versionSchemasTurnDotsIntoUnderscores() {
        assertThat(ShadowNames.versionSchema("public", "8")).isEqualTo("public_v8");
        assertThat(ShadowNames.versionSchema("shop", "2024.05.1")).isEqualTo("shop_v2024_05_1");
    }

    @Test
    void newColumnsAreShadowsAndUserColumnsAreNot() {
        assertThat(ShadowNames.isShadow(ShadowNames.newColumn("amount"))).isTrue();
        assertThat(ShadowNames.isShadow("amount")).isFalse();
    }
}
