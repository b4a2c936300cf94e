package dev.keel.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads keel.yaml, applies KEEL_* environment overrides and checks every key: a typo is an error
 * naming the nearest known key, never a silently ignored setting.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = "keel.yaml";
    /** Every key keel.yaml may hold, in documentation order. */
    public static final Set<String> KNOWN_KEYS = Set.of(
            "database.url", "database.user", "database.password", "schema",
            "migrations.locations", "migrations.lockTimeout", "migrations.statementTimeout",
            "migrations.lockRetries", "migrations.outOfOrder", "migrations.table", "check.postgresVersion", "check.startAfter", "check.exclude",
            "backup.repository", "backup.parallel", "backup.compression.level", "backup.encryption.keyFile",
            "backup.s3.endpoint", "backup.s3.region", "backup.s3.pathStyle", "backup.s3.accessKeyId", "backup.s3.secretAccessKey",
            "backup.retention.full", "backup.retention.days", "backup.rpo", "backup.rto", "backup.drill.invariants", "backup.method",
            "backup.stream.slot", "backup.stream.applicationName", "backup.stream.spool", "backup.stream.partialInterval");
    /**
     * Below this prefix any key is taken as written: the doctor's checks and their thresholds live in
     * keel-insight, which validates them with the same care (unknown name → the nearest known one).
     */
    public static final String DOCTOR_THRESHOLDS = "doctor.thresholds.";
    /** check.waivers.&lt;file&gt;.&lt;rule&gt;: &lt;reason&gt;; file names hold dots, rule ids do not. */
    public static final String CHECK_WAIVERS = "check.waivers.";
    private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
    private static final Set<String> LIST_KEYS = Set.of("migrations.locations", "backup.drill.invariants", "check.exclude");
    /** SQL holds commas, so the queries of a list are joined with a character no query contains. */
    private static final String QUERY_SEPARATOR = "\u001e";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private ConfigLoader() {
    }

    /** Loads {@code file}, or {@code projectDir/keel.yaml} when file is null; a missing default file means defaults. */
    public static KeelConfig load(Path projectDir, Path file, Map<String, String> env) {
        Path path = file != null ? projectDir.resolve(file) : projectDir.resolve(FILE_NAME);
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(path)) {
            values.putAll(readYaml(path));
        } else if (file != null) {
            throw KeelException.usage("configuration file " + path + " does not exist", "check the --config path");
        }
        for (String key : KNOWN_KEYS) {
            String override = env.get(envName(key));
            if (override != null) {
                values.put(key, override);
            }
        }
        return build(projectDir, Files.exists(path) ? path : null, values, env);
    }

    public static String envName(String key) {
        return "KEEL_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> readYaml(Path path) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(path.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw KeelException.usage(path.getFileName() + " is not valid YAML" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "fix the syntax of " + path);
        } catch (IOException e) {
            throw KeelException.usage("cannot read " + path + ": " + e.getMessage(), "check the file's permissions");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return values;
        }
        if (!root.isObject()) {
            throw KeelException.usage(path.getFileName() + " must be a mapping of settings, not " + (root.isArray() ? "a list" : "a single value"),
                    "start it with keys such as 'database:' or 'migrations:'");
        }
        flatten("", root, values, path);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values, Path path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if ((key + ".").equals(DOCTOR_THRESHOLDS) || key.startsWith(DOCTOR_THRESHOLDS)) {
                thresholds(key, value, values, path);
            } else if ((key + ".").equals(CHECK_WAIVERS)) {
                waivers(key, value, values, path);
            } else if (value.isObject() && (DOCTOR_THRESHOLDS.startsWith(key + ".") || CHECK_WAIVERS.startsWith(key + "."))) {
                flatten(key + ".", value, values, path);
            } else if (value.isObject() && !KNOWN_KEYS.contains(key)) {
                if (KNOWN_KEYS.stream().noneMatch(k -> k.startsWith(key + "."))) {
                    throw unknownKey(key, path);
                }
                flatten(key + ".", value, values, path);
            } else if (!KNOWN_KEYS.contains(key)) {
                throw unknownKey(key, path);
            } else if (value.isObject() || value.isArray() && !LIST_KEYS.contains(key)) {
                throw KeelException.usage("'" + key + "' in " + path.getFileName() + " must be a single value, not a "
                        + (value.isObject() ? "mapping" : "list"), "write it as " + key.substring(key.lastIndexOf('.') + 1) + ": <value>");
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                values.put(key, String.join(key.equals("backup.drill.invariants") ? QUERY_SEPARATOR : ",", items));
            } else if (!value.isNull()) {
                values.put(key, value.asText());
            }
        }
    }

    private static KeelException unknownKey(String key, Path path) {
        if (key.equals("doctor") || key.startsWith("doctor.")) {
            return KeelException.usage("unknown key '" + key + "' in " + path.getFileName(),
                    "the doctor's settings are thresholds: doctor.thresholds.<check>.<threshold>, e.g. doctor.thresholds.table-bloat.bloatShare");
        }
        return KeelException.usage("unknown key '" + key + "' in " + path.getFileName(),
                "did you mean '" + Nearest.to(key, KNOWN_KEYS) + "'?");
    }

    /** check.waivers: a mapping of file names to mappings of rule ids to reasons. */
    private static void waivers(String key, JsonNode value, Map<String, String> values, Path path) {
        String example = "write waivers as check.waivers.<file>.<rule>: <reason>, e.g. check.waivers.V12__drop_carts.sql.dropping-table: "
                + "release 4.2 stopped using carts";
        if (!value.isObject()) {
            throw KeelException.usage("'" + key + "' in " + path.getFileName() + " must map file names to rules and reasons", example);
        }
        Iterator<Map.Entry<String, JsonNode>> files = value.fields();
        while (files.hasNext()) {
            Map.Entry<String, JsonNode> file = files.next();
            if (!file.getValue().isObject()) {
                throw KeelException.usage("'" + key + "." + file.getKey() + "' in " + path.getFileName() + " must map rule ids to reasons", example);
            }
            Iterator<Map.Entry<String, JsonNode>> rules = file.getValue().fields();
            while (rules.hasNext()) {
                Map.Entry<String, JsonNode> rule = rules.next();
                String reason = rule.getValue().isValueNode() ? rule.getValue().asText().strip() : "";
                if (reason.isEmpty() || rule.getKey().contains(".")) {
                    throw KeelException.usage("the waiver of " + rule.getKey() + " for " + file.getKey() + " in " + path.getFileName()
                            + " gives no reason, so it waives nothing", example);
                }
                values.put(CHECK_WAIVERS + file.getKey() + "." + rule.getKey(), reason);
            }
        }
    }

    /** doctor.thresholds: a mapping of check ids to mappings of threshold names to single values. */
    private static void thresholds(String key, JsonNode value, Map<String, String> values, Path path) {
        int depth = key.split("\\.").length;
        if (value.isObject() && depth < 4) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                thresholds(key + "." + field.getKey(), field.getValue(), values, path);
            }
        } else if (depth != 4 || value.isContainerNode()) {
            throw KeelException.usage("'" + key + "' in " + path.getFileName() + " is not a threshold",
                    "write thresholds as doctor.thresholds.<check>.<threshold>: <value>, e.g. doctor.thresholds.table-bloat.bloatShare: 0.6");
        } else if (!value.isNull()) {
            values.put(key, value.asText());
        }
    }

    private static KeelConfig build(Path projectDir, Path file, Map<String, String> raw, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(k, expand(k, v, env)));
        KeelConfig.Migrations d = KeelConfig.Migrations.defaults();
        String locations = values.get("migrations.locations");
        KeelConfig.Migrations migrations = new KeelConfig.Migrations(
                locations == null ? d.locations() : List.of(locations.split("\\s*,\\s*")),
                positive(duration(values, "migrations.lockTimeout", d.lockTimeout()), "migrations.lockTimeout"),
                duration(values, "migrations.statementTimeout", d.statementTimeout()),
                integer(values, "migrations.lockRetries", d.lockRetries()),
                bool(values, "migrations.outOfOrder", d.outOfOrder()),
                values.getOrDefault("migrations.table", d.table()));
        return new KeelConfig(projectDir, file,
                new KeelConfig.Database(values.get("database.url"), values.get("database.user"), values.get("database.password")),
                values.getOrDefault("schema", "keel"), migrations,
                check(values),
                backup(projectDir, values), doctor(values));
    }

    private static KeelConfig.Check check(Map<String, String> values) {
        String startAfter = values.get("check.startAfter");
        if (startAfter != null && !VERSION.matcher(startAfter.strip()).matches()) {
            throw KeelException.usage("'check.startAfter' must be a migration version such as 42 or 2024.05.1, not '" + startAfter + "'",
                    "set it to the version of the last migration the checks should skip");
        }
        String exclude = values.get("check.exclude");
        Map<String, Map<String, String>> waivers = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(CHECK_WAIVERS)) {
                String rest = k.substring(CHECK_WAIVERS.length());
                int dot = rest.lastIndexOf('.');
                waivers.computeIfAbsent(rest.substring(0, dot), f -> new LinkedHashMap<>()).put(rest.substring(dot + 1), v);
            }
        });
        return new KeelConfig.Check(values.containsKey("check.postgresVersion") ? integer(values, "check.postgresVersion", 17) : null,
                startAfter == null ? null : startAfter.strip(),
                exclude == null || exclude.isBlank() ? List.of() : List.of(exclude.strip().split("\\s*,\\s*")), waivers);
    }

    private static KeelConfig.Doctor doctor(Map<String, String> values) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(DOCTOR_THRESHOLDS)) {
                thresholds.put(k.substring(DOCTOR_THRESHOLDS.length()), v);
            }
        });
        return new KeelConfig.Doctor(thresholds);
    }

    private static KeelConfig.Backup backup(Path projectDir, Map<String, String> values) {
        KeelConfig.Backup d = KeelConfig.Backup.defaults();
        int level = integer(values, "backup.compression.level", d.compressionLevel());
        if (level > KeelConfig.Backup.MAX_COMPRESSION_LEVEL) {
            throw KeelException.usage("'backup.compression.level' must be between 0 (no compression) and " + KeelConfig.Backup.MAX_COMPRESSION_LEVEL
                    + ", not " + level, "set it to a level such as " + d.compressionLevel());
        }
        String keyFile = values.get("backup.encryption.keyFile");
        KeelConfig.S3 s3 = new KeelConfig.S3(values.get("backup.s3.endpoint"), values.get("backup.s3.region"),
                values.containsKey("backup.s3.pathStyle") ? bool(values, "backup.s3.pathStyle", false) : null,
                values.get("backup.s3.accessKeyId"), values.get("backup.s3.secretAccessKey"));
        int parallel = integer(values, "backup.parallel", d.parallel());
        if (parallel < 1 || parallel > 64) {
            throw KeelException.usage("'backup.parallel' must be between 1 and 64, not " + parallel, "set it to a small number such as " + d.parallel());
        }
        String invariants = values.get("backup.drill.invariants");
        return new KeelConfig.Backup(values.get("backup.repository"), level,
                keyFile == null || keyFile.isBlank() ? null : projectDir.resolve(keyFile), s3, parallel,
                new KeelConfig.Retention(optionalCount(values, "backup.retention.full", 1), optionalCount(values, "backup.retention.days", 0)),
                values.containsKey("backup.rpo") ? positive(duration(values, "backup.rpo", null), "backup.rpo") : null,
                values.containsKey("backup.rto") ? positive(duration(values, "backup.rto", null), "backup.rto") : null,
                invariants == null ? List.of() : java.util.Arrays.stream(invariants.split(QUERY_SEPARATOR)).map(String::strip).filter(q -> !q.isEmpty()).toList(),
                method(values), stream(projectDir, values));
    }

    private static String method(Map<String, String> values) {
        String method = values.get("backup.method");
        if (method != null && !java.util.List.of("auto", "local", "stream").contains(method)) {
            throw KeelException.usage("'backup.method' must be auto, local or stream, not '" + method + "'",
                    "use auto (the default): local when keel runs beside the data directory, stream otherwise");
        }
        return method;
    }

    private static KeelConfig.Stream stream(Path projectDir, Map<String, String> values) {
        KeelConfig.Stream d = KeelConfig.Stream.DEFAULTS;
        String slot = values.getOrDefault("backup.stream.slot", d.slot());
        if (!slot.matches("[a-z0-9_]{1,63}")) {
            throw KeelException.usage("'backup.stream.slot' must be a replication slot name, not '" + slot + "'",
                    "use lower-case letters, digits and underscores, at most 63 of them");
        }
        String spool = values.get("backup.stream.spool");
        Duration interval = positive(duration(values, "backup.stream.partialInterval", d.partialInterval()), "backup.stream.partialInterval");
        return new KeelConfig.Stream(slot, values.getOrDefault("backup.stream.applicationName", d.applicationName()),
                spool == null || spool.isBlank() ? null : projectDir.resolve(spool), interval);
    }

    /** A count that may be absent (null), and is never below {@code min}. */
    private static Integer optionalCount(Map<String, String> values, String key, int min) {
        if (!values.containsKey(key)) {
            return null;
        }
        int n = integer(values, key, Math.max(min, 1));
        if (n < min) {
            throw KeelException.usage("'" + key + "' must be at least " + min + ", not " + n, "set it to a number such as 7");
        }
        return n;
    }

    private static String expand(String key, String value, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.get(m.group(1));
            if (replacement == null) {
                throw KeelException.usage("'" + key + "' refers to ${" + m.group(1) + "}, which is not set", "export " + m.group(1) + " or change " + key);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Duration duration(Map<String, String> values, String key, Duration fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw KeelException.usage("'" + key + "': " + e.getMessage(), "set it to a value such as 2s");
        }
    }

    /** Zero would switch PostgreSQL's lock timeout off: a blocked DDL statement would then stall every query behind it. */
    private static Duration positive(Duration value, String key) {
        if (value.isZero() && key.startsWith("backup.")) {
            throw KeelException.usage("'" + key + "' must be above zero", "set it to a target such as 15m");
        }
        if (value.isZero()) {
            throw KeelException.usage("'" + key + "' must be above zero: without a lock timeout a waiting DDL statement blocks every query behind it",
                    "set it to a short value such as 2s");
        }
        return value;
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw KeelException.usage("'" + key + "' must be a whole number of zero or more, not '" + v + "'", "set it to a number such as " + fallback);
        }
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw KeelException.usage("'" + key + "' must be true or false, not '" + v + "'", "set it to true or false");
        };
    }
}
