package dev.keel.migrate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File names as UTF-8, whatever the locale. Under LANG=C the JVM decodes names as ASCII, so
 * {@code V1__création.sql} would read {@code V1__cr??ation.sql} and that description would be stored
 * in the history. A path's URI percent-encodes the name's own bytes, which decode as UTF-8 here.
 */
final class FileNames {
    private static final boolean NAMES_ARE_UTF8 = Charset.forName(System.getProperty(
                    "sun.jnu.encoding", Charset.defaultCharset().name()))
            .equals(StandardCharsets.UTF_8);

    private FileNames() {}

    /** The last element of {@code path}. */
    static String name(Path path) {
        if (NAMES_ARE_UTF8 || !"file".equals(path.getFileSystem().provider().getScheme())) {
            return path.getFileName().toString();
        }
        String raw = path.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        return decode(raw.substring(raw.lastIndexOf('/') + 1));
    }

    /** {@code file} relative to {@code dir}, elements joined with '/'. */
    static String relative(Path dir, Path file) {
        List<String> names = new ArrayList<>();
        for (Path p = file; p != null && !p.equals(dir); p = p.getParent()) {
            names.add(0, name(p));
        }
        return String.join("/", names);
    }

    private static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
