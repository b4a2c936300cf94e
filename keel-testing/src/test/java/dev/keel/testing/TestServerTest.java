package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.postgres.PostgresBinaries;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestServerTest {
    private static final Optional<PostgresBinaries> SYSTEM =
            Optional.of(new PostgresBinaries(Path.of("/opt/pg15/bin"), 15, "15.8"));

    @Test
    void thePropertyWinsOverTheVariableAndNeitherMeansAuto() {
        assertThat(TestServer.parse("system", "embedded")).isEqualTo(TestServer.SYSTEM);
        assertThat(TestServer.parse(null, "embedded")).isEqualTo(TestServer.EMBEDDED);
        assertThat(TestServer.parse(" ", null)).isEqualTo(TestServer.AUTO);
        assertThat(TestServer.parse("Embedded-If-System", null)).isEqualTo(TestServer.EMBEDDED_IF_SYSTEM);
    }

    @Test
    void anUnknownChoiceNamesTheKnownOnes() {
        assertThatThrownBy(() -> TestServer.parse("pg15", null))
                .hasMessageContaining("'pg15'")
                .hasMessageContaining("auto, embedded, system or embedded-if-system");
    }

    @Test
    void theSecondPassRunsOnlyBesideASystemServerAndNotForClassesThatAskForTheEmbeddedAnyway() {
        assertThat(TestServer.EMBEDDED_IF_SYSTEM.skipReason(false, SYSTEM)).isEmpty();
        assertThat(TestServer.EMBEDDED_IF_SYSTEM.skipReason(false, Optional.empty()))
                .get()
                .asString()
                .contains("the default pass already ran this class on the embedded 17");
        assertThat(TestServer.EMBEDDED_IF_SYSTEM.skipReason(true, SYSTEM))
                .get()
                .asString()
                .contains("in the default pass already");
        assertThat(TestServer.AUTO.skipReason(false, Optional.empty())).isEmpty();
        assertThat(TestServer.EMBEDDED.skipReason(true, SYSTEM)).isEmpty();
    }

    @Test
    void autoTakesTheSystemServerWhenThereIsOne() {
        assertThat(TestServer.AUTO.binaries(WithPostgres.Binaries.SYSTEM_OR_EMBEDDED, SYSTEM))
                .isSameAs(SYSTEM.get());
    }

    @Test
    void systemFailsWhereNoneIsInstalled() {
        assertThatThrownBy(() -> TestServer.SYSTEM.binaries(WithPostgres.Binaries.SYSTEM_OR_EMBEDDED, Optional.empty()))
                .hasMessageContaining("keel.test.server=system, but no PostgreSQL is installed here");
    }
}
