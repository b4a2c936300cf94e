package dev.keel.backup.doctor;

import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorCheckProvider;
import java.util.List;
import java.util.Map;

/** keel-backup's check of the replicas it made; it finds nothing where keel made none. */
public final class ReplicaDoctorChecks implements DoctorCheckProvider {

    @Override
    public List<DoctorCheck> checks(KeelYaml config, Map<String, String> env) {
        return List.of(new DisconnectedReplicas());
    }

    @Override
    public int order() {
        return 31;
    }
}
