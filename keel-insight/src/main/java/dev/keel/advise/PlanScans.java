package dev.keel.advise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code EXPLAIN (FORMAT JSON, VERBOSE)} plan for the tables it scans sequentially and the
 * columns an index could serve there: the scan's own filter, join conditions and sort keys that
 * name the scan's alias. Tables the plan already reaches through an index are left alone.
 */
final class PlanScans {

    private PlanScans() {}

    static List<ScannedTable> of(JsonNode plan) {
        Map<String, Builder> scans = new LinkedHashMap<>();
        List<ColumnUse> elsewhere = new ArrayList<>();
        walk(plan, scans, elsewhere);
        for (ColumnUse use : elsewhere) {
            Builder scan = use.alias() == null ? null : scans.get(use.alias());
            if (scan != null) {
                scan.add(new ColumnUse(null, use.column(), use.kind()));
            }
        }
        return scans.values().stream()
                .filter(b -> !b.columns.isEmpty())
                .map(Builder::build)
                .toList();
    }

    /** Whether the plan reads through the index of that name anywhere. */
    static boolean usesIndex(JsonNode plan, String indexName) {
        if (indexName.equals(plan.path("Index Name").asText(null))) {
            return true;
        }
        for (JsonNode child : plan.path("Plans")) {
            if (usesIndex(child, indexName)) {
                return true;
            }
        }
        return false;
    }

    private static void walk(JsonNode node, Map<String, Builder> scans, List<ColumnUse> elsewhere) {
        String type = node.path("Node Type").asText("");
        if (type.equals("Seq Scan") && node.has("Relation Name")) {
            String alias = node.path("Alias").asText(node.path("Relation Name").asText());
            Builder scan = scans.computeIfAbsent(
                    alias,
                    a -> new Builder(
                            node.path("Schema").asText("public"),
                            node.path("Relation Name").asText(),
                            a));
            if (node.has("Filter")) {
                for (ColumnUse use : FilterColumns.compared(node.get("Filter").asText(), ColumnUse.Kind.EQUALITY)) {
                    if (use.alias() == null || use.alias().equals(alias)) {
                        scan.add(new ColumnUse(null, use.column(), use.kind()));
                    }
                }
            }
        }
        for (String condition : List.of("Hash Cond", "Merge Cond", "Join Filter")) {
            if (node.has(condition)) {
                elsewhere.addAll(FilterColumns.compared(node.get(condition).asText(), ColumnUse.Kind.JOIN));
            }
        }
        for (JsonNode key : node.path("Sort Key")) {
            elsewhere.addAll(FilterColumns.sortKey(key.asText()));
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, scans, elsewhere);
        }
    }

    private static final class Builder {
        final String schema;
        final String table;
        final String alias;
        final List<ColumnUse> columns = new ArrayList<>();

        Builder(String schema, String table, String alias) {
            this.schema = schema;
            this.table = table;
            this.alias = alias;
        }

        void add(ColumnUse use) {
            if (columns.stream().noneMatch(c -> c.column().equals(use.column()))) {
                columns.add(use);
            }
        }

        ScannedTable build() {
            return new ScannedTable(schema, table, alias, columns);
        }
    }
}
