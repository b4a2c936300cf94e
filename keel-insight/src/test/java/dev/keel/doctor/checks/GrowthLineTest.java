package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrowthLineTest {

    @Test
    void daysUntilALimitFollowTheGrowth() {
        assertThat(new GrowthLine(100, 10.0).daysUntil(200)).isEqualTo(10.0);
        assertThat(new GrowthLine(300, 10.0).daysUntil(200)).as("already past").isEqualTo(0.0);
        assertThat(new GrowthLine(100, null).daysUntil(200))
                .as("growth unknown")
                .isNull();
        assertThat(new GrowthLine(100, -5.0).daysUntil(200)).as("shrinking").isNull();
        assertThat(new GrowthLine(300, null).daysUntil(200))
                .as("past, growth unknown")
                .isEqualTo(0.0);
    }
}
