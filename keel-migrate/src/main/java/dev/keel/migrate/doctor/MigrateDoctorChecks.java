package dev.keel.migrate.doctor;

import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorCheckProvider;
import dev.keel.migrate.MigrationSettings;
import java.util.List;
import java.util.Map;

/** keel-migrate's doctor check: the project's migrations against the database. */
public final class MigrateDoctorChecks implements DoctorCheckProvider {

    @Override
    public List<DoctorCheck> checks(KeelYaml config, Map<String, String> env) {
        return List.of(new PendingMigrations(MigrationSettings.from(config)));
    }

    @Override
    public int order() {
        return 20;
    }
}
