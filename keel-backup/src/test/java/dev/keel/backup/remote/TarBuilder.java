package dev.keel.backup.remote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes ustar archives the way PostgreSQL's tarCreateHeader does, for tests of what reads them. */
final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarBuilder file(String name, byte[] content) {
        header(name, '0', content.length, "", false);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder directory(String name) {
        header(name.endsWith("/") ? name : name + "/", '5', 0, "", false);
        return this;
    }

    TarBuilder symlink(String name, String target) {
        header(name, '2', 0, target, false);
        return this;
    }

    /** A file whose size field is written in base-256, as PostgreSQL writes sizes of 8 GiB and more. */
    TarBuilder fileWithBinarySize(String name, byte[] content) {
        header(name, '0', content.length, "", true);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    /** The two zero blocks that end a tar file by the standard (PostgreSQL leaves them out). */
    TarBuilder endMarker() {
        out.writeBytes(new byte[1024]);
        return this;
    }

    TarBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void header(String name, char type, long size, String link, boolean binarySize) {
        byte[] h = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            int slash = name.lastIndexOf('/', name.length() - 2);
            put(h, 345, name.substring(0, slash));
            put(h, 0, name.substring(slash + 1));
        } else {
            put(h, 0, name);
        }
        put(h, 100, String.format("%07o ", type == '5' ? 0700 : 0600));
        put(h, 108, String.format("%07o ", 1000));
        put(h, 116, String.format("%07o ", 1000));
        if (binarySize) {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >>> (8 * i));
            }
        } else {
            put(h, 124, String.format("%011o ", size));
        }
        put(h, 136, String.format("%011o ", 1_700_000_000L));
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        put(h, 263, "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        out.writeBytes(h);
    }

    private static void put(byte[] h, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, h, offset, bytes.length);
    }
}
