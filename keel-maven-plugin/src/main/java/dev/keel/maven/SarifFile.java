package dev.keel.maven;

import dev.keel.app.JsonOutput;
import dev.keel.app.report.SarifReport;
import dev.keel.check.CheckReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** keel check's SARIF report as a file, for a CI step that uploads it to code scanning. */
final class SarifFile {

    private SarifFile() {}

    static void write(Path file, CheckReport report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(
                    file, JsonOutput.write(SarifReport.render(report, KeelVersion.current())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
