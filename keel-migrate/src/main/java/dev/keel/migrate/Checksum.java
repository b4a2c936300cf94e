package dev.keel.migrate;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * CRC32 over the script's lines without their line endings, as Flyway computes it: a Flyway
 * history imported into keel keeps validating, and a file that only changed CRLF to LF is unchanged.
 */
public final class Checksum {

    private Checksum() {}

    public static int of(String content) {
        CRC32 crc = new CRC32();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        text.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }
}
