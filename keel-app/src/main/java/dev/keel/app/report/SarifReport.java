package dev.keel.app.report;

import dev.keel.check.CheckReport;
import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0, the format GitHub code scanning loads. */
public final class SarifReport {

    private SarifReport() {}

    public static Map<String, Object> render(CheckReport report, String version) {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            rules.computeIfAbsent(
                    f.rule(),
                    id -> Map.of(
                            "id", id, "helpUri", "docs/checks/" + id + ".md", "shortDescription", Map.of("text", id)));
            results.add(Map.of(
                    "ruleId", f.rule(),
                    "level", f.severity() == Severity.ERROR ? "error" : "warning",
                    "message", Map.of("text", f.message() + " Fix: " + f.fix()),
                    "locations",
                            List.of(Map.of(
                                    "physicalLocation",
                                    Map.of(
                                            "artifactLocation", Map.of("uri", f.file()),
                                            "region", Map.of("startLine", f.line(), "startColumn", f.column())))),
                    "properties", Map.of("source", f.source())));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "keel");
        driver.put("version", version);
        driver.put("informationUri", "https://keel.dev");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(Map.of("tool", Map.of("driver", driver), "results", results)));
        return sarif;
    }
}
