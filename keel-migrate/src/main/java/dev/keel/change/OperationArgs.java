package dev.keel.change;

import dev.keel.config.Nearest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation's keys as written, read with the position of each for findings: a missing key or an unknown one
 * becomes a finding instead of an exception, so a file reports all its mistakes at once.
 */
public final class OperationArgs {
    private final String operation;
    private final YamlNode node;
    private final ChangeFindings findings;

    public OperationArgs(String operation, YamlNode node, ChangeFindings findings) {
        this.operation = operation;
        this.node = node;
        this.findings = findings;
    }

    public YamlNode.Position position() {
        return node.position();
    }

    public YamlNode.Position position(String key) {
        return node.keyPosition(key);
    }

    public ChangeFindings findings() {
        return findings;
    }

    /** Reports keys this operation does not know, naming the nearest known one. */
    public OperationArgs allow(Set<String> known) {
        node.map().keySet().stream().filter(k -> !known.contains(k)).forEach(k -> {
            String nearest = Nearest.to(k, known);
            findings.error(
                    "change-unknown-key",
                    node.keyPosition(k),
                    operation + " has no key '" + k + "'",
                    nearest == null ? "use one of " + String.join(", ", known) : "did you mean '" + nearest + "'?");
        });
        return this;
    }

    public String required(String key) {
        String value = optional(key);
        if (value == null || value.isBlank()) {
            findings.error(
                    "change-missing-key",
                    node.map().containsKey(key) ? node.keyPosition(key) : node.position(),
                    operation + " needs '" + key + "'",
                    "add " + key + ": <value> to the operation");
            return "";
        }
        return value;
    }

    public String optional(String key) {
        YamlNode value = node.map().get(key);
        return value == null ? null : value.text();
    }

    public boolean flag(String key, boolean otherwise) {
        String value = optional(key);
        if (value == null) {
            return otherwise;
        }
        if (!value.equals("true") && !value.equals("false")) {
            findings.error(
                    "change-bad-value", node.keyPosition(key), operation + "." + key + " must be true or false", "");
            return otherwise;
        }
        return Boolean.parseBoolean(value);
    }

    /** A nested map such as add_column's column; an empty one (with a finding) when missing. */
    public OperationArgs nested(String key) {
        YamlNode value = node.map().get(key);
        if (value == null || !value.isMap()) {
            findings.error(
                    "change-missing-key",
                    value == null ? node.position() : value.position(),
                    operation + " needs '" + key + "' as a mapping",
                    "write " + key + ": {name: ..., type: ...}");
            return new OperationArgs(operation + "." + key, new YamlNode(Map.of(), 0, 0, Map.of()), findings);
        }
        return new OperationArgs(operation + "." + key, value, findings);
    }

    /** A list of names such as create_index's columns; empty (with a finding) when missing. */
    public List<String> names(String key) {
        YamlNode value = node.map().get(key);
        if (value == null || !value.isList() || value.list().isEmpty()) {
            findings.error(
                    "change-missing-key",
                    value == null ? node.position() : value.position(),
                    operation + " needs '" + key + "' as a list of names",
                    "write " + key + ": [a, b]");
            return List.of();
        }
        return value.list().stream().map(n -> n.text() == null ? "" : n.text()).toList();
    }

    /** Each element of a list of mappings, such as create_table's columns. */
    public List<OperationArgs> each(String key) {
        YamlNode value = node.map().get(key);
        if (value == null || !value.isList() || value.list().isEmpty()) {
            findings.error(
                    "change-missing-key",
                    value == null ? node.position() : value.position(),
                    operation + " needs '" + key + "' as a list",
                    "write " + key + ": [{name: id, type: bigint}]");
            return List.of();
        }
        return value.list().stream()
                .map(n -> new OperationArgs(operation + "." + key, n, findings))
                .toList();
    }

    public YamlNode node(String key) {
        return node.map().get(key);
    }
}
