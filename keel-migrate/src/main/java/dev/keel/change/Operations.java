package dev.keel.change;

import dev.keel.change.ops.AddColumn;
import dev.keel.change.ops.AddConstraint;
import dev.keel.change.ops.AlterColumn;
import dev.keel.change.ops.CreateCounter;
import dev.keel.change.ops.CreateIndex;
import dev.keel.change.ops.CreateMaterializedView;
import dev.keel.change.ops.CreatePartitionedTable;
import dev.keel.change.ops.CreateProjection;
import dev.keel.change.ops.CreateSummary;
import dev.keel.change.ops.CreateTable;
import dev.keel.change.ops.DropColumn;
import dev.keel.change.ops.DropConstraint;
import dev.keel.change.ops.DropIndex;
import dev.keel.change.ops.DropProjection;
import dev.keel.change.ops.DropTable;
import dev.keel.change.ops.PartitionTable;
import dev.keel.change.ops.RawSql;
import dev.keel.change.ops.RenameColumn;
import dev.keel.change.ops.RenameTable;
import dev.keel.change.ops.SetReplicaIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Every operation a change file may hold, by the name it is written with. */
public final class Operations {
    private static final Map<String, Function<OperationArgs, Operation>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(CreateTable.KIND, CreateTable::parse);
        ALL.put(CreatePartitionedTable.KIND, CreatePartitionedTable::parse);
        ALL.put(DropTable.KIND, DropTable::parse);
        ALL.put(PartitionTable.KIND, PartitionTable::parse);
        ALL.put(RenameTable.KIND, RenameTable::parse);
        ALL.put(AddColumn.KIND, AddColumn::parse);
        ALL.put(DropColumn.KIND, DropColumn::parse);
        ALL.put(RenameColumn.KIND, RenameColumn::parse);
        ALL.put(AlterColumn.KIND, AlterColumn::parse);
        ALL.put(AddConstraint.KIND, AddConstraint::parse);
        ALL.put(DropConstraint.KIND, DropConstraint::parse);
        ALL.put(CreateIndex.KIND, CreateIndex::parse);
        ALL.put(DropIndex.KIND, DropIndex::parse);
        ALL.put(SetReplicaIdentity.KIND, SetReplicaIdentity::parse);
        ALL.put(CreateCounter.KIND, CreateCounter::parse);
        ALL.put(RawSql.KIND, RawSql::parse);
        ALL.put(CreateSummary.KIND, CreateSummary::parse);
        ALL.put(CreateMaterializedView.KIND, CreateMaterializedView::parse);
        ALL.put(CreateProjection.KIND, CreateProjection::parse);
        ALL.put(DropProjection.KIND, DropProjection::parse);
    }

    private Operations() {}

    public static Map<String, Function<OperationArgs, Operation>> all() {
        return ALL;
    }
}
