package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.postgres.Processes;
import dev.keel.testing.TestProject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as an unprivileged user. CI runs as root (where keel starts PostgreSQL in a
 * user namespace); this test drops to the user nobody to cover the other way, with a copy of the class
 * path that nobody can read.
 */
class NormalUserIT {

    @Test
    void theEmbeddedDefaultWorksForAnUnprivilegedUser(@TempDir Path tmp) throws Exception {
        assumeTrue(Processes.runningAsRoot(), "already unprivileged: every other embedded test covers this user");
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is needed to drop privileges");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path classpath = Files.createDirectory(tmp.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            Path copy = classpath.resolve(n++ + "-" + source.getFileName());
            copyTree(source, copy);
            entries.add(copy.toString());
        }
        Path project = tmp.resolve("project");
        TestProject.in(project)
                .migration("V1__a.sql", "create table a (id bigint generated always as identity primary key);");
        openToAll(tmp);

        List<String> base = List.of(
                "setpriv",
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                "env",
                "HOME=" + project,
                "KEEL_CACHE_DIR=" + tmp.resolve("cache"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, entries),
                Main.class.getName(),
                "-C",
                project.toString());
        try {
            Cli.Run migrate = run(base, "migrate");
            assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
            assertThat(migrate.stdout()).contains("Applied 1 migration");
            assertThat(Files.getOwner(project.resolve(".keel/pgdata")).getName())
                    .isEqualTo("nobody");
        } finally {
            run(base, "db", "stop");
        }
    }

    private static Cli.Run run(List<String> base, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEEL_") || k.startsWith("PG"));
        Path out = Files.createTempFile("nobody", ".out");
        Path err = Files.createTempFile("nobody", ".err");
        Process p =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Cli.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void openToAll(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(
                        p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
    }
}
