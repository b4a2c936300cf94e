package dev.keel.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
    private final BearerToken token = BearerToken.of("s3cret-token-of-length");

    @Test
    void acceptsTheTokenAsABearerCredentialOnly() {
        assertThat(token.accepts("Bearer s3cret-token-of-length")).isTrue();
        assertThat(token.accepts("bearer s3cret-token-of-length")).isTrue();
        assertThat(token.accepts("Bearer s3cret-token-of-lengt")).isFalse();
        assertThat(token.accepts("Bearer s3cret-token-of-length2")).isFalse();
        assertThat(token.accepts("Basic s3cret-token-of-length")).isFalse();
        assertThat(token.accepts("s3cret-token-of-length")).isFalse();
        assertThat(token.accepts(null)).isFalse();
        assertThat(token.accepts("Bearer ")).isFalse();
    }

    @Test
    void neverPrintsTheToken() {
        assertThat(token.toString()).doesNotContain("s3cret");
    }
}
