package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.error.ErrorCatalog;
import dev.keel.error.ErrorCode;
import dev.keel.error.ErrorsPage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsPageTest {

    @Test
    void codesAreUniqueAndWellFormed() {
        List<ErrorCode> codes =
                ErrorCatalog.all().stream().flatMap(c -> c.codes().stream()).toList();
        assertThat(codes)
                .extracting(ErrorCode::id)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("KEEL-[A-Z]+(-[A-Z0-9]+)+"));
        assertThat(codes).allSatisfy(c -> assertThat(c.meaning()).as(c.id()).isNotBlank());
    }

    @Test
    void docsErrorsMdListsEveryCode() throws IOException {
        GeneratedPage.assertUpToDate("docs/errors.md", ErrorsPage.render(ErrorCatalog.all()));
    }
}
