package dev.keel.backup.catalog;

import dev.keel.backup.BackupError;
import dev.keel.backup.codec.ObjectCodec;
import dev.keel.backup.repo.BoundedInputStream;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the files of one bundle object in a single pass: one request for the range they span instead of one per
 * file. Entries come in offset order; {@link #next()} moves to each, skipping whatever the previous consumer
 * left unread.
 */
public final class BundleReader implements AutoCloseable {
    private final BackupRepository repository;
    private final String object;
    private final List<BackupFile> entries;
    private final InputStream raw;
    private final ObjectCodec.SmallDecoder small;
    private long position;
    private int index;
    private BoundedInputStream current;
    private BackupFile currentEntry;

    /** @param entries bundled files of {@code object}, in any order; they must not overlap */
    public BundleReader(BackupRepository repository, String object, List<BackupFile> entries) {
        this.repository = repository;
        this.object = object;
        this.entries = entries.stream()
                .peek(e -> {
                    if (!e.bundled() || !e.object().equals(object)) {
                        throw new IllegalArgumentException(e.location() + " is not an entry of bundle " + object);
                    }
                })
                .sorted(Comparator.comparingLong(BackupFile::offset))
                .toList();
        long start = this.entries.isEmpty() ? 0 : this.entries.get(0).offset();
        BackupFile last = this.entries.isEmpty() ? null : this.entries.get(this.entries.size() - 1);
        long end = last == null ? 0 : last.offset() + last.storedSize();
        this.raw = this.entries.isEmpty()
                ? InputStream.nullInputStream()
                : repository.store().open(object, start, end - start);
        this.position = start;
        this.small = repository.codec().smallDecoder();
    }

    public boolean hasNext() {
        return index < entries.size();
    }

    /** Moves to the next entry, in offset order; {@link #content()} then reads it. */
    public BackupFile next() throws IOException {
        finishCurrent();
        BackupFile entry = entries.get(index++);
        if (entry.offset() < position) {
            throw new KeelException(
                    BackupError.OBJECT_DAMAGED,
                    "the manifest places two files at overlapping ranges of bundle " + object,
                    "the manifest is not trustworthy; restore another backup");
        }
        raw.skipNBytes(entry.offset() - position);
        position = entry.offset();
        current = new BoundedInputStream(new Unclosed(raw), entry.storedSize());
        currentEntry = entry;
        return entry;
    }

    /** The original content of the entry {@link #next()} returned, checked while it streams. */
    public InputStream content() throws IOException {
        if (currentEntry == null) {
            throw new IllegalStateException("call next() first");
        }
        if (currentEntry.size() < BundleWriter.WHOLE) {
            return new ByteArrayInputStream(small.decode(currentEntry.location(), current, (int) currentEntry.size()));
        }
        return repository.decoded(currentEntry.location(), current);
    }

    private void finishCurrent() throws IOException {
        if (current != null) {
            current.skipNBytes(current.remaining());
            position = currentEntry.offset() + currentEntry.storedSize();
            current = null;
            currentEntry = null;
        }
    }

    @Override
    public void close() throws IOException {
        small.close();
        raw.close();
    }

    /** Decoders close what they read; the bundle stream stays open for the entries after. */
    private static final class Unclosed extends java.io.FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
