package dev.keel.doctor;

import dev.keel.config.KeelYaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The doctor checks one module contributes, found through {@link ServiceLoader}: keel-insight brings the database
 * health checks, keel-migrate the pending migrations, keel-backup the backup targets. The doctor runs whatever is on
 * the class path, so no module has to depend on another to have its checks run, and an application that only
 * migrates never loads backup code.
 */
public interface DoctorCheckProvider {

    /**
     * This module's checks for the project {@code config} describes; none when the project does not use what they
     * check (no backup repository configured, say). Building a check must not connect anywhere: the doctor runs it.
     */
    List<DoctorCheck> checks(KeelYaml config, Map<String, String> env);

    /** Where this module's checks come in the report's list of checks: lower first. */
    default int order() {
        return 100;
    }

    /** Every provider's checks, in provider order. */
    static List<DoctorCheck> discover(KeelYaml config, Map<String, String> env) {
        List<DoctorCheckProvider> providers = new ArrayList<>();
        ServiceLoader.load(DoctorCheckProvider.class).forEach(providers::add);
        providers.sort(Comparator.comparingInt(DoctorCheckProvider::order)
                .thenComparing(p -> p.getClass().getName()));
        List<DoctorCheck> checks = new ArrayList<>();
        for (DoctorCheckProvider provider : providers) {
            checks.addAll(provider.checks(config, env));
        }
        return checks;
    }
}
