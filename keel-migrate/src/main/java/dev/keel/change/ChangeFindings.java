package dev.keel.change;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.util.ArrayList;
import java.util.List;

/** What validating a change file found, each finding at the line and column of the YAML it is about. */
public final class ChangeFindings {
    public static final String SOURCE = "change";

    private final String file;
    private final List<Finding> findings = new ArrayList<>();

    public ChangeFindings(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(String rule, YamlNode.Position at, String message, String fix) {
        findings.add(new Finding(rule, Severity.ERROR, file, at.line(), at.column(), message, fix, SOURCE, ""));
    }

    public void warning(String rule, YamlNode.Position at, String message, String fix) {
        findings.add(new Finding(rule, Severity.WARNING, file, at.line(), at.column(), message, fix, SOURCE, ""));
    }

    public List<Finding> all() {
        return List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
