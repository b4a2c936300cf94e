package dev.keel.config;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One keel.yaml key as the module that owns it declares it: its path, the kind of value, its default, the rule its
 * values keep, and the line docs/configuration.md shows. The loader checks every value against its key as the file is
 * read, so a bad value fails at start-up, never halfway through the work it configures.
 *
 * @param <T> what a value becomes
 */
public final class ConfigKey<T> {
    /** SQL holds commas, so the queries of a list are joined with a character no query contains. */
    static final String QUERY_SEPARATOR = "\u001e";

    /** What is wrong with one entry of a mapping ({@code name} below the key's path), or null when nothing is. */
    @FunctionalInterface
    public interface EntryRule {
        String problem(String name, String value);
    }

    /** Turns the text of a value into what it means; {@code projectDir} resolves relative paths. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text, String key, Path projectDir);
    }

    private final String path;
    private final String kind;
    private final T defaultValue;
    private final String defaultText;
    private final String description;
    private final Parser<T> parser;
    private final boolean list;
    private final boolean map;
    private String mapForm;
    private EntryRule entryRule = (name, value) -> null;

    private ConfigKey(
            String path,
            String kind,
            T defaultValue,
            String defaultText,
            String description,
            Parser<T> parser,
            boolean list,
            boolean map) {
        this.path = path;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.description = description;
        this.parser = parser;
        this.list = list;
        this.map = map;
    }

    public String path() {
        return path;
    }

    /** The kind of value, as docs/configuration.md names it (duration, whole number, true/false …). */
    public String kind() {
        return kind;
    }

    /** What an absent key means; null where absence means "not set". */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as docs/configuration.md shows it. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** Whether keel.yaml may give this key a YAML list. */
    public boolean list() {
        return list;
    }

    /**
     * Whether the key is a mapping of names to values below its path ({@code doctor.thresholds.<check>.<name>}): the
     * loader collects them as written, and the owning module checks the names.
     */
    public boolean map() {
        return map;
    }

    /** For a mapping: how one entry is written, e.g. {@code doctor.thresholds.<check>.<threshold>: <value>}. */
    public String mapForm() {
        return mapForm;
    }

    /** For a mapping: what is wrong with one entry, or null. */
    public String entryProblem(String name, String value) {
        return entryRule.problem(name, value);
    }

    /** For a mapping: the same key, judging each entry with {@code rule}. */
    public ConfigKey<T> withEntryRule(EntryRule rule) {
        ConfigKey<T> key = new ConfigKey<>(path, kind, defaultValue, defaultText, description, parser, list, map);
        key.mapForm = mapForm;
        key.entryRule = rule;
        return key;
    }

    /** For a mapping: how many names deep its entries are. */
    public int mapDepth() {
        return mapForm == null ? 0 : (int) mapForm.chars().filter(c -> c == '<').count() - 1;
    }

    /** The environment variable that overrides this key. */
    public String envName() {
        return ConfigLoader.envName(path);
    }

    public T parse(String text, Path projectDir) {
        return parser.parse(text, path, projectDir);
    }

    /** The same key with another default (the text docs/configuration.md shows follows it). */
    public ConfigKey<T> withDefault(T value, String text) {
        ConfigKey<T> key = new ConfigKey<>(path, kind, value, text, description, parser, list, map);
        key.mapForm = mapForm;
        return key;
    }

    /** The same key, refusing values that fail {@code ok}: "'key' {problem}, not 'value'" — {@code todo}. */
    public ConfigKey<T> requiring(Predicate<T> ok, String problem, String todo) {
        Parser<T> checked = (text, key, dir) -> {
            T value = parser.parse(text, key, dir);
            if (value != null && !ok.test(value)) {
                throw invalid("'" + key + "' " + problem + ", not '" + text.strip() + "'", todo);
            }
            return value;
        };
        ConfigKey<T> key = new ConfigKey<>(path, kind, defaultValue, defaultText, description, checked, list, map);
        key.mapForm = mapForm;
        return key;
    }

    /**
     * A key whose values a module reads itself: {@code kind} names them in docs/configuration.md, {@code parser} turns
     * a text into a value or throws the one-line configuration error (see {@link #invalidValue}).
     */
    public static <T> ConfigKey<T> of(
            String path, String kind, T defaultValue, String defaultText, String description, Parser<T> parser) {
        return new ConfigKey<>(path, kind, defaultValue, defaultText, description, parser, false, false);
    }

    /** The error a {@link Parser} throws for a value that does not fit its key: exit 2, one line. */
    public static KeelException invalidValue(String what, String todo) {
        return invalid(what, todo);
    }

    public static ConfigKey<String> text(String path, String defaultValue, String description) {
        return new ConfigKey<>(
                path,
                "text",
                defaultValue,
                defaultValue == null ? "not set" : defaultValue,
                description,
                (text, key, dir) -> text,
                false,
                false);
    }

    /** Text that must match {@code form}; {@code what} says in words what it must be. */
    public static ConfigKey<String> matching(
            String path, String defaultValue, Pattern form, String what, String todo, String description) {
        return new ConfigKey<>(
                path,
                "text",
                defaultValue,
                defaultValue == null ? "not set" : defaultValue,
                description,
                (text, key, dir) -> {
                    if (!form.matcher(text).matches()) {
                        throw invalid("'" + key + "' must be " + what + ", not '" + text + "'", todo);
                    }
                    return text;
                },
                false,
                false);
    }

    public static ConfigKey<String> choice(
            String path, String defaultValue, List<String> choices, String todo, String description) {
        String names = choices.size() == 1
                ? choices.get(0)
                : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
        return new ConfigKey<>(
                path,
                "one of " + String.join(", ", choices),
                defaultValue,
                defaultValue == null ? "not set" : defaultValue,
                description,
                (text, key, dir) -> {
                    if (!choices.contains(text)) {
                        throw invalid("'" + key + "' must be " + names + ", not '" + text + "'", todo);
                    }
                    return text;
                },
                false,
                false);
    }

    public static ConfigKey<Duration> duration(String path, Duration defaultValue, String description) {
        return new ConfigKey<>(
                path,
                "duration",
                defaultValue,
                defaultValue == null ? "not set" : Durations.human(defaultValue),
                description,
                (text, key, dir) -> {
                    try {
                        return Durations.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw invalid("'" + key + "': " + e.getMessage(), "set it to a value such as 2s");
                    }
                },
                false,
                false);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ConfigKey<Integer> integer(String path, Integer defaultValue, int min, int max, String description) {
        return new ConfigKey<>(
                path,
                "whole number",
                defaultValue,
                defaultValue == null ? "not set" : defaultValue.toString(),
                description,
                (text, key, dir) -> {
                    int n;
                    try {
                        n = Integer.parseInt(text.strip());
                    } catch (NumberFormatException e) {
                        throw invalid(
                                "'" + key + "' must be a whole number" + range(min, max) + ", not '" + text + "'",
                                "set it to a number such as "
                                        + (defaultValue != null ? defaultValue : Math.max(min, 1)));
                    }
                    if (n < min || n > max) {
                        throw invalid(
                                "'" + key + "' must be a whole number" + range(min, max) + ", not '" + text.strip()
                                        + "'",
                                "set it to a number such as "
                                        + (defaultValue != null ? defaultValue : Math.max(min, 1)));
                    }
                    return n;
                },
                false,
                false);
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == 0 ? " of zero or more" : " of at least " + min;
        }
        return " from " + min + " to " + max;
    }

    public static ConfigKey<Boolean> bool(String path, Boolean defaultValue, String description) {
        return new ConfigKey<>(
                path,
                "true/false",
                defaultValue,
                defaultValue == null ? "not set" : defaultValue.toString(),
                description,
                (text, key, dir) -> switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> true;
                    case "false", "no", "off" -> false;
                    default ->
                        throw invalid(
                                "'" + key + "' must be true or false, not '" + text + "'", "set it to true or false");
                },
                false,
                false);
    }

    /** A file or directory, relative to the project directory unless absolute. */
    public static ConfigKey<Path> path(String path, String description) {
        return new ConfigKey<>(
                path,
                "path",
                null,
                "not set",
                description,
                (text, key, dir) -> text.isBlank() ? null : dir.resolve(text),
                false,
                false);
    }

    /** A list of names: a YAML list, or one text with commas between them (as an environment variable gives it). */
    public static ConfigKey<List<String>> names(String path, List<String> defaultValue, String description) {
        return new ConfigKey<>(
                path,
                "list",
                defaultValue,
                defaultValue.isEmpty() ? "empty" : String.join(", ", defaultValue),
                description,
                (text, key, dir) -> Arrays.stream(text.split("\\s*,\\s*"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                true,
                false);
    }

    /** A list of SQL queries: a YAML list (commas are part of SQL, so one query per item). */
    public static ConfigKey<List<String>> queries(String path, String description) {
        return new ConfigKey<>(
                path,
                "list of SQL queries",
                List.of(),
                "empty",
                description,
                (text, key, dir) -> Arrays.stream(text.split(QUERY_SEPARATOR))
                        .map(String::strip)
                        .filter(q -> !q.isEmpty())
                        .toList(),
                true,
                false);
    }

    /**
     * Named values below this path, kept as written for the owning module to check (it knows the names).
     *
     * @param form one entry, its names in angle brackets and its value last, e.g.
     *     {@code doctor.thresholds.<check>.<threshold>: <value>}
     */
    public static ConfigKey<Map<String, String>> mapping(String path, String form, String description) {
        ConfigKey<Map<String, String>> key = new ConfigKey<>(
                path, "mapping", Map.of(), "empty", description, (text, k, dir) -> Map.of(), false, true);
        key.mapForm = form;
        return key;
    }

    static KeelException invalid(String what, String todo) {
        return new KeelException(CoreError.CONFIG_INVALID, what, todo);
    }

    @Override
    public String toString() {
        return path;
    }
}
