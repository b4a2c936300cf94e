package dev.keel.agent.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A scrape in Prometheus text format, read back as series (name with its labels, as printed) and values. */
record ScrapeText(String text, Map<String, Double> series) {

    static ScrapeText of(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), parse(line.substring(space + 1)));
        }
        return new ScrapeText(text, series);
    }

    private static double parse(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    OptionalDouble value(String seriesKey) {
        Double v = series.get(seriesKey);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The value of a series that must be there. */
    double number(String seriesKey) {
        Double v = series.get(seriesKey);
        if (v == null) {
            throw new AssertionError("no series " + seriesKey + " in the scrape:\n" + text);
        }
        return v;
    }

    /** Every series of a metric name, with or without labels. */
    List<String> named(String name) {
        return series.keySet().stream()
                .filter(k -> k.equals(name) || k.startsWith(name + "{"))
                .toList();
    }

    /** The TYPE line's type of a metric, e.g. gauge, untyped, counter. */
    String type(String name) {
        String prefix = "# TYPE " + name + " ";
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()))
                .findFirst()
                .orElse(null);
    }
}
