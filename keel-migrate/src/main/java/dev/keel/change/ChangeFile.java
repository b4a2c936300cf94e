package dev.keel.change;

import dev.keel.config.Nearest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed change file: the schema it changes (default {@code public}) and its operations in order, each with the
 * label its findings carry, and what reading it found (unknown operations and keys, missing keys, malformed YAML).
 */
public record ChangeFile(String script, String schema, List<Step> steps, ChangeFindings findings) {
    public static final String DEFAULT_SCHEMA = "public";

    /** One operation with its label; findings about it go through {@code findings}, which name it. */
    public record Step(OperationLabel label, Operation operation, ChangeFindings findings) {}

    public List<Operation> operations() {
        return steps.stream().map(Step::operation).toList();
    }

    public static ChangeFile parse(String script, String content) {
        ChangeFindings findings = new ChangeFindings(script);
        List<Step> steps = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlNode.parse(content);
        } catch (YamlNode.Malformed e) {
            findings.error("change-malformed", e.at(), "the file is not valid YAML: " + e.getMessage(), "fix the YAML");
            return new ChangeFile(script, DEFAULT_SCHEMA, List.of(), findings);
        }
        if (!root.isMap()) {
            findings.error(
                    "change-malformed",
                    root.position(),
                    "a change file is a mapping with an operations list",
                    "start the file with operations:");
            return new ChangeFile(script, DEFAULT_SCHEMA, List.of(), findings);
        }
        Set<String> top = Set.of("operations", "schema");
        for (String key : root.map().keySet()) {
            if (!top.contains(key)) {
                String nearest = Nearest.to(key, top);
                findings.error(
                        "change-unknown-key",
                        root.keyPosition(key),
                        "a change file has no key '" + key + "'",
                        nearest == null ? "use operations (and schema)" : "did you mean '" + nearest + "'?");
            }
        }
        String schema =
                root.map().containsKey("schema") ? root.map().get("schema").text() : DEFAULT_SCHEMA;
        YamlNode ops = root.map().get("operations");
        if (ops == null || !ops.isList() || ops.list().isEmpty()) {
            findings.error(
                    "change-no-operations",
                    ops == null ? root.position() : ops.position(),
                    "the change holds no operations",
                    "list them under operations:, e.g. - rename_column: {table: t, from: a, to: b}");
            return new ChangeFile(script, schema == null ? DEFAULT_SCHEMA : schema, List.of(), findings);
        }
        int index = 0;
        for (YamlNode item : ops.list()) {
            index++;
            if (!item.isMap() || item.map().size() != 1) {
                findings.about(OperationLabel.of(index, null, null))
                        .error(
                                "change-malformed",
                                item.position(),
                                "each operation is a mapping with one key, the operation's name",
                                "write - rename_column: {table: t, from: a, to: b}");
                continue;
            }
            String kind = item.map().keySet().iterator().next();
            YamlNode body = item.map().get(kind);
            OperationLabel label = OperationLabel.of(index, kind, body);
            ChangeFindings about = findings.about(label);
            Function<OperationArgs, Operation> parser = Operations.all().get(kind);
            if (parser == null) {
                String nearest = Nearest.to(kind, Operations.all().keySet());
                about.error(
                        "change-unknown-operation",
                        item.keyPosition(kind),
                        "unknown operation '" + kind + "'",
                        nearest == null
                                ? "use one of "
                                        + String.join(", ", Operations.all().keySet())
                                : "did you mean '" + nearest + "'?");
                continue;
            }
            if (!body.isMap()) {
                about.error(
                        "change-malformed",
                        body.position(),
                        kind + " needs its keys as a mapping",
                        "write " + kind + ": {...}");
                continue;
            }
            steps.add(new Step(label, parser.apply(new OperationArgs(kind, body, about)), about));
        }
        return new ChangeFile(script, schema == null ? DEFAULT_SCHEMA : schema, List.copyOf(steps), findings);
    }
}
