package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {
    private static final List<String> LINES = List.of(
            "# comment",
            "",
            "db.internal:5432:shop:app:app-secret",
            "db.internal:5432:replication:backup:repl\\:secret",
            "*:*:*:backup:fallback:with:colons",
            "db\\\\x:*:*:*:escaped-host");

    @Test
    void theFirstMatchingLineWins() {
        assertThat(PgPassFile.find(LINES, "db.internal", 5432, "replication", "backup"))
                .contains("repl:secret");
        assertThat(PgPassFile.find(LINES, "db.internal", 5432, "shop", "app")).contains("app-secret");
    }

    @Test
    void starsMatchAnythingAndThePasswordKeepsItsColons() {
        assertThat(PgPassFile.find(LINES, "other", 6432, "replication", "backup"))
                .contains("fallback:with:colons");
    }

    @Test
    void backslashEscapesInFields() {
        assertThat(PgPassFile.find(LINES, "db\\x", 1, "a", "b")).contains("escaped-host");
    }

    @Test
    void noMatchIsNoPassword() {
        assertThat(PgPassFile.find(LINES, "db.internal", 5433, "shop", "app")).isEmpty();
    }

    @Test
    void pgpassfileNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pass");
        Files.writeString(file, "h:1:replication:u:from-file\n");

        assertThat(PgPassFile.find("h", 1, "replication", "u", Map.of("PGPASSFILE", file.toString())))
                .contains("from-file");
        assertThat(PgPassFile.find(
                        "h",
                        1,
                        "replication",
                        "u",
                        Map.of("PGPASSFILE", dir.resolve("missing").toString())))
                .isEmpty();
    }
}
