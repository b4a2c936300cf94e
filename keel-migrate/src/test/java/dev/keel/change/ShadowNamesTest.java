package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    @Test
    void copiesOfLongNamesAreCutTo63BytesWithoutSplittingACharacter() {
        assertThat(ShadowNames.copyOf("orders_amount_idx")).isEqualTo("_keel_c_orders_amount_idx");
        String copy = ShadowNames.copyOf("é".repeat(40));
        assertThat(copy.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(copy).startsWith("_keel_c_é").doesNotContain("\uFFFD");
        assertThat(ShadowNames.isShadow(copy)).isTrue();
    }
}
