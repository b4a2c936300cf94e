package dev.keel.postgres;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL 17 binaries that ship on Maven Central (io.zonky.test.postgres), unpacked once
 * per version into a shared cache and reused by every project and every test.
 */
public final class EmbeddedBinaries {

    private EmbeddedBinaries() {}

    public static String bundledVersion() {
        Properties build = new Properties();
        try (InputStream in = EmbeddedBinaries.class.getResourceAsStream("/dev/keel/keel-build.properties")) {
            build.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("keel-build.properties is missing from keel-core", e);
        }
        return build.getProperty("embedded.binaries.version");
    }

    public static PostgresBinaries unpacked() {
        Path target = cacheRoot().resolve("postgres-" + bundledVersion());
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
            unpack(target);
        }
        return PostgresBinaries.at(target.resolve("bin"));
    }

    static Path cacheRoot() {
        String override = System.getenv("KEEL_CACHE_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("keel");
    }

    /** Unpacks beside the target and renames into place, so concurrent processes never see half a tree. */
    private static void unpack(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
            try {
                try (InputStream txz = resolve();
                        TarArchiveInputStream tar =
                                new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        extract(tar, entry, staging);
                    }
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // another process won the race; its copy is as good as ours
                } catch (IOException e) {
                    if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                        throw e;
                    }
                }
            } finally {
                FileTrees.deleteQuietly(staging);
            }
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.EMBEDDED_FAILED,
                    "cannot unpack the embedded PostgreSQL binaries into " + target + ": " + e.getMessage(),
                    "make the directory writable or set KEEL_CACHE_DIR to a writable one",
                    e);
        }
    }

    private static InputStream resolve() throws IOException {
        InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
        if (in == null) {
            throw new IOException("postgres-linux-x86_64.txz is not on the class path");
        }
        return in;
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            set.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return set;
    }
}
