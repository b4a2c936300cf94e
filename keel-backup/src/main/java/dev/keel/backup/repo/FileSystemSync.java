package dev.keel.backup.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * syncfs(2) of the file system holding a path, through coreutils' {@code sync -f}: Java has no call
 * for it. Flushing a whole file system at once costs about as much as one fsync, where a backup of a
 * cluster writes thousands of files.
 */
public final class FileSystemSync {

    private FileSystemSync() {}

    /** True when the file system was flushed; false when {@code sync -f} is missing or failed, so the caller fsyncs file by file. */
    public static boolean of(Path path) {
        try {
            Process p = new ProcessBuilder("sync", "-f", path.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
