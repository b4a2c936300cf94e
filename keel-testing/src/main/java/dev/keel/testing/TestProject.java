package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project directory for a test: keel.yaml and db/migrations, written file by file. */
public final class TestProject {
    private final Path dir;

    private TestProject(Path dir) {
        this.dir = dir;
    }

    public static TestProject in(Path dir) {
        try {
            Files.createDirectories(dir.resolve("db/migrations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestProject(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path migrations() {
        return dir.resolve("db/migrations");
    }

    public TestProject migration(String fileName, String sql) {
        return write(migrations().resolve(fileName), sql.getBytes(StandardCharsets.UTF_8));
    }

    public TestProject migrationBytes(String fileName, byte[] content) {
        return write(migrations().resolve(fileName), content);
    }

    public TestProject config(String yaml) {
        return write(dir.resolve("keel.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    public TestProject delete(String fileName) {
        try {
            Files.delete(migrations().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private TestProject write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
