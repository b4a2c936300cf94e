package dev.keel.backup.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One file of a base backup.
 *
 * @param path relative to the data directory, '/'-separated
 * @param size bytes of the original file as copied
 * @param sha256 hex SHA-256 of the original content as read: what restore and verify check a whole-file entry against
 * @param object the stored object holding it; an incremental backup may point into its parent's objects
 *     (an unchanged file), which is why prune keeps every backup a kept incremental depends on
 * @param storedSize bytes of the stored (compressed, encrypted) object
 * @param delta null for a whole-file entry; for a block-level entry of an incremental backup, {@code object}
 *     holds only the changed blocks, applied over the parent's entry of the same path. PostgreSQL changes
 *     pages without WAL (hint bits, free space map) and WAL replay repairs pages torn in the parent's copy,
 *     so the combined file need not equal {@code sha256}: restore checks each delta and the chain's base instead.
 *     An older keel, which knows no deltas, finds the delta object does not match {@code sha256} and refuses.
 * @param offset null when {@code object} holds this file alone; otherwise {@code object} is a bundle of many
 *     small files and this file's own encoded stream (independently decodable) is the {@code storedSize} bytes
 *     from {@code offset}. An older keel reads the whole bundle, finds it does not match {@code sha256} and refuses.
 */
@JsonSerialize(using = BackupFileSerializer.class)
public record BackupFile(
        String path,
        long size,
        String sha256,
        String object,
        long storedSize,
        @JsonInclude(JsonInclude.Include.NON_NULL) BlockDelta delta,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long offset) {

    @JsonCreator
    public BackupFile {}

    public BackupFile(String path, long size, String sha256, String object, long storedSize) {
        this(path, size, sha256, object, storedSize, null, null);
    }

    public BackupFile(String path, long size, String sha256, String object, long storedSize, BlockDelta delta) {
        this(path, size, sha256, object, storedSize, delta, null);
    }

    /** True when the file lives inside a bundle object together with others. */
    public boolean bundled() {
        return offset != null;
    }

    /** Names the stored bytes uniquely: the object, and for a bundled file its offset in it. */
    public String location() {
        return offset == null ? object : object + "@" + offset;
    }

    /** The size and SHA-256 the object's original content must have. */
    public long objectSize() {
        return delta == null ? size : delta.size();
    }

    public String objectSha256() {
        return delta == null ? sha256 : delta.sha256();
    }
}
