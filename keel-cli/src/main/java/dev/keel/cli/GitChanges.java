package dev.keel.cli;

import dev.keel.check.CheckError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The .sql files under some paths that changed since a git revision (added, copied, modified or renamed). */
final class GitChanges {

    private GitChanges() {}

    static List<Path> since(Path projectDir, String revision, List<Path> within) {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-C",
                projectDir.toString(),
                "diff",
                "--name-only",
                "--relative",
                "--diff-filter=ACMR",
                revision,
                "--"));
        within.forEach(p -> command.add(p.toString()));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new KeelException(
                        CheckError.GIT_FAILED,
                        "git cannot list the changes since " + revision + ": "
                                + out.strip().lines().findFirst().orElse(""),
                        "pass a revision git knows (a branch, tag or commit) and run keel inside the repository");
            }
            List<Path> changed = new ArrayList<>();
            for (String line : out.lines().toList()) {
                Path file = projectDir.resolve(line.strip());
                if (line.endsWith(".sql") && Files.isRegularFile(file)) {
                    changed.add(Path.of(line.strip()));
                }
            }
            return changed;
        } catch (IOException e) {
            throw new KeelException(
                    CheckError.GIT_FAILED,
                    "cannot run git: " + e.getMessage(),
                    "install git or check without --changed-since",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(CoreError.INTERRUPTED, "interrupted while asking git for changes", "");
        }
    }
}
