package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objects as files below a root directory. A write goes to a hidden temporary file next to its
 * target, is fsynced, renamed over the target and the directory is fsynced: after a crash at any
 * point the name holds either nothing, the old object or the whole new one.
 */
public final class FileObjectStore implements ObjectStore {
    private final Path root;

    public FileObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "file://" + root;
    }

    @Override
    public PendingObject create(String name) {
        Path target = path(name);
        try {
            ensureDirectory(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new FilePending(name, target, temp, channel);
        } catch (IOException e) {
            throw writeFailed(name, e);
        }
    }

    /**
     * A hard link from a fully written and synced temporary file: link(2) fails when the name exists,
     * so the object appears whole or not at all, and only for one of two racing writers. Where the file
     * system has no hard links, an exclusive create does the reserving and a reader may briefly see
     * the content short.
     */
    @Override
    public boolean createIfAbsent(String name, byte[] content) {
        Path target = path(name);
        Path temp = null;
        try {
            ensureDirectory(target.getParent());
            temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
            Files.write(
                    temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
            try {
                Files.createLink(target, temp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    return holds(name, target, content);
                }
                try (FileChannel channel =
                        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(content));
                    channel.force(true);
                }
            }
            fsyncDirectory(target.getParent());
            return true;
        } catch (FileAlreadyExistsException e) {
            return holds(name, target, content);
        } catch (IOException e) {
            throw writeFailed(name, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a hidden temporary file is never listed as an object
                }
            }
        }
    }

    /** The object counts as this caller's when it holds exactly its content (see ObjectStore#createIfAbsent). */
    private boolean holds(String name, Path target, byte[] content) {
        try {
            return Arrays.equals(Files.readAllBytes(target), content);
        } catch (IOException e) {
            throw readFailed(name, e);
        }
    }

    @Override
    public InputStream open(String name) {
        try {
            return Files.newInputStream(path(name));
        } catch (NoSuchFileException e) {
            throw missing(name);
        } catch (IOException e) {
            throw readFailed(name, e);
        }
    }

    @Override
    public InputStream open(String name, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(path(name), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (NoSuchFileException e) {
            throw missing(name);
        } catch (IOException e) {
            throw readFailed(name, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String name) {
        Path file = path(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(new ObjectInfo(name, Files.size(file))) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read the size of object '" + name + "' in " + describe() + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    @Override
    public Optional<Instant> storedAt(String name) {
        try {
            return Optional.of(Files.getLastModifiedTime(path(name)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot read the time of object '" + name + "' in " + describe() + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        ObjectNames.checkPrefix(prefix);
        // Walk only the deepest directory the prefix names, not the whole repository.
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = nameOf(file);
                    if (name.startsWith(prefix) && !hidden(name) && attrs.isRegularFile()) {
                        objects.add(new ObjectInfo(name, attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // Deleted or renamed (a writer's temporary file) while we walked: it is simply not listed, and
                    // the walk goes on. Stopping there lost every later object, and a drill could take an id in use.
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException e) {
            // The directory itself went away while we walked: nothing under it to list.
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot list " + describe() + "/" + prefix + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
        objects.sort((a, b) -> a.name().compareTo(b.name()));
        return objects;
    }

    @Override
    public List<String> children(String prefix) {
        ObjectNames.checkPrefix(prefix);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("children() needs a prefix ending with '/', not '" + prefix + "'");
        }
        Path dir = prefix.isEmpty() ? root : root.resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String part = entry.getFileName().toString();
                if (!part.startsWith(".")) {
                    names.add(part);
                }
            }
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot list " + describe() + "/" + prefix + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
        return List.copyOf(names);
    }

    @Override
    public void delete(String name) {
        try {
            Path file = path(name);
            Files.deleteIfExists(file);
            removeEmptyParents(file.getParent());
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot delete object '" + name + "' in " + describe() + ": " + e.getMessage(),
                    "check the directory's permissions",
                    e);
        }
    }

    /**
     * An S3 prefix vanishes with its last object; directories should too, or children() would still
     * name a removed backup. A directory that gained an entry meanwhile is simply left.
     */
    private void removeEmptyParents(Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        // Nothing held open between calls.
    }

    private Path path(String name) {
        return root.resolve(ObjectNames.check(name));
    }

    private String nameOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean hidden(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Creates missing directories and fsyncs each one's parent, so the new entries survive a power loss too. */
    private void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        ensureDirectory(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // Another writer made it first; that is as good.
        }
        fsyncDirectory(dir.getParent());
    }

    /** Files and directories committed without their own fsync, while durability is deferred. */
    private volatile Set<Path> undurable;

    @Override
    public void deferDurability() {
        undurable = ConcurrentHashMap.newKeySet();
    }

    @Override
    public void makeDurable() {
        Set<Path> pending = undurable;
        undurable = null;
        if (pending == null || pending.isEmpty()) {
            return;
        }
        try {
            // One syncfs of the repository's file system instead of a fsync per file and directory:
            // thousands of small files made those fsyncs most of a backup's time.
            if (!FileSystemSync.of(root)) {
                for (Path p : pending) {
                    if (Files.isDirectory(p)) {
                        fsyncDirectory(p);
                    } else if (Files.exists(p)) {
                        try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                            channel.force(true);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_IO_FAILED,
                    "cannot make the objects written to " + describe() + " durable: " + e.getMessage(),
                    "check the repository's disk; the backup is not complete",
                    e);
        }
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private KeelException writeFailed(String name, IOException e) {
        if (DiskFull.causedIt(e)) {
            return DiskFull.error(name, describe(), e);
        }
        if (e instanceof AccessDeniedException) {
            return new RepositoryRefusal(
                    BackupError.REPOSITORY_ACCESS_DENIED,
                    "cannot write object '" + name + "' to " + describe() + ": permission denied",
                    "let the user keel runs as write to the repository directory",
                    e);
        }
        return new KeelException(
                BackupError.REPOSITORY_IO_FAILED,
                "cannot write object '" + name + "' to " + describe() + ": " + e.getMessage(),
                "check free space and the directory's permissions",
                e);
    }

    private KeelException readFailed(String name, IOException e) {
        return new KeelException(
                BackupError.REPOSITORY_IO_FAILED,
                "cannot read object '" + name + "' in " + describe() + ": " + e.getMessage(),
                "check the directory's permissions",
                e);
    }

    private KeelException missing(String name) {
        return new KeelException(
                BackupError.OBJECT_MISSING,
                "object '" + name + "' is missing from " + describe(),
                "run keel backup verify to list every missing object");
    }

    private final class FilePending extends PendingObject {
        private final String name;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean committed;
        private boolean closed;

        FilePending(String name, Path target, Path temp, FileChannel channel) {
            this.name = name;
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void commit() throws IOException {
            if (closed) {
                throw new IOException("object '" + name + "' was already closed");
            }
            try {
                out.flush();
                Set<Path> deferred = undurable;
                if (deferred == null) {
                    channel.force(true);
                }
                channel.close();
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the file system cannot rename atomically", e);
                }
                if (deferred == null) {
                    fsyncDirectory(target.getParent());
                } else {
                    deferred.add(target);
                    deferred.add(target.getParent());
                }
                committed = true;
            } catch (IOException e) {
                throw writeFailed(name, e);
            } finally {
                close();
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            channel.close();
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
