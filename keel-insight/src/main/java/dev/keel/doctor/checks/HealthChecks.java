package dev.keel.doctor.checks;

import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorCheckProvider;
import java.util.List;
import java.util.Map;

/** keel-insight's doctor checks: the database's own health, with their default thresholds. */
public final class HealthChecks implements DoctorCheckProvider {

    /** The checks, new instances each time: thresholds from keel.yaml replace some of them. */
    public static List<DoctorCheck> all() {
        return List.of(
                new BlockingChains(),
                new LongTransactions(),
                new ConnectionSaturation(),
                new WraparoundAge(),
                new IntegerKeyLimits(),
                new InvalidIndexes(),
                new DeadTuples(),
                new TableBloat(),
                new IndexBloat(),
                new SlowestStatements(),
                new CacheHitRatio(),
                new TempSpills(),
                new CheckpointPressure(),
                new InactiveReplicationSlots(),
                new ReplicationLag(),
                new TableGrowth(),
                new ProjectionStaleness());
    }

    @Override
    public List<DoctorCheck> checks(KeelYaml config, Map<String, String> env) {
        return all();
    }

    @Override
    public int order() {
        return 10;
    }
}
