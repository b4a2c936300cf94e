package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchPacingTest {

    @Test
    void thePauseIsTheFixedPartPlusAShareOfTheBatchTime() {
        BatchPacing pacing = new BatchPacing(Duration.ofMillis(20), 70);
        assertThat(pacing.after(Duration.ofMillis(100).toNanos())).isEqualTo(Duration.ofMillis(90));
    }

    @Test
    void nothingConfiguredMeansNoPause() {
        assertThat(new BatchPacing(Duration.ZERO, 0).after(Duration.ofSeconds(3).toNanos()))
                .isZero();
    }

    @Test
    void theDefaultsPauseInProportionToTheBatch() {
        BatchPacing pacing = BatchPacing.of(ChangeSettings.DEFAULTS);
        assertThat(pacing.after(Duration.ofMillis(100).toNanos()))
                .isEqualTo(Duration.ofMillis(ChangeSettings.DEFAULTS.batchPausePercent()));
    }

    @Test
    void fixedSizeSettingsPauseOnlyTheFixedPart() {
        BatchPacing pacing = BatchPacing.of(ChangeSettings.DEFAULTS.withBatchSize(10));
        assertThat(pacing.after(Duration.ofMillis(100).toNanos())).isEqualTo(ChangeSettings.DEFAULTS.batchPause());
    }
}
