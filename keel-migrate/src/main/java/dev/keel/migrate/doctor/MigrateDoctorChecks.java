package dev.keel.migrate.doctor;

import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorCheckProvider;
import dev.keel.migrate.MigrationSettings;
import dev.keel.partition.doctor.PartitionCount;
import dev.keel.partition.doctor.PartitionDefaultRows;
import dev.keel.partition.doctor.PartitionRetention;
import dev.keel.partition.doctor.PartitionsAhead;
import java.util.List;
import java.util.Map;

/** keel-migrate's doctor checks: the project's migrations against the database, and the declared partition sets. */
public final class MigrateDoctorChecks implements DoctorCheckProvider {

    @Override
    public List<DoctorCheck> checks(KeelYaml config, Map<String, String> env) {
        return List.of(
                new PendingMigrations(MigrationSettings.from(config)),
                new PartitionsAhead(),
                new PartitionDefaultRows(),
                new PartitionRetention(),
                new PartitionCount());
    }

    @Override
    public int order() {
        return 20;
    }
}
