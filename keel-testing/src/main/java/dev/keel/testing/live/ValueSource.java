package dev.keel.testing.live;

import java.util.Random;

/** The value a writer puts into the column under change, bound with {@code setObject}. */
@FunctionalInterface
public interface ValueSource {
    Object next(Random random);

    /** Short text values, for a text column. */
    static ValueSource text() {
        return random -> "v" + random.nextInt(1_000_000);
    }

    /** Small integers that fit an int column (so a change to bigint must keep every one of them). */
    static ValueSource integer() {
        return random -> random.nextInt(1_000_000);
    }
}
