package dev.keel.check;

import dev.keel.check.rules.AddingFieldWithVolatileDefault;
import dev.keel.check.rules.ConstraintMissingNotValid;
import dev.keel.check.rules.RequireConcurrentIndexCreation;
import java.util.List;

/** Every static rule keel runs, in the order their findings are listed. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new AddingFieldWithVolatileDefault(),
                new ConstraintMissingNotValid(),
                new RequireConcurrentIndexCreation());
    }
}
