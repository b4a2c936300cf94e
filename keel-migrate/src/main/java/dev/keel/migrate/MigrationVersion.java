package dev.keel.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A dotted version number (1, 1.1, 20261123.1); Flyway's underscores (1_1) mean dots. Compared part by part. */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {
    private static final Pattern FORM = Pattern.compile("\\d+([._]\\d+)*");

    public MigrationVersion {
        parts = List.copyOf(parts);
    }

    public static boolean isValid(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    public static MigrationVersion parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a version: use dotted numbers such as 1, 1.1 or 20261123.1");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        // 1.0 and 1 are the same version.
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new MigrationVersion(parts);
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public BigInteger major() {
        return parts.get(0);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (BigInteger part : parts) {
            if (s.length() > 0) {
                s.append('.');
            }
            s.append(part);
        }
        return s.toString();
    }
}
