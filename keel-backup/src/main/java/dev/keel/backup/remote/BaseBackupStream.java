package dev.keel.backup.remote;

import dev.keel.sql.Identifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The server side of BASE_BACKUP in PostgreSQL 15 and later: a result set with the start position,
 * one with the tablespaces, then a single COPY OUT whose CopyData messages start with a type byte
 * ('n' a new archive with its name and tablespace location, 'd' archive or manifest data, 'p'
 * progress, 'm' the manifest follows), CopyDone, and a result set with the end position.
 * Archives are handed out one after the other as streams, so nothing is held in memory.
 */
final class BaseBackupStream {
    private final PgWire wire;
    private final LongConsumer serverProgress;
    private BackendMessage pending;
    private boolean copyDone;
    private IOException failure;

    /** @param serverProgress hears the server's count of bytes sent so far, which includes the tar headers */
    BaseBackupStream(PgWire wire, LongConsumer serverProgress) {
        this.wire = wire;
        this.serverProgress = serverProgress;
    }

    record Position(String lsn, int timeline) {}

    /** @param oid null for the main data directory; @param sizeKb the server's estimate, null without PROGRESS */
    record Tablespace(String oid, String location, Long sizeKb) {}

    record Start(Position position, List<Tablespace> tablespaces) {
        long estimatedBytes() {
            return tablespaces.stream()
                    .mapToLong(t -> t.sizeKb() == null ? 0 : t.sizeKb() * 1024)
                    .sum();
        }
    }

    /** @param location the tablespace's directory on the server; empty for the main data directory */
    record Archive(String name, String location) {}

    /**
     * The command text. WAL true puts the WAL from start to end into the main archive's pg_wal/;
     * WAIT false because keel stores that WAL itself instead of waiting for the archiver; no
     * server manifest because keel records its own SHA-256 of every file as it stores it. No
     * MAX_RATE: keel throttles what it reads, and TCP flow control slows the server's reads to match.
     */
    static String command(String label) {
        return "BASE_BACKUP (LABEL " + Identifiers.literal(label)
                + ", PROGRESS true, CHECKPOINT 'fast', WAL true, WAIT false, MANIFEST 'no')";
    }

    /** Sends the command and reads up to the start of the COPY stream. */
    Start begin(String command) throws IOException {
        wire.query(command);
        QueryResult position = null;
        QueryResult tablespaces = null;
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'T' -> {
                    if (position == null) {
                        position = QueryResult.read(wire, message);
                    } else {
                        tablespaces = QueryResult.read(wire, message);
                    }
                }
                case 'C', 'N', 'S' -> {
                    // the tablespace list's own CommandComplete, notices, parameter changes
                }
                case 'E' -> throw drainError(message);
                case 'H' -> {
                    if (position == null || tablespaces == null) {
                        throw new IOException(
                                "the server started the backup's COPY stream before sending its start position and tablespaces");
                    }
                    return new Start(position(position), tablespaces(tablespaces));
                }
                default ->
                    throw new IOException(
                            "unexpected '" + message.type() + "' message before the backup's COPY stream");
            }
        }
    }

    /** The next archive; null when the COPY stream has ended. A manifest, if the server sends one, is skipped. */
    Archive nextArchive() throws IOException {
        while (true) {
            BackendMessage message = take();
            if (message == null) {
                return null;
            }
            if (message.type() != 'd') {
                throw new IOException("unexpected '" + message.type() + "' message in the backup's COPY stream");
            }
            char kind = (char) message.int8();
            switch (kind) {
                case 'n' -> {
                    return new Archive(message.cstring(), message.cstring());
                }
                case 'p' -> serverProgress.accept(message.int64());
                case 'm' -> data().transferTo(OutputStream.nullOutputStream());
                case 'd' -> throw new IOException("the server sent archive data before naming the archive");
                default -> throw new IOException("unexpected CopyData type '" + kind + "' in the backup's COPY stream");
            }
        }
    }

    /** The current archive's bytes (or the manifest's): they end where the next archive, the manifest or CopyDone begins. */
    InputStream data() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int offset;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                while (offset >= chunk.length) {
                    if (!nextChunk()) {
                        return -1;
                    }
                }
                int n = Math.min(len, chunk.length - offset);
                System.arraycopy(chunk, offset, buffer, off, n);
                offset += n;
                return n;
            }

            private boolean nextChunk() throws IOException {
                while (true) {
                    BackendMessage message = take();
                    if (message == null) {
                        return false;
                    }
                    byte[] body = message.body();
                    if (message.type() == 'd' && body.length > 0 && body[0] == 'd') {
                        chunk = body;
                        offset = 1;
                        return true;
                    }
                    if (message.type() == 'd' && body.length > 0 && body[0] == 'p') {
                        message.int8();
                        serverProgress.accept(message.int64());
                        continue;
                    }
                    pending = message;
                    return false;
                }
            }
        };
    }

    /** After CopyDone: the end position, then the server's ReadyForQuery. */
    Position finish() throws IOException {
        while (take() != null) {
            // an archive nobody read to its end
        }
        QueryResult end = null;
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'T' -> end = QueryResult.read(wire, message);
                case 'C', 'N', 'S' -> {
                    // BASE_BACKUP's CommandComplete, notices
                }
                case 'E' -> throw drainError(message);
                case 'Z' -> {
                    if (end == null) {
                        throw new IOException("the server ended the backup without its end position");
                    }
                    return position(end);
                }
                default ->
                    throw new IOException("unexpected '" + message.type() + "' message after the backup's COPY stream");
            }
        }
    }

    /** The server's error that cut the stream short, if any: it explains a failure better than the broken stream does. */
    IOException failure() {
        return failure;
    }

    /** The next CopyData message; null at CopyDone. Errors and stray messages end the stream. */
    private BackendMessage take() throws IOException {
        if (pending != null) {
            BackendMessage message = pending;
            pending = null;
            return message;
        }
        if (copyDone) {
            return null;
        }
        while (true) {
            BackendMessage message;
            try {
                message = wire.read();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
            switch (message.type()) {
                case 'd' -> {
                    return message;
                }
                case 'c' -> {
                    copyDone = true;
                    return null;
                }
                case 'N', 'S' -> {
                    // notices may come in the middle of the stream
                }
                case 'E' -> throw drainError(message);
                default ->
                    throw new IOException("unexpected '" + message.type() + "' message in the backup's COPY stream");
            }
        }
    }

    private IOException drainError(BackendMessage message) throws IOException {
        ServerErrorException error = new ServerErrorException(ServerError.parse(message));
        failure = error;
        return error;
    }

    private static Position position(QueryResult result) throws IOException {
        if (result.rows().size() != 1 || result.columns().size() < 2) {
            throw new IOException("the server sent a WAL position as "
                    + result.rows().size() + " rows of " + result.columns().size() + " columns");
        }
        List<String> row = result.rows().get(0);
        return new Position(row.get(0), Integer.parseInt(row.get(1)));
    }

    private static List<Tablespace> tablespaces(QueryResult result) {
        List<Tablespace> list = new ArrayList<>();
        for (List<String> row : result.rows()) {
            list.add(new Tablespace(
                    row.get(0), row.get(1), row.size() > 2 && row.get(2) != null ? Long.valueOf(row.get(2)) : null));
        }
        return list;
    }
}
