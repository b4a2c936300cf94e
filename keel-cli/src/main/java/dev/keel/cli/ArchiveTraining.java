package dev.keel.cli;

import dev.keel.io.FileTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run the launcher records its class-data archive from: the classes it loads start twice as fast in every later
 * keel. Training on {@code check} alone left the backup, restore and connection classes out of the archive, and
 * loading them took 0.3-0.4 s of a 2 s backup. Needs no database: the steps that connect stop at a refused
 * connection, by then their classes are loaded. Exits 0 whatever the steps did, as a training run must not fail.
 */
public final class ArchiveTraining {
    private static final String NOWHERE = "postgresql://127.0.0.1:1/keel_training";

    private ArchiveTraining() {}

    /** @param args the keel checkout, whose examples/shop gives check something to read */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path project = Files.createTempDirectory("keel-training");
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            System.setOut(quiet);
            System.setErr(quiet);
            for (List<String> step : steps(root, project)) {
                Main.run(step.toArray(String[]::new));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            FileTrees.deleteQuietly(project);
        }
        System.exit(0);
    }

    static List<List<String>> steps(Path root, Path project) {
        String dir = project.toString();
        String repo = project.resolve("repo").toUri().toString();
        return List.of(
                List.of("-C", root.resolve("examples/shop").toString(), "check", "db/migrations", "--format", "json"),
                List.of("-C", dir, "--url", NOWHERE, "backup", "init", "--repo", repo),
                List.of("-C", dir, "--url", NOWHERE, "backup", "--repo", repo),
                List.of("-C", dir, "--url", NOWHERE, "--json", "backup", "list", "--repo", repo),
                List.of("-C", dir, "--url", NOWHERE, "restore", "--repo", repo, "--target-dir", dir + "/restored"),
                List.of("-C", dir, "--url", NOWHERE, "migrate"),
                List.of("-C", dir, "--url", NOWHERE, "doctor"));
    }
}
