package dev.keel.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void idsDeriveFromAreaAndConstant() {
        assertThat(CoreError.CONFIG_UNKNOWN_KEY.id()).isEqualTo("KEEL-CORE-CONFIG-UNKNOWN-KEY");
    }

    @Test
    void theExitCodeComesFromTheCode() {
        KeelException e = new KeelException(CoreError.DATABASE_UNREACHABLE, "no answer", "start it");
        assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("no answer — start it");
    }

    @Test
    void coreCatalogIsFoundOnTheClassPath() {
        assertThat(ErrorCatalog.all()).extracting(ErrorCatalog::area).contains("CORE");
    }

    @Test
    void pageListsEveryCodeWithItsExitCode() {
        String page = ErrorsPage.render(ErrorCatalog.all());
        assertThat(page).contains("| `KEEL-CORE-LOCK-TIMEOUT` | 4 |");
    }
}
