package dev.keel.check;

import dev.keel.check.rules.AddingExclusionConstraint;
import dev.keel.check.rules.AddingFieldWithVolatileDefault;
import dev.keel.check.rules.AddingRequiredField;
import dev.keel.check.rules.AddingSerialColumn;
import dev.keel.check.rules.AddingStoredGeneratedColumn;
import dev.keel.check.rules.AddingTriggerOrRule;
import dev.keel.check.rules.AttachPartitionWithoutCheck;
import dev.keel.check.rules.ChangingColumnType;
import dev.keel.check.rules.ChangingTablePersistence;
import dev.keel.check.rules.Cluster;
import dev.keel.check.rules.ConcurrentIndexOnPartitionedTable;
import dev.keel.check.rules.ConstraintMissingNotValid;
import dev.keel.check.rules.DdlAndDmlInOneTransaction;
import dev.keel.check.rules.DetachPartitionWithoutConcurrently;
import dev.keel.check.rules.DisallowedUniqueConstraint;
import dev.keel.check.rules.DropDatabase;
import dev.keel.check.rules.DroppingColumn;
import dev.keel.check.rules.DroppingTable;
import dev.keel.check.rules.EnumAddValueInTransaction;
import dev.keel.check.rules.ForeignKeyWithoutIndex;
import dev.keel.check.rules.FullTableDmlUnderLock;
import dev.keel.check.rules.LockTable;
import dev.keel.check.rules.MigrateRefuses;
import dev.keel.check.rules.MissingLockTimeout;
import dev.keel.check.rules.MultipleAlterTable;
import dev.keel.check.rules.PreferBigint;
import dev.keel.check.rules.PreferIdentity;
import dev.keel.check.rules.PreferJsonb;
import dev.keel.check.rules.PreferText;
import dev.keel.check.rules.PreferTextOverChar;
import dev.keel.check.rules.PreferTimestamptz;
import dev.keel.check.rules.ReindexWithoutConcurrently;
import dev.keel.check.rules.RenamingColumn;
import dev.keel.check.rules.RenamingTable;
import dev.keel.check.rules.RequireConcurrentIndexCreation;
import dev.keel.check.rules.RequireConcurrentIndexDeletion;
import dev.keel.check.rules.SettingNotNull;
import dev.keel.check.rules.SettingTablespace;
import dev.keel.check.rules.Truncate;
import dev.keel.check.rules.UpdateOrDeleteWithoutWhere;
import dev.keel.check.rules.VacuumFull;
import dev.keel.check.rules.ValidateInSameTransaction;
import java.util.List;

/** Every static rule keel runs, in the order their findings are listed. */
public final class Rules {

    private Rules() {}

    public static List<Rule> all() {
        return List.of(
                new AddingExclusionConstraint(),
                new AddingFieldWithVolatileDefault(),
                new AddingRequiredField(),
                new AddingSerialColumn(),
                new AddingStoredGeneratedColumn(),
                new AddingTriggerOrRule(),
                new ChangingColumnType(),
                new ChangingTablePersistence(),
                new Cluster(),
                new AttachPartitionWithoutCheck(),
                new ConcurrentIndexOnPartitionedTable(),
                new ConstraintMissingNotValid(),
                new DdlAndDmlInOneTransaction(),
                new DetachPartitionWithoutConcurrently(),
                new DisallowedUniqueConstraint(),
                new DropDatabase(),
                new DroppingColumn(),
                new DroppingTable(),
                new EnumAddValueInTransaction(),
                new ForeignKeyWithoutIndex(),
                new FullTableDmlUnderLock(),
                new LockTable(),
                new MigrateRefuses(),
                new MissingLockTimeout(),
                new MultipleAlterTable(),
                new PreferBigint(),
                new PreferIdentity(),
                new PreferJsonb(),
                new PreferText(),
                new PreferTextOverChar(),
                new PreferTimestamptz(),
                new ReindexWithoutConcurrently(),
                new RenamingColumn(),
                new RenamingTable(),
                new RequireConcurrentIndexCreation(),
                new RequireConcurrentIndexDeletion(),
                new SettingNotNull(),
                new SettingTablespace(),
                new Truncate(),
                new UpdateOrDeleteWithoutWhere(),
                new VacuumFull(),
                new ValidateInSameTransaction());
    }
}
