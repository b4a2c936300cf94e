package dev.keel.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method that asks for a {@link java.util.Random} parameter one made from a seed, and
 * puts the seed into the failure of a test that fails, so random test data can be replayed:
 * {@code -Dkeel.test.seed=N} makes every such test use seed N.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RandomSeedExtension.class)
public @interface WithSeededRandom {}
