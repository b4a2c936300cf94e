package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading shared_preload_libraries and proposing a value that keeps what is already there. */
class PgStatStatementsTest {

    @Test
    void recognizesThePreloadInAnyOfItsSpellings() {
        assertThat(PgStatStatements.preloads("pg_stat_statements")).isTrue();
        assertThat(PgStatStatements.preloads("auto_explain, pg_stat_statements"))
                .isTrue();
        assertThat(PgStatStatements.preloads("\"$libdir/pg_stat_statements\"")).isTrue();
        assertThat(PgStatStatements.preloads("")).isFalse();
        assertThat(PgStatStatements.preloads("pg_stat_statements_extra")).isFalse();
    }

    @Test
    void theProposedSettingKeepsLibrariesAlreadyPreloaded() {
        assertThat(PgStatStatements.wantedSetting(null)).isEqualTo("pg_stat_statements");
        assertThat(PgStatStatements.wantedSetting("")).isEqualTo("pg_stat_statements");
        assertThat(PgStatStatements.wantedSetting("auto_explain,timescaledb"))
                .isEqualTo("auto_explain, timescaledb, pg_stat_statements");
    }
}
