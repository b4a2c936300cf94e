package dev.keel.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Reads keel.yaml, applies KEEL_* environment overrides and checks every key against the declarations of the modules
 * on the class path ({@link ConfigSection}): a typo is an error naming the nearest known key, a bad value an error
 * naming the key, never a silently ignored setting.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = "keel.yaml";
    /**
     * Every section keel has, whichever modules are on the class path. A key in a section whose module is absent (an
     * application that only migrates, reading the keel.yaml the command line uses) is kept unchecked rather than
     * refused; a section name that is none of these is a typo.
     */
    public static final Set<String> SECTIONS = Set.of(
            "database",
            "schema",
            "migrations",
            "check",
            "changes",
            "flags",
            "backup",
            "doctor",
            "advise",
            "agent",
            "schedule",
            "alerts");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private ConfigLoader() {}

    /** Loads {@code file}, or {@code projectDir/keel.yaml} when file is null; a missing default file means defaults. */
    public static KeelYaml load(Path projectDir, Path file, Map<String, String> env) {
        return load(projectDir, file, env, ConfigSection.all());
    }

    /** As {@link #load(Path, Path, Map)}, with the keys of these sections only. */
    public static KeelYaml load(Path projectDir, Path file, Map<String, String> env, List<ConfigSection> sections) {
        Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();
        for (ConfigSection section : sections) {
            for (ConfigKey<?> key : section.keys()) {
                keys.put(key.path(), key);
            }
        }
        Path path = file != null ? projectDir.resolve(file) : projectDir.resolve(FILE_NAME);
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(path)) {
            values.putAll(readYaml(path, keys));
        } else if (file != null) {
            throw new KeelException(
                    CoreError.CONFIG_NOT_FOUND,
                    "configuration file " + path + " does not exist",
                    "check the --config path");
        }
        for (ConfigKey<?> key : keys.values()) {
            String override = key.map() ? null : env.get(key.envName());
            if (override != null) {
                values.put(key.path(), override);
            }
        }
        return build(projectDir, Files.exists(path) ? path : null, values, keys, env);
    }

    /**
     * What a facade's builder was given: {@code config} when it has one, else keel.yaml in {@code projectDir} (the
     * working directory when null). Both given and naming different directories is a contradiction, refused.
     */
    public static KeelYaml given(KeelYaml config, Path projectDir, Map<String, String> env) {
        if (config != null
                && projectDir != null
                && !config.projectDir().toAbsolutePath().normalize().equals(projectDir)) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "projectDir " + projectDir + " differs from the given configuration's " + config.projectDir(),
                    "give one of them, or the same directory to both");
        }
        return config != null
                ? config
                : load(projectDir != null ? projectDir : Path.of("").toAbsolutePath(), null, env);
    }

    public static String envName(String key) {
        return "KEEL_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> readYaml(Path path, Map<String, ConfigKey<?>> keys) {
        JsonNode root;
        try {
            // YAML forbids a key twice in one mapping; Jackson would keep the last one silently.
            root = YAMLMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build()
                    .readTree(path.toFile());
        } catch (JsonProcessingException e) {
            duplicateKey(e, path);
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new KeelException(
                    CoreError.CONFIG_MALFORMED,
                    path.getFileName() + " is not valid YAML" + where + ": "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "fix the syntax of " + path);
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.CONFIG_UNREADABLE,
                    "cannot read " + path + ": " + e.getMessage(),
                    "check the file's permissions");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return values;
        }
        if (!root.isObject()) {
            throw new KeelException(
                    CoreError.CONFIG_MALFORMED,
                    path.getFileName() + " must be a mapping of settings, not "
                            + (root.isArray() ? "a list" : "a single value"),
                    "start it with keys such as 'database:' or 'migrations:'");
        }
        new Flattener(path, keys, values).flatten("", root);
        return values;
    }

    /** A key written twice is an error that names the key with its section and the line of the second one. */
    private static void duplicateKey(JsonProcessingException e, Path path) {
        if (!(e.getProcessor() instanceof JsonParser parser)
                || !String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                names.add(0, context.getCurrentName());
            }
        }
        JsonLocation at = e.getLocation();
        throw new KeelException(
                CoreError.CONFIG_MALFORMED,
                path.getFileName() + " sets '" + String.join(".", names) + "' twice"
                        + (at == null ? "" : " (again at line " + at.getLineNr() + ")"),
                "keep one of them: YAML allows a key only once in a section");
    }

    /** Walks the YAML tree into key paths and text values, checking each path against the declared keys. */
    private record Flattener(Path path, Map<String, ConfigKey<?>> keys, Map<String, String> values) {

        void flatten(String prefix, JsonNode node) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = prefix + field.getKey();
                JsonNode value = field.getValue();
                ConfigKey<?> declared = keys.get(key);
                if (declared != null && declared.map()) {
                    mapping(declared, key, value, 0);
                } else if (declared == null && !SECTIONS.contains(section(key))) {
                    throw unknownKey(key);
                } else if (declared == null && SECTIONS.contains(key) && !keys.containsKey(key) && !value.isObject()) {
                    throw notASection(key, value);
                } else if (declared == null && !sectionDeclared(key)) {
                    // The section's module is not on the class path: keep what it says, for nobody here to misread.
                    if (value.isObject()) {
                        flatten(key + ".", value);
                    } else {
                        values.put(key, value.isArray() ? join(key, value) : value.asText());
                    }
                } else if (declared == null
                        && value.isObject()
                        && keys.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
                    flatten(key + ".", value);
                } else if (declared == null && keys.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
                    throw notASection(key, value);
                } else if (declared == null) {
                    throw unknownKey(key);
                } else if (value.isObject() || value.isArray() && !declared.list()) {
                    throw new KeelException(
                            CoreError.CONFIG_MALFORMED,
                            "'" + key + "' in " + path.getFileName() + " must be a single value, not a "
                                    + (value.isObject() ? "mapping" : "list"),
                            "write it as " + key.substring(key.lastIndexOf('.') + 1) + ": <value>");
                } else if (value.isArray()) {
                    values.put(key, join(key, value));
                } else if (!value.isNull()) {
                    values.put(key, value.asText());
                }
            }
        }

        /** A key that holds other keys (migrations, backup.s3, doctor …) given a value or a list instead. */
        private KeelException notASection(String key, JsonNode value) {
            String child = keys.keySet().stream()
                    .filter(k -> k.startsWith(key + "."))
                    .findFirst()
                    .map(k -> k.substring(key.length() + 1).split("\\.")[0])
                    .orElse("<setting>");
            return new KeelException(
                    CoreError.CONFIG_MALFORMED,
                    "'" + key + "' in " + path.getFileName() + " must be a section, not "
                            + (value.isArray() ? "a list" : value.isNull() ? "empty" : "a single value"),
                    "write its settings indented below it, e.g. " + key + ": then '  " + child
                            + ": …' on the next line");
        }

        private String join(String key, JsonNode list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(item.asText()));
            ConfigKey<?> declared = keys.get(key);
            boolean queries = declared != null && declared.kind().startsWith("list of SQL");
            return String.join(queries ? ConfigKey.QUERY_SEPARATOR : ",", items);
        }

        private boolean sectionDeclared(String key) {
            String section = section(key);
            return keys.keySet().stream().anyMatch(k -> section(k).equals(section));
        }

        /** A mapping key's entries, each {@code depth} names below it and a single value. */
        /** {@code depth}: how many names below the mapping's path {@code key} is (names may hold dots: V12__x.sql). */
        private void mapping(ConfigKey<?> declared, String key, JsonNode value, int depth) {
            if (value.isObject() && depth < declared.mapDepth()) {
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    mapping(declared, key + "." + field.getKey(), field.getValue(), depth + 1);
                }
            } else if (depth != declared.mapDepth() || value.isContainerNode()) {
                String what = declared.path().substring(declared.path().lastIndexOf('.') + 1);
                throw new KeelException(
                        CoreError.CONFIG_MALFORMED,
                        "'" + key + "' in " + path.getFileName() + " is not " + article(singular(what)) + " "
                                + singular(what),
                        "write " + what + " as " + declared.mapForm());
            } else {
                // An entry written without a value is kept empty for the owning module's rule to judge, not dropped.
                values.put(key, value.isNull() ? "" : value.asText());
            }
        }

        private KeelException unknownKey(String key) {
            String nearest = Nearest.to(key, knownNames());
            ConfigKey<?> near = keys.get(nearest);
            if (near != null && near.map() && section(key).equals(section(nearest))) {
                return new KeelException(
                        CoreError.CONFIG_UNKNOWN_KEY,
                        "unknown key '" + key + "' in " + path.getFileName(),
                        "the " + section(key) + " settings are " + nearest.substring(nearest.lastIndexOf('.') + 1)
                                + ": " + near.mapForm());
            }
            return new KeelException(
                    CoreError.CONFIG_UNKNOWN_KEY,
                    "unknown key '" + key + "' in " + path.getFileName(),
                    "did you mean '" + nearest + "'?");
        }

        private List<String> knownNames() {
            List<String> names = new ArrayList<>(keys.keySet());
            SECTIONS.stream()
                    .filter(s -> !names.contains(s) && names.stream().noneMatch(k -> k.startsWith(s + ".")))
                    .forEach(names::add);
            return names;
        }
    }

    private static String section(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    private static String singular(String word) {
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static KeelYaml build(
            Path projectDir,
            Path file,
            Map<String, String> raw,
            Map<String, ConfigKey<?>> keys,
            Map<String, String> env) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Map<String, String>> mappings = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey();
            String text = expand(key, entry.getValue(), env);
            ConfigKey<?> declared = keys.get(key);
            ConfigKey<?> mapping = declared != null ? null : mappingOf(key, keys);
            if (mapping != null) {
                mappings.computeIfAbsent(mapping.path(), k -> new LinkedHashMap<>())
                        .put(key.substring(mapping.path().length() + 1), text);
            } else if (declared == null) {
                settings.put(key, text);
            } else {
                Object value = declared.parse(text, projectDir);
                if (value != null) {
                    settings.put(key, value);
                }
            }
        }
        mappings.forEach((k, entries) -> {
            ConfigKey<?> mapping = keys.get(k);
            entries.forEach((name, value) -> {
                String problem = mapping.entryProblem(name, value);
                if (problem != null) {
                    throw new KeelException(CoreError.CONFIG_INVALID, problem, "write them as " + mapping.mapForm());
                }
            });
            settings.put(k, Map.copyOf(entries));
        });
        KeelYaml.Database database = new KeelYaml.Database(
                (String) settings.get(CoreSettings.DATABASE_URL.path()),
                (String) settings.get(CoreSettings.DATABASE_USER.path()),
                (String) settings.get(CoreSettings.DATABASE_PASSWORD.path()));
        String schema = (String) settings.getOrDefault(CoreSettings.SCHEMA.path(), CoreSettings.SCHEMA.defaultValue());
        return new KeelYaml(projectDir, file, database, schema, settings);
    }

    private static ConfigKey<?> mappingOf(String key, Map<String, ConfigKey<?>> keys) {
        for (ConfigKey<?> k : keys.values()) {
            if (k.map() && key.startsWith(k.path() + ".")) {
                return k;
            }
        }
        return null;
    }

    private static String expand(String key, String value, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.get(m.group(1));
            if (replacement == null) {
                throw new KeelException(
                        CoreError.CONFIG_VARIABLE_UNSET,
                        "'" + key + "' refers to ${" + m.group(1) + "}, which is not set",
                        "export " + m.group(1) + " or change " + key);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
