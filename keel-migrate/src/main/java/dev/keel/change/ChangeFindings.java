package dev.keel.change;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What validating a change file found, each finding at the line and column of the YAML it is about. A finding about
 * one operation names it at the start of its message ({@link #about}), so every output format shows which operation
 * it is, not only a position in the file.
 */
public final class ChangeFindings {
    public static final String SOURCE = "change";

    private final String file;
    private final List<Finding> findings;
    private final OperationLabel operation;

    public ChangeFindings(String file) {
        this(file, new ArrayList<>(), null);
    }

    private ChangeFindings(String file, List<Finding> findings, OperationLabel operation) {
        this.file = file;
        this.findings = findings;
        this.operation = operation;
    }

    /** The same findings, with what is reported through the returned view naming {@code operation}. */
    public ChangeFindings about(OperationLabel operation) {
        return new ChangeFindings(file, findings, operation);
    }

    public String file() {
        return file;
    }

    public void error(String rule, YamlNode.Position at, String message, String fix) {
        findings.add(new Finding(rule, Severity.ERROR, file, at.line(), at.column(), named(message), fix, SOURCE, ""));
    }

    public void warning(String rule, YamlNode.Position at, String message, String fix) {
        findings.add(
                new Finding(rule, Severity.WARNING, file, at.line(), at.column(), named(message), fix, SOURCE, ""));
    }

    private String named(String message) {
        return operation == null ? message : operation + ": " + message;
    }

    public List<Finding> all() {
        return List.copyOf(findings);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
