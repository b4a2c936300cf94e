package dev.keel.doctor.checks;

/**
 * A table's size now and how fast it grows, and so when it passes a limit.
 *
 * @param bytes its size now, indexes and TOAST included
 * @param bytesPerDay fitted over the stored snapshots; null when they span too little time to say
 */
record GrowthLine(long bytes, Double bytesPerDay) {

    /** Days until the table reaches {@code limit}: 0 when it already has, null when it does not grow towards it. */
    Double daysUntil(long limit) {
        if (bytes >= limit) {
            return 0.0;
        }
        if (bytesPerDay == null || bytesPerDay <= 0) {
            return null;
        }
        return (limit - bytes) / bytesPerDay;
    }
}
