package dev.keel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementCacheTest {

    @Test
    void aTextIsNormalizedOnceAndKeepsItsEntry() {
        StatementCache cache = new StatementCache(10);

        CachedStatement first = cache.of("SELECT * FROM users WHERE id = 42");
        CachedStatement again = cache.of(new String("SELECT * FROM users WHERE id = 42"));

        assertThat(first.shape()).isEqualTo("SELECT * FROM users WHERE id = ?");
        assertThat(again).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void textsOfOneShapeHaveEntriesOfTheirOwnWithTheSameShape() {
        StatementCache cache = new StatementCache(10);

        CachedStatement a = cache.of("SELECT 1");
        CachedStatement b = cache.of("SELECT 2");

        assertThat(a).isNotSameAs(b);
        assertThat(a.shape()).isEqualTo(b.shape()).isEqualTo("SELECT ?");
    }

    @Test
    void pastTheLimitTextsAreStillNormalizedButNotKept() {
        StatementCache cache = new StatementCache(2);
        cache.of("SELECT a FROM t");
        cache.of("SELECT b FROM t");

        CachedStatement third = cache.of("SELECT c FROM t WHERE id = 7");
        CachedStatement thirdAgain = cache.of("SELECT c FROM t WHERE id = 7");

        assertThat(third.shape()).isEqualTo("SELECT c FROM t WHERE id = ?");
        assertThat(thirdAgain).isNotSameAs(third);
        assertThat(thirdAgain.shape()).isEqualTo(third.shape());
        assertThat(cache.size()).isEqualTo(2);
        // The texts kept before the limit stay cached.
        assertThat(cache.of("SELECT a FROM t")).isSameAs(cache.of("SELECT a FROM t"));
    }

    @Test
    void manyDistinctTextsNeverGrowTheCachePastItsLimit() {
        StatementCache cache = new StatementCache(100);

        for (int i = 0; i < 10_000; i++) {
            assertThat(cache.of("SELECT * FROM t WHERE id = " + i).shape()).isEqualTo("SELECT * FROM t WHERE id = ?");
        }

        assertThat(cache.size()).isEqualTo(100);
    }
}
