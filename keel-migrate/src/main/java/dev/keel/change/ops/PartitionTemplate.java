package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.OperationArgs;
import dev.keel.change.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What each partition gets that it does not inherit by itself: indexes (built on the parent while it is empty, so
 * PostgreSQL gives every partition its own, now and later) and storage settings (set on each partition as it is
 * created: a partitioned table takes none).
 */
final class PartitionTemplate {
    static final PartitionTemplate NONE = new PartitionTemplate(List.of(), null, null);
    private static final Pattern SETTING = Pattern.compile("[a-z_][a-z0-9_.]*");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.]+");

    record Index(String name, List<String> columns, boolean unique, String method, String where, OperationArgs args) {}

    private final List<Index> indexes;
    private final Map<String, YamlNode> settings;
    private final OperationArgs args;

    private PartitionTemplate(List<Index> indexes, Map<String, YamlNode> settings, OperationArgs args) {
        this.indexes = indexes;
        this.settings = settings;
        this.args = args;
    }

    static PartitionTemplate parse(OperationArgs a) {
        a.allow(Set.of("indexes", "settings"));
        List<Index> indexes = new ArrayList<>();
        if (a.node("indexes") != null) {
            for (OperationArgs i : a.each("indexes")) {
                i.allow(Set.of("name", "columns", "unique", "method", "where"));
                indexes.add(new Index(
                        i.required("name"),
                        i.names("columns"),
                        i.flag("unique", false),
                        i.optional("method"),
                        i.optional("where"),
                        i));
            }
        }
        YamlNode s = a.node("settings");
        return new PartitionTemplate(indexes, s != null && s.isMap() ? s.map() : null, a);
    }

    void validate(ChangeContext ctx, TableColumns columns, PartitionBy by) {
        for (Index index : indexes) {
            for (String column : index.columns()) {
                if (columns.column(column) == null) {
                    ctx.findings()
                            .error(
                                    "change-missing-column",
                                    index.args().position("columns"),
                                    "template index " + index.name() + " names " + column
                                            + ", which is not a column of the table",
                                    "use one of " + String.join(", ", columns.names()));
                }
            }
            if (index.unique() && !by.column().isEmpty() && !index.columns().contains(by.column())) {
                ctx.findings()
                        .error(
                                "change-partition-key-not-in-primary-key",
                                index.args().position("unique"),
                                "the unique template index " + index.name() + " does not hold the partition key "
                                        + by.column() + ", which PostgreSQL refuses on a partitioned table",
                                "add " + by.column() + " to its columns, or drop unique");
            }
        }
        if (args != null && args.node("settings") != null && settings == null) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("settings"),
                            "template.settings must be a mapping of storage parameters",
                            "write settings: {fillfactor: 90, autovacuum_vacuum_scale_factor: 0.05}");
        }
        if (settings != null) {
            settings.forEach((k, v) -> {
                if (!SETTING.matcher(k).matches()
                        || v.text() == null
                        || !VALUE.matcher(v.text()).matches()) {
                    ctx.findings()
                            .error(
                                    "change-bad-value",
                                    args.position("settings"),
                                    "template setting " + k + " = " + v.text() + " is not a storage parameter",
                                    "write name: value, e.g. fillfactor: 90");
                }
            });
        }
    }

    /** The WITH list of each new partition; null when there is none. */
    String settings() {
        if (settings == null || settings.isEmpty()) {
            return null;
        }
        return settings.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue().text())
                .collect(Collectors.joining(", "));
    }

    /** Built on the parent in start's transaction: the table is new and empty, so this takes no time. */
    List<Action> indexes(ChangeContext ctx, String table) {
        List<Action> actions = new ArrayList<>();
        for (Index index : indexes) {
            String cols = index.columns().stream().map(c -> quote(c)).collect(Collectors.joining(", "));
            actions.add(Action.atomic(
                    "create template index " + index.name() + " on " + table + " and its partitions",
                    "CREATE " + (index.unique() ? "UNIQUE INDEX " : "INDEX ") + quote(index.name()) + " ON "
                            + ctx.qualified(table) + (index.method() == null ? "" : " USING " + index.method())
                            + " (" + cols + ")" + (index.where() == null ? "" : " WHERE " + index.where())));
        }
        return actions;
    }
}
