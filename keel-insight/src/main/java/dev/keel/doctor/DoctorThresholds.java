package dev.keel.doctor;

import dev.keel.config.ByteSizes;
import dev.keel.config.Durations;
import dev.keel.config.Nearest;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thresholds from keel.yaml ({@code doctor.thresholds.<check>.<name>: value}) applied to the
 * doctor's checks. A check's thresholds are the components of its record that are numbers or
 * durations, named as in the record (TableBloat's {@code minWastedBytes}, {@code bloatShare}), so
 * a new check is configurable without a line here, and a name in keel.yaml cannot drift from the
 * code. Every key is checked: an unknown check or threshold, or a value that does not parse, is a
 * configuration error naming the nearest known one (exit 2), never a silently ignored setting.
 */
public final class DoctorThresholds {

    private DoctorThresholds() {}

    /** @param thresholds keyed {@code <check>.<name>}, as KeelYaml.Doctor carries them */
    public static Doctor apply(Doctor doctor, Map<String, String> thresholds) {
        if (thresholds.isEmpty()) {
            return doctor;
        }
        Map<String, Map<String, String>> byCheck = new LinkedHashMap<>();
        thresholds.forEach((key, value) -> {
            int dot = key.indexOf('.');
            byCheck.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(key.substring(dot + 1), value);
        });
        List<String> ids = doctor.checks().stream().map(DoctorCheck::id).toList();
        for (String id : byCheck.keySet()) {
            if (!ids.contains(id)) {
                throw new KeelException(
                        InsightError.THRESHOLD_UNKNOWN,
                        "unknown check '" + id + "' in doctor.thresholds",
                        "did you mean '" + Nearest.to(id, ids) + "'? The checks are listed in docs/runbooks/README.md");
            }
        }
        List<DoctorCheck> configured = new ArrayList<>();
        for (DoctorCheck check : doctor.checks()) {
            Map<String, String> values = byCheck.get(check.id());
            String elsewhere = check.thresholdsElsewhere();
            if (values != null && elsewhere != null) {
                String[] parts = elsewhere.split(" — ", 2);
                throw new KeelException(
                        InsightError.THRESHOLD_UNKNOWN,
                        check.id() + " takes no doctor.thresholds: " + parts[0],
                        parts.length > 1 ? parts[1] : "remove them");
            }
            configured.add(values == null ? check : configure(check, values));
        }
        return doctor.withChecks(configured);
    }

    /** The names and current values a check takes, in record order: what docs/runbooks/README.md lists. */
    public static Map<String, Object> of(DoctorCheck check) {
        Map<String, Object> found = new LinkedHashMap<>();
        if (check.getClass().isRecord()) {
            for (RecordComponent c : check.getClass().getRecordComponents()) {
                if (isThreshold(c.getType())) {
                    found.put(c.getName(), read(c, check));
                }
            }
        }
        return found;
    }

    private static DoctorCheck configure(DoctorCheck check, Map<String, String> values) {
        Map<String, Object> known = of(check);
        if (known.isEmpty()) {
            throw new KeelException(
                    InsightError.THRESHOLD_UNKNOWN,
                    "check '" + check.id() + "' has no thresholds to set in doctor.thresholds",
                    "remove doctor.thresholds." + check.id() + " from keel.yaml");
        }
        for (String name : values.keySet()) {
            if (!known.containsKey(name)) {
                throw new KeelException(
                        InsightError.THRESHOLD_UNKNOWN,
                        "unknown threshold 'doctor.thresholds." + check.id() + "." + name + "'",
                        "did you mean '" + Nearest.to(name, known.keySet()) + "'? " + check.id() + " takes "
                                + String.join(", ", known.keySet()));
            }
        }
        RecordComponent[] components = check.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String text = values.get(c.getName());
            arguments[i] = text == null
                    ? read(c, check)
                    : parse("doctor.thresholds." + check.id() + "." + c.getName(), c, text);
        }
        try {
            Constructor<?> canonical = check.getClass().getDeclaredConstructor(types);
            return (DoctorCheck) canonical.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new KeelException(
                    InsightError.THRESHOLD_INVALID,
                    "doctor.thresholds." + check.id() + " is not accepted: " + cause.getMessage(),
                    "change the values in keel.yaml");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("check " + check.id() + " cannot be rebuilt with its thresholds", e);
        }
    }

    private static Object parse(String key, RecordComponent c, String text) {
        String value = text.strip();
        try {
            Object parsed;
            if (c.getType() == Duration.class) {
                parsed = Durations.parse(value);
            } else if (c.getType() == double.class) {
                parsed = Double.parseDouble(value);
                if (!Double.isFinite((Double) parsed)) {
                    throw new NumberFormatException();
                }
            } else {
                long n = c.getName().endsWith("Bytes") || c.getName().endsWith("BytesPerDay")
                        ? bytes(value)
                        : Long.parseLong(value);
                parsed = c.getType() == int.class ? Math.toIntExact(n) : (Object) n;
            }
            if (negative(parsed)) {
                throw new KeelException(
                        InsightError.THRESHOLD_INVALID,
                        "'" + key + "' must not be negative, not '" + text + "'",
                        "set it to zero or more");
            }
            return parsed;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new KeelException(
                    InsightError.THRESHOLD_INVALID,
                    "'" + key + "' must be " + kind(c) + ", not '" + text + "'",
                    "set it to a value such as " + example(c));
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    InsightError.THRESHOLD_INVALID,
                    "'" + key + "': " + e.getMessage(),
                    "set it to a value such as " + example(c));
        }
    }

    private static long bytes(String value) {
        try {
            return ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            // Reported as any number that does not parse: what kind of value the threshold takes.
            throw new NumberFormatException(value);
        }
    }

    private static boolean negative(Object value) {
        return value instanceof Duration d ? d.isNegative() : ((Number) value).doubleValue() < 0;
    }

    private static boolean isThreshold(Class<?> type) {
        return type == int.class || type == long.class || type == double.class || type == Duration.class;
    }

    private static String kind(RecordComponent c) {
        if (c.getType() == Duration.class) {
            return "a duration";
        }
        if (c.getType() == double.class) {
            return "a number";
        }
        return c.getName().endsWith("Bytes") || c.getName().endsWith("BytesPerDay")
                ? "a size in bytes (or with kB, MB, GB, TB)"
                : "a whole number";
    }

    private static String example(RecordComponent c) {
        if (c.getType() == Duration.class) {
            return "5m";
        }
        if (c.getType() == double.class) {
            return "0.5";
        }
        return kind(c).startsWith("a size") ? "100MB" : "10";
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
