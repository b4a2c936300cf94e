package dev.keel.agent.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;

/** Families as a scrape prints them, through the same client and registry the agent uses. */
final class Families {
    private Families() {}

    static ScrapeText scrape(List<Family> families) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            MultiCollector collector = () -> new MetricSnapshots(Family.snapshots(families));
            registry.getPrometheusRegistry().register(collector);
            return ScrapeText.of(registry.scrape());
        } finally {
            registry.close();
        }
    }
}
