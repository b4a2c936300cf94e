package dev.keel.backup.catalog;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup ids in the order they were taken: their start second, then the number a second backup in
 * the same second got ("20260124T101500Z-2" … "-10"), compared as a number, which plain text order
 * gets wrong past 9. Ids of another form sort as text.
 */
public final class BackupIdOrder {
    public static final Comparator<String> OLDEST_FIRST = BackupIdOrder::compare;
    private static final Pattern SUFFIXED = Pattern.compile("(.+)-(\\d{1,9})");

    private BackupIdOrder() {}

    private static int compare(String a, String b) {
        Matcher ma = SUFFIXED.matcher(a);
        Matcher mb = SUFFIXED.matcher(b);
        String baseA = ma.matches() ? ma.group(1) : a;
        String baseB = mb.matches() ? mb.group(1) : b;
        int byBase = baseA.compareTo(baseB);
        if (byBase != 0) {
            return byBase;
        }
        // The first backup of a second has no suffix: it counts as number 1.
        int numberA = ma.matches() ? Integer.parseInt(ma.group(2)) : 1;
        int numberB = mb.matches() ? Integer.parseInt(mb.group(2)) : 1;
        return numberA != numberB ? Integer.compare(numberA, numberB) : a.compareTo(b);
    }
}
