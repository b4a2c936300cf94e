package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsVisibilityTest {

    @Test
    void aRoleThatSeesEverythingHasNoNoticeAndNoGrant() {
        StatsVisibility v = StatsVisibility.of("postgres", true);

        assertThat(v.seesAll()).isTrue();
        assertThat(v.notice()).isNull();
        assertThat(v.grant()).isNull();
    }

    @Test
    void aRoleWithoutPgReadAllStatsIsToldWhatItMissesAndTheGrantNamesItQuotedWhenItMustBe() {
        StatsVisibility plain = StatsVisibility.of("monitor", false);
        assertThat(plain.grant()).isEqualTo("GRANT pg_read_all_stats TO monitor;");
        assertThat(plain.notice())
                .startsWith("role monitor is not a member of pg_read_all_stats, so it sees only its own sessions")
                .contains("run GRANT pg_read_all_stats TO monitor; as a superuser");

        assertThat(StatsVisibility.of("Ops Team", false).grant()).isEqualTo("GRANT pg_read_all_stats TO \"Ops Team\";");
    }
}
