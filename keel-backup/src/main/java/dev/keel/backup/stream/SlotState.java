package dev.keel.backup.stream;

import java.util.OptionalLong;

/**
 * A physical replication slot as pg_replication_slots shows it.
 *
 * @param restartLsn the oldest WAL the slot keeps; empty before the slot reserved any
 * @param activePid the walsender streaming from it now, 0 when none
 */
public record SlotState(String name, OptionalLong restartLsn, int activePid, boolean created) {}
