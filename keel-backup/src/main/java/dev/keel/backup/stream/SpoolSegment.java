package dev.keel.backup.stream;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One segment being received into the spool: positioned writes, fsync, and the rename that finishes it. */
public final class SpoolSegment implements AutoCloseable {
    private final String name;
    private final Path partial;
    private final Path complete;
    private final FileChannel channel;
    private final WalSpool spool;

    SpoolSegment(String name, Path partial, Path complete, FileChannel channel, WalSpool spool) {
        this.name = name;
        this.partial = partial;
        this.complete = complete;
        this.channel = channel;
        this.spool = spool;
    }

    public String name() {
        return name;
    }

    public Path partialFile() {
        return partial;
    }

    public void write(long offset, byte[] data, int from, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(data, from, length);
        long at = offset;
        try {
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** After this returns, what was written survives a crash; only then may the server hear of it. */
    public void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The segment is whole: durable, renamed to its segment name, ready for the repository. */
    public Path finish() {
        force();
        close();
        try {
            Files.move(partial, complete, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            spool.syncDirectory();
        } catch (IOException e) {
            throw failure(e);
        }
        return complete;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // written data was forced before any position was reported
        }
    }

    private KeelException failure(IOException e) {
        return new KeelException(
                BackupError.SPOOL_IO_FAILED,
                "cannot write WAL segment " + partial + ": " + e.getMessage(),
                "check the spool directory's free space; keel resumes at this segment when restarted",
                e);
    }
}
