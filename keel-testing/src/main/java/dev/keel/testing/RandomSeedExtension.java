package dev.keel.testing;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/** See {@link WithSeededRandom}: one seed per test method, named in its failure. */
public final class RandomSeedExtension implements ParameterResolver, TestExecutionExceptionHandler {
    public static final String SEED_PROPERTY = "keel.test.seed";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RandomSeedExtension.class);
    private static final SecureRandom SEEDS = new SecureRandom();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Random.class
                && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        long seed = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent("seed", k -> chooseSeed(System.getProperty(SEED_PROPERTY)), Long.class);
        return new Random(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Long seed = context.getStore(NAMESPACE).get("seed", Long.class);
        throw seed == null ? failure : withSeed(failure, seed);
    }

    /** The replayed seed when one is given, else a fresh one. */
    static long chooseSeed(String replay) {
        if (replay == null || replay.isBlank()) {
            return SEEDS.nextLong();
        }
        try {
            return Long.parseLong(replay.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + "=" + replay + " is not a whole number", e);
        }
    }

    /** The failure with the seed in its message (the first line reports show); a skipped test stays skipped. */
    static Throwable withSeed(Throwable failure, long seed) {
        if (failure instanceof TestAbortedException) {
            return failure;
        }
        String replay = "random seed " + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed + ")";
        return new AssertionError(replay + ": " + failure, failure);
    }
}
