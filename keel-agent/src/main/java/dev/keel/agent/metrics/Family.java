package dev.keel.agent.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One metric name with its help text and the samples of one scrape. Cumulative values that postgres_exporter exports
 * as counters are written {@code untyped} here: the Java client appends {@code _total} to every counter, which would
 * change the name that existing dashboards and alert rules query.
 */
final class Family {
    private static final Logger LOG = LoggerFactory.getLogger(Family.class);

    enum Kind {
        GAUGE,
        UNTYPED
    }

    private final String name;
    private final String help;
    private final Kind kind;
    private final List<Labels> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    private Family(String name, String help, Kind kind) {
        this.name = name;
        this.help = help;
        this.kind = kind;
    }

    static Family gauge(String name, String help) {
        return new Family(name, help, Kind.GAUGE);
    }

    static Family untyped(String name, String help) {
        return new Family(name, help, Kind.UNTYPED);
    }

    String name() {
        return name;
    }

    Family add(Labels sampleLabels, double value) {
        labels.add(sampleLabels);
        values.add(value);
        return this;
    }

    Family add(double value) {
        return add(Labels.EMPTY, value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    MetricSnapshot snapshot() {
        if (kind == Kind.GAUGE) {
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
            for (int i = 0; i < values.size(); i++) {
                builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(labels.get(i))
                        .value(values.get(i))
                        .build());
            }
            return builder.build();
        }
        UnknownSnapshot.Builder builder = UnknownSnapshot.builder().name(name).help(help);
        for (int i = 0; i < values.size(); i++) {
            builder.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder()
                    .labels(labels.get(i))
                    .value(values.get(i))
                    .build());
        }
        return builder.build();
    }

    /**
     * The snapshots of the families that have samples: an empty family would print a TYPE line without a value. A
     * family the client refuses (a reserved suffix, two samples with the same labels) is left out and logged: one bad
     * metric must not take the whole of /metrics with it.
     */
    static List<MetricSnapshot> snapshots(List<Family> families) {
        List<MetricSnapshot> out = new ArrayList<>();
        for (Family family : families) {
            if (family.isEmpty()) {
                continue;
            }
            try {
                out.add(family.snapshot());
            } catch (IllegalArgumentException e) {
                LOG.warn("metrics: {} left out of the scrape (a keel bug): {}", family.name, e.getMessage());
            }
        }
        return out;
    }
}
