package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateOptions;
import org.junit.jupiter.api.Test;

class KeelMigrationInitializerTest {

    @Test
    void propertiesBecomeTheOptionsOfMigrate() {
        KeelProperties p = new KeelProperties();
        p.setTarget("3");
        p.setChecks(false);
        p.setCompleteChanges(true);
        p.setOutOfOrder(true);
        MigrateOptions options = KeelMigrationInitializer.options(p);
        assertThat(options.target()).hasToString("3");
        assertThat(options.skipChecks()).isTrue();
        assertThat(options.complete()).isTrue();
        assertThat(options.outOfOrder()).isTrue();
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void theDefaultsMigrateToTheLatestWithChecksAndLeaveChangesActive() {
        MigrateOptions options = KeelMigrationInitializer.options(new KeelProperties());
        assertThat(options.target()).isNull();
        assertThat(options.skipChecks()).isFalse();
        assertThat(options.complete()).isFalse();
    }

    @Test
    void aTargetThatIsNoVersionIsAConfigurationError() {
        KeelProperties p = new KeelProperties();
        p.setTarget("latest");
        assertThatThrownBy(() -> KeelMigrationInitializer.options(p))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(CoreError.SETUP_INVALID));
    }
}
