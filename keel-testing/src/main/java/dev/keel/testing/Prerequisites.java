package dev.keel.testing;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from the machine (an extension package, a tool). Where it is missing the test
 * is skipped with the reason, unless the environment says it must be there: .ci/run sets such a variable
 * after it installed the thing, and then its absence is a failure, not a quiet skip.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /**
     * Skips the test when {@code present} is false; fails it instead when the environment variable
     * {@code requiredBy} is {@code 1} or {@code true}.
     */
    public static void require(boolean present, String requiredBy, String missing) {
        require(present, requiredBy, missing, System.getenv());
    }

    static void require(boolean present, String requiredBy, String missing, Map<String, String> environment) {
        if (present) {
            return;
        }
        String value = environment.getOrDefault(requiredBy, "");
        if (value.equals("1") || value.equalsIgnoreCase("true")) {
            Assertions.fail(missing + ", but " + requiredBy + "=" + value + " says it must be here");
        }
        Assumptions.abort(missing);
    }
}
