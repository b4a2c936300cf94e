package dev.keel.check;

import dev.keel.config.KeelYaml;
import dev.keel.migrate.MigrationSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * keel.yaml's check.* keys (declared in {@link MigrationSection}): what keel check and migrate's safety gate assume and
 * skip.
 *
 * @param postgresVersion major version the checks assume when no server tells them; null when not set
 * @param startAfter the checks apply only to migrations of a later version (null: to all), as written
 * @param exclude rule ids never run
 * @param waivers file name → rule id → reason: findings of that rule in that file are waived, with the reason reported
 */
public record CheckSettings(
        Integer postgresVersion, String startAfter, List<String> exclude, Map<String, Map<String, String>> waivers) {
    public static final CheckSettings NONE = new CheckSettings(null, null, List.of(), Map.of());

    public CheckSettings {
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        waivers = waivers == null ? Map.of() : Map.copyOf(waivers);
    }

    public CheckSettings(Integer postgresVersion) {
        this(postgresVersion, null, List.of(), Map.of());
    }

    public static CheckSettings from(KeelYaml config) {
        Map<String, Map<String, String>> waivers = new LinkedHashMap<>();
        // Entries are keyed <file>.<rule>: file names hold dots, rule ids do not.
        config.get(MigrationSection.CHECK_WAIVERS).forEach((key, reason) -> {
            int dot = key.lastIndexOf('.');
            waivers.computeIfAbsent(key.substring(0, dot), f -> new LinkedHashMap<>())
                    .put(key.substring(dot + 1), reason);
        });
        String startAfter = config.get(MigrationSection.CHECK_START_AFTER);
        return new CheckSettings(
                config.get(MigrationSection.CHECK_POSTGRES_VERSION),
                startAfter == null ? null : startAfter.strip(),
                config.get(MigrationSection.CHECK_EXCLUDE),
                waivers);
    }
}
