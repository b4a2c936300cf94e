package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** keel as the backup tests run it: against a test cluster, in a project directory, with a file repository. */
final class BackupRuns {

    private BackupRuns() {}

    /** With {@code --repo file://repo} after the arguments; without it when {@code repo} is null. */
    static Cli.Run keel(TestCluster cluster, Path project, Path repo, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", cluster.jdbcUrl(), "-C", project.toString()));
        all.addAll(List.of(args));
        if (repo != null) {
            all.addAll(List.of("--repo", "file://" + repo));
        }
        return Cli.run(all.toArray(String[]::new));
    }

    /** What archive_command would have done: every finished segment up to {@code last} through keel wal push. */
    static void pushFinishedSegments(TestCluster cluster, Path project, Path repo, String last) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(cluster.cluster().dataDir().resolve("pg_wal"))) {
            segments = files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")
                            && f.getFileName().toString().compareTo(last) <= 0)
                    .sorted()
                    .toList();
        }
        for (Path segment : segments) {
            Cli.Run run = keel(cluster, project, repo, "wal", "push", segment.toString());
            assertThat(run.exitCode()).as(run.stderr()).isZero();
        }
    }
}
