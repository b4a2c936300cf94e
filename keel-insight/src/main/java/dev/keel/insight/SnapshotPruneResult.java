package dev.keel.insight;

import java.time.OffsetDateTime;

/** What {@code keel stats prune} reports: how many snapshots went, and the moment they were older than. */
public record SnapshotPruneResult(int deleted, OffsetDateTime before) {}
