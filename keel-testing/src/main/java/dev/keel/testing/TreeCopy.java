package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a directory tree, so each test can change its own copy of state that is costly to build
 * (a repository with three backups) and no test depends on what another one did to it.
 */
public final class TreeCopy {
    private TreeCopy() {}

    /** Copies {@code from} to {@code to} (which must not exist yet) and returns {@code to}. */
    public static Path of(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            List<Path> all = walk.toList();
            for (Path source : all) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
