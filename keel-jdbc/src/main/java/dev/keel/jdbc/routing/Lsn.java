package dev.keel.jdbc.routing;

/** WAL positions as numbers (bytes since the start of the WAL) and as PostgreSQL prints them. */
final class Lsn {
    private Lsn() {}

    static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    static long parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("not a WAL position (expected e.g. 0/16B3748): " + text);
        }
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
