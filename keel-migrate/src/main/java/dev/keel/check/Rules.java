package dev.keel.check;

import dev.keel.check.rules.AddingExclusionConstraint;
import dev.keel.check.rules.AddingFieldWithVolatileDefault;
import dev.keel.check.rules.ChangingColumnType;
import dev.keel.check.rules.ConstraintMissingNotValid;
import dev.keel.check.rules.DisallowedUniqueConstraint;
import dev.keel.check.rules.DroppingColumn;
import dev.keel.check.rules.DroppingTable;
import dev.keel.check.rules.ReindexWithoutConcurrently;
import dev.keel.check.rules.RenamingColumn;
import dev.keel.check.rules.RenamingTable;
import dev.keel.check.rules.RequireConcurrentIndexCreation;
import dev.keel.check.rules.RequireConcurrentIndexDeletion;
import dev.keel.check.rules.SettingNotNull;
import java.util.List;

/** Every static rule keel runs, in the order their findings are listed. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new AddingExclusionConstraint(),
                new AddingFieldWithVolatileDefault(),
                new ChangingColumnType(),
                new ConstraintMissingNotValid(),
                new DisallowedUniqueConstraint(),
                new DroppingColumn(),
                new DroppingTable(),
                new ReindexWithoutConcurrently(),
                new RenamingColumn(),
                new RenamingTable(),
                new RequireConcurrentIndexCreation(),
                new RequireConcurrentIndexDeletion(),
                new SettingNotNull());
    }
}
