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
                    id -> Map.of("id", id, "helpUri", RulePage.of(f), "shortDescription", Map.of("text", id)));
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
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(invocation(report)));
        run.put("results", results);
        if (report.startAfter() != null || !report.excluded().isEmpty()) {
            run.put("properties", properties(report));
        }
        sarif.put("runs", List.of(run));
        return sarif;
    }

    /** keel.yaml's narrowing as notes a code-scanning viewer shows beside the results. */
    private static Map<String, Object> invocation(CheckReport report) {
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", true);
        List<Object> notes = PolicyNotes.all(report).stream()
                .<Object>map(note -> Map.of("level", "note", "message", Map.of("text", note)))
                .toList();
        if (!notes.isEmpty()) {
            invocation.put("toolExecutionNotifications", notes);
        }
        return invocation;
    }

    /** The same, machine-readable, under the names keel's JSON report uses. */
    private static Map<String, Object> properties(CheckReport report) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (report.startAfter() != null) {
            properties.put("startAfter", report.startAfter());
            properties.put("skippedFiles", report.skippedFiles());
        }
        if (!report.excluded().isEmpty()) {
            properties.put("excluded", report.excluded());
        }
        return properties;
    }
}
