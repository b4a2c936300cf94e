package dev.keel.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema the checked migrations run against, as one typed model: the target's catalog when keel
 * could read it, then every checked statement in order ({@link SchemaFeed}). Rules read facts here
 * and keep no state of their own. Names are stored as PostgreSQL stores them: folded, and cut to
 * 63 bytes.
 */
public final class SchemaModel {
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated, silently, to this many bytes. */
    public static final int NAME_BYTES = 63;
    /** The schema an unqualified name is looked up in first (the usual search_path). */
    public static final String DEFAULT_SCHEMA = "public";

    public enum RelationKind {
        TABLE,
        PARTITIONED_TABLE,
        VIEW,
        MATERIALIZED_VIEW,
        OTHER
    }

    public enum Volatility {
        IMMUTABLE,
        STABLE,
        VOLATILE
    }

    /** A table, view or materialized view. {@code rowEstimate} is -1 when unknown. */
    public static final class Relation {
        private final String schema;
        private String name;
        private RelationKind kind;
        private final boolean created;
        private String parent;
        private long rowEstimate;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final Map<String, Constraint> constraints = new LinkedHashMap<>();

        Relation(String schema, String name, RelationKind kind, boolean created, long rowEstimate) {
            this.schema = schema;
            this.name = name;
            this.kind = kind;
            this.created = created;
            this.rowEstimate = rowEstimate;
        }

        public String schema() {
            return schema;
        }

        public String name() {
            return name;
        }

        public RelationKind kind() {
            return kind;
        }

        /** The partitioned table it is a partition of ("schema.name"), or empty. */
        public Optional<String> partitionOf() {
            return Optional.ofNullable(parent);
        }

        /** Created by the checked files: no running code relies on it and locking it harms nobody. */
        public boolean created() {
            return created;
        }

        /** The target's estimate of its rows (pg_class.reltuples), 0 for a table the files created, -1 when unknown. */
        public long rowEstimate() {
            return rowEstimate;
        }

        void rowEstimate(long rows) {
            this.rowEstimate = rows;
        }

        void rename(String to) {
            this.name = to;
        }

        public Optional<Column> column(String column) {
            return Optional.ofNullable(columns.get(column));
        }

        public Optional<Constraint> constraint(String constraint) {
            return Optional.ofNullable(constraints.get(constraint));
        }

        public List<Constraint> constraints() {
            return List.copyOf(constraints.values());
        }

        Map<String, Column> columnMap() {
            return columns;
        }

        Map<String, Constraint> constraintMap() {
            return constraints;
        }
    }

    /** A column; {@code type} is null when neither the catalog nor the files tell it. */
    public static final class Column {
        private final String name;
        private ColumnType type;
        private boolean notNull;
        private final boolean added;

        Column(String name, ColumnType type, boolean notNull, boolean added) {
            this.name = name;
            this.type = type;
            this.notNull = notNull;
            this.added = added;
        }

        public String name() {
            return name;
        }

        public Optional<ColumnType> type() {
            return Optional.ofNullable(type);
        }

        void type(ColumnType type) {
            this.type = type;
        }

        public boolean notNull() {
            return notNull;
        }

        void notNull(boolean notNull) {
            this.notNull = notNull;
        }

        /** Added by the checked files (or to a table they created): no running code uses it yet. */
        public boolean added() {
            return added;
        }

        Column renamed(String to) {
            return new Column(to, type, notNull, added);
        }
    }

    /**
     * A constraint. {@code notNullColumn} is the column of a CHECK (column IS NOT NULL), else null;
     * {@code validated} is false for one added NOT VALID and not validated since; {@code check} is true
     * for a CHECK constraint (what lets ATTACH PARTITION skip its scan).
     */
    public record Constraint(String name, String notNullColumn, boolean validated, boolean check) {

        public Constraint(String name, String notNullColumn, boolean validated) {
            this(name, notNullColumn, validated, false);
        }

        Constraint renamed(String to) {
            return new Constraint(to, notNullColumn, validated, check);
        }

        Constraint validatedNow() {
            return new Constraint(name, notNullColumn, true, check);
        }
    }

    /** An index, by its stored name; {@code columns} are the plain columns that lead it (empty when unknown). */
    public record Index(
            String schema, String name, String table, List<String> columns, boolean created, boolean onNewTable) {

        public Index {
            columns = List.copyOf(columns);
        }

        Index renamed(String to) {
            return new Index(schema, to, table, columns, created, onNewTable);
        }
    }

    /** A domain: the type it stands for, and whether it checks values (CHECK or NOT NULL). */
    public record Domain(ColumnType base, boolean constrained) {}

    private final boolean catalogRead;
    private String sessionTimeZone;
    private final Map<String, Relation> relations = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, Volatility> functions = new LinkedHashMap<>();
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final List<Index> unnamedIndexes = new ArrayList<>();
    /** Relations the checked files dropped: whatever the catalog said, they are not there any more. */
    private final Set<String> dropped = new HashSet<>();

    private final Set<String> droppedIndexes = new HashSet<>();
    /** Schemas the checked files dropped (DROP SCHEMA … CASCADE): nothing the model does not know is left in them. */
    private final Set<String> droppedSchemas = new HashSet<>();
    /** The relations that are a partition of another: few, so asking which a table holds stays cheap. */
    private final Set<Relation> partitions = new LinkedHashSet<>();

    /** An empty model: nothing is known about the target, so any table the files did not create is assumed live. */
    public SchemaModel() {
        this(false);
    }

    /** {@code catalogRead}: the target's catalog was read, so what is not in the model does not exist there. */
    public SchemaModel(boolean catalogRead) {
        this.catalogRead = catalogRead;
    }

    public boolean catalogRead() {
        return catalogRead;
    }

    /** The TimeZone keel's own session on the target reported (keel migrate connects the same way); null when unknown. */
    public String sessionTimeZone() {
        return sessionTimeZone;
    }

    void sessionTimeZone(String zone) {
        this.sessionTimeZone = zone;
    }

    /** The name as PostgreSQL stores it: cut to {@value #NAME_BYTES} bytes of UTF-8, never inside a character. */
    public static String stored(String name) {
        return stored(name, NAME_BYTES);
    }

    private static String stored(String name, int limit) {
        if (name == null || name.getBytes(StandardCharsets.UTF_8).length <= limit) {
            return name;
        }
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int width = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + width > limit) {
                break;
            }
            bytes += width;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    /**
     * The name PostgreSQL makes for an object nobody named (makeObjectName): name1_name2_label, with the
     * longer of name1 and name2 cut, a byte at a time, until the whole fits in {@value #NAME_BYTES} bytes.
     * {@code name2} may be null (table_pkey).
     */
    public static String generated(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = NAME_BYTES - overhead;
        String a = name1;
        String b = name2 == null ? "" : name2;
        while (bytes(a) + bytes(b) > available) {
            if (bytes(a) > bytes(b)) {
                a = stored(a, bytes(a) - 1);
            } else {
                b = stored(b, bytes(b) - 1);
            }
        }
        return a + (name2 == null ? "" : "_" + b) + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** "schema.name" for a name as {@link Names#qualifiedAt} reads it; an unqualified one is in {@value #DEFAULT_SCHEMA}. */
    static String key(String qualified) {
        int dot = qualified.lastIndexOf('.');
        String schema = dot < 0 ? DEFAULT_SCHEMA : stored(qualified.substring(0, dot));
        return schema + "." + stored(dot < 0 ? qualified : qualified.substring(dot + 1));
    }

    private static String schemaOf(String key) {
        return key.substring(0, key.indexOf('.'));
    }

    private static String nameOf(String key) {
        return key.substring(key.indexOf('.') + 1);
    }

    // ---- relations

    /** The relation a name as written refers to: qualified, or unqualified in public, else the only schema that has it. */
    public Optional<Relation> relation(String name) {
        return Optional.ofNullable(name == null ? null : relationKey(name)).map(relations::get);
    }

    private String relationKey(String name) {
        String key = key(name);
        if (relations.containsKey(key) || name.contains(".")) {
            return key;
        }
        String found = null;
        for (String candidate : relations.keySet()) {
            if (nameOf(candidate).equals(nameOf(key))) {
                if (found != null) {
                    return key;
                }
                found = candidate;
            }
        }
        return found != null ? found : key;
    }

    /**
     * A relation that exists before the checked migrations run, so locking or rewriting it hurts: one
     * the catalog has and the files did not create. Without the catalog, any relation the files did
     * not create is assumed to exist.
     */
    public boolean existing(String name) {
        if (name == null) {
            return false;
        }
        Relation relation = relation(name).orElse(null);
        return relation != null
                ? !relation.created() || holdsLivePartition(relation, 0)
                : unknownAssumedLive(key(name));
    }

    /**
     * A partitioned table the files created can still hold a live table attached to it (ATTACH PARTITION): locking,
     * indexing or dropping the parent does the same to that partition.
     */
    private boolean holdsLivePartition(Relation parent, int depth) {
        String parentKey = parent.schema() + "." + parent.name();
        // PostgreSQL allows no cycles; the depth only guards against files the model misread.
        return depth < 32
                && partitions.stream()
                        .filter(r -> parentKey.equals(r.parent))
                        .anyMatch(r -> !r.created() || holdsLivePartition(r, depth + 1));
    }

    /** Without the catalog an object the model does not know is assumed live, unless the files dropped it or its schema. */
    private boolean unknownAssumedLive(String key) {
        return !catalogRead && !dropped.contains(key) && !droppedSchemas.contains(schemaOf(key));
    }

    /** Whether anything at all is known of the relation: from the catalog or from the files. */
    public boolean known(String name) {
        return relation(name).isPresent();
    }

    /** A relation the checked files created (kept under a new name after a rename). */
    public boolean created(String name) {
        return relation(name).map(Relation::created).orElse(false);
    }

    /** The target's row estimate for the table, -1 when unknown (no catalog, or never analysed). */
    public long rowEstimate(String name) {
        return relation(name).map(Relation::rowEstimate).orElse(catalogRead ? 0L : -1L);
    }

    public Optional<Column> column(String table, String column) {
        return relation(table).flatMap(r -> r.column(stored(column)));
    }

    Relation addRelation(String qualified, RelationKind kind, boolean created, long rowEstimate) {
        String key = key(qualified);
        Relation relation = new Relation(schemaOf(key), nameOf(key), kind, created, rowEstimate);
        Relation replaced = relations.put(key, relation);
        if (replaced != null) {
            partitions.remove(replaced);
        }
        dropped.remove(key);
        return relation;
    }

    void renameRelation(String from, String to) {
        String key = relationKey(from);
        Relation relation = relations.remove(key);
        if (relation != null) {
            String newName = stored(Names.unqualified(to));
            relation.rename(newName);
            relations.put(schemaOf(key) + "." + newName, relation);
            // Its partitions follow it: a partition names its table by key.
            partitions.stream()
                    .filter(r -> key.equals(r.parent))
                    .forEach(r -> r.parent = schemaOf(key) + "." + newName);
            dropped.add(key);
            dropped.remove(schemaOf(key) + "." + newName);
            indexes.replaceAll((k, index) -> index.table().equals(key)
                    ? new Index(
                            index.schema(),
                            index.name(),
                            schemaOf(key) + "." + newName,
                            index.columns(),
                            index.created(),
                            index.onNewTable())
                    : index);
        }
    }

    void dropRelation(String name) {
        dropKey(relationKey(name), 0);
    }

    /** A dropped partitioned table takes its partitions with it. */
    private void dropKey(String key, int depth) {
        Relation gone = relations.remove(key);
        if (gone != null) {
            partitions.remove(gone);
        }
        dropped.add(key);
        indexes.values().removeIf(index -> index.table().equals(key));
        unnamedIndexes.removeIf(index -> index.table().equals(key));
        List<String> held = partitions.stream()
                .filter(r -> key.equals(r.parent))
                .map(r -> r.schema() + "." + r.name())
                .toList();
        if (depth < 32) {
            held.forEach(partition -> dropKey(partition, depth + 1));
        }
    }

    /** DROP SCHEMA s [CASCADE]: every relation and index in it is gone (without CASCADE it had to be empty). */
    void dropSchema(String schema) {
        String dropped = stored(schema);
        List<String> inSchema = relations.keySet().stream()
                .filter(key -> schemaOf(key).equals(dropped))
                .toList();
        inSchema.forEach(key -> dropKey(key, 0));
        indexes.entrySet().removeIf(e -> e.getValue().schema().equals(dropped));
        unnamedIndexes.removeIf(index -> index.schema().equals(dropped));
        droppedSchemas.add(dropped);
    }

    /** Links a partition to its partitioned table, as the catalog tells it. */
    void partitionOf(String child, String parent) {
        Relation partition = relation(child).orElse(null);
        Relation table = relation(parent).orElse(null);
        if (partition != null && table != null) {
            link(partition, table.schema() + "." + table.name());
        }
    }

    /**
     * ALTER TABLE parent ATTACH PARTITION child: the child (a live table unless the files or the catalog say
     * otherwise) becomes a partition, and PostgreSQL gives it an index matching each of the parent's.
     */
    void attachPartition(String parent, String child) {
        Relation table = relation(parent).orElse(null);
        if (table == null) {
            return;
        }
        table.kind = RelationKind.PARTITIONED_TABLE;
        Relation partition = relation(child).orElseGet(() -> addRelation(child, RelationKind.TABLE, catalogRead, -1));
        String parentKey = table.schema() + "." + table.name();
        link(partition, parentKey);
        String childKey = partition.schema() + "." + partition.name();
        for (Index index : indexes()) {
            if (index.table().equals(parentKey)) {
                unnamedIndexes.add(
                        new Index(partition.schema(), null, childKey, index.columns(), true, partition.created()));
            }
        }
    }

    /** ALTER TABLE parent DETACH PARTITION child: a table of its own again, keeping its indexes. */
    void detachPartition(String child) {
        relation(child).ifPresent(partition -> {
            partition.parent = null;
            partitions.remove(partition);
        });
    }

    private void link(Relation partition, String parentKey) {
        partition.parent = parentKey;
        partitions.add(partition);
    }

    // ---- indexes

    public Optional<Index> index(String name) {
        return Optional.ofNullable(indexKey(name)).map(indexes::get);
    }

    private String indexKey(String name) {
        String key = key(name);
        if (indexes.containsKey(key) || name.contains(".")) {
            return key;
        }
        for (String candidate : indexes.keySet()) {
            if (nameOf(candidate).equals(nameOf(key))) {
                return candidate;
            }
        }
        return key;
    }

    /** Every index known, named or not (an unnamed one still serves lookups). */
    public List<Index> indexes() {
        List<Index> all = new ArrayList<>(indexes.values());
        all.addAll(unnamedIndexes);
        return all;
    }

    /** An index the checked files created (kept under a new name after ALTER INDEX … RENAME TO). */
    public boolean indexCreated(String name) {
        return index(name).map(Index::created).orElse(false);
    }

    /** An index created on a table the checked files created too: nobody can be waiting on it. */
    public boolean indexOnNewTable(String name) {
        return index(name).map(Index::onNewTable).orElse(false);
    }

    /**
     * An index that exists before the checked migrations run: one the catalog has. Without the catalog,
     * any index the files did not create is assumed to exist.
     */
    public boolean indexExisting(String name) {
        Index index = index(name).orElse(null);
        return index != null ? !index.created() : !droppedIndexes.contains(key(name)) && unknownAssumedLive(key(name));
    }

    /**
     * Whether rebuilding or moving the index blocks a live table: its table existed before the checked
     * migrations. An unknown index counts as live unless the catalog was read.
     */
    public boolean indexOnLiveTable(String name) {
        Index index = index(name).orElse(null);
        return index != null ? !index.onNewTable() && existing(index.table()) : unknownAssumedLive(key(name));
    }

    void addIndex(String schema, String name, String table, List<String> columns, boolean created) {
        String tableKey = relationKey(table);
        boolean onNewTable = created && relations.containsKey(tableKey) && !existing(tableKey)
                || created && !relations.containsKey(tableKey) && catalogRead;
        String indexSchema = schema != null ? schema : schemaOf(tableKey);
        Index index =
                new Index(indexSchema, name == null ? null : stored(name), tableKey, columns, created, onNewTable);
        if (name == null) {
            unnamedIndexes.add(index);
        } else {
            indexes.put(indexSchema + "." + index.name(), index);
            droppedIndexes.remove(indexSchema + "." + index.name());
        }
        if (created) {
            // An index on a partitioned table is built on each of its partitions too, under names keel does not follow.
            partitions.stream()
                    .filter(r -> tableKey.equals(r.parent))
                    .forEach(r -> unnamedIndexes.add(
                            new Index(r.schema(), null, r.schema() + "." + r.name(), columns, true, r.created())));
        }
    }

    void renameIndex(String from, String to) {
        String key = indexKey(from);
        Index index = indexes.remove(key);
        if (index != null) {
            Index renamed = index.renamed(stored(Names.unqualified(to)));
            indexes.put(schemaOf(key) + "." + renamed.name(), renamed);
            droppedIndexes.add(key);
        }
    }

    void dropIndex(String name) {
        String key = indexKey(name);
        indexes.remove(key);
        droppedIndexes.add(key);
    }

    // ---- functions and domains

    /** A function's volatility, by its unqualified name; empty when neither the catalog nor the files define it. */
    public Optional<Volatility> function(String name) {
        return Optional.ofNullable(functions.get(stored(Names.unqualified(name))));
    }

    void function(String name, Volatility volatility) {
        // Overloads share a name: the most volatile one decides, as keel cannot tell which is called.
        functions.merge(stored(Names.unqualified(name)), volatility, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    void replaceFunction(String name, Volatility volatility) {
        functions.put(stored(Names.unqualified(name)), volatility);
    }

    public Optional<Domain> domain(String name) {
        return Optional.ofNullable(domains.get(stored(Names.unqualified(name))));
    }

    void domain(String name, Domain domain) {
        domains.put(stored(Names.unqualified(name)), domain);
    }
}
