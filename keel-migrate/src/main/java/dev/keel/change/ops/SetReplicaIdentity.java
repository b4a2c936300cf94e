package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sets what a table's logical replication identifies rows by, at start (a catalog-only change); rollback restores it. */
public final class SetReplicaIdentity implements Operation {
    public static final String KIND = "set_replica_identity";
    private static final Map<String, String> STORED = Map.of("d", "DEFAULT", "f", "FULL", "n", "NOTHING");

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    private final String identity;
    private final String index;

    private SetReplicaIdentity(OperationArgs args) {
        this.args = args.allow(Set.of("table", "identity", "index"));
        this.at = args.position();
        this.table = args.required("table");
        this.identity = args.required("identity").toLowerCase();
        this.index = args.optional("index");
        if (!identity.isEmpty()
                && !Set.of("default", "full", "nothing", "index").contains(identity)) {
            args.findings()
                    .error(
                            "change-bad-value",
                            args.position("identity"),
                            "replica identity '" + identity + "' is unknown",
                            "use default, full, nothing or index (with index: <name>)");
        }
        if ("index".equals(identity) && index == null) {
            args.findings().error("change-missing-key", at, "identity index needs 'index'", "name a unique index");
        }
    }

    public static SetReplicaIdentity parse(OperationArgs args) {
        return new SetReplicaIdentity(args);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public YamlNode.Position at() {
        return at;
    }

    @Override
    public void validate(ChangeContext ctx) {
        ctx.table(table, args.position("table"));
    }

    private String clause() {
        return "index".equals(identity) ? "USING INDEX " + quote(index) : identity.toUpperCase();
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        return List.of(Action.atomic(
                "set replica identity of " + table + " to " + identity,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " REPLICA IDENTITY " + clause()));
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        LiveSchema.Table live = ctx.before().table(t.physical());
        String before = live == null ? null : STORED.get(live.replicaIdentity());
        if (before == null) {
            // An index identity is not in the snapshot; the table keeps the one start set.
            return List.of();
        }
        return List.of(Action.atomic(
                "restore replica identity " + before.toLowerCase() + " of " + table,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " REPLICA IDENTITY " + before));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
