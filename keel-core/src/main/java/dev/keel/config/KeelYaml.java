package dev.keel.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * keel.yaml with its KEEL_* overrides, checked against the keys every module on the class path declares. keel-core
 * knows only its own keys (the database and keel's schema); a module reads its section through its own
 * {@link ConfigKey}s with {@link #get}, e.g. keel-backup's BackupSettings.from(config).
 *
 * @param settings the values set, parsed, by key path; keys of modules that are not on the class path are kept as text
 */
public record KeelYaml(Path projectDir, Path file, Database database, String schema, Map<String, Object> settings) {

    public KeelYaml {
        settings = Map.copyOf(settings);
    }

    public record Database(String url, String user, String password) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            // A record prints every component; the password must never reach a log line.
            return "Database[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "****") + "]";
        }
    }

    /** The key's value as set, or its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Object value = settings.get(key.path());
        if (value == null) {
            return key.defaultValue();
        }
        if (value instanceof String text && !key.kind().equals("text") && !key.map()) {
            // Set in keel.yaml before this key's module was loaded (a front end that loads modules late): parse now.
            return key.parse(text, projectDir);
        }
        return (T) value;
    }

    /** Whether keel.yaml or the environment sets the key. */
    public boolean isSet(ConfigKey<?> key) {
        return settings.containsKey(key.path());
    }

    public static KeelYaml defaults(Path projectDir) {
        return new KeelYaml(
                projectDir, null, new Database(null, null, null), CoreSettings.SCHEMA.defaultValue(), Map.of());
    }
}
