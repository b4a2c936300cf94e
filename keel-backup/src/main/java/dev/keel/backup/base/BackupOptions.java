package dev.keel.backup.base;

import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.transfer.TransferProgress;

/**
 * @param parallel files copied at once
 * @param throttle limits the bytes read from the data directory per second
 */
public record BackupOptions(int parallel, Throttle throttle, TransferProgress progress) {}
