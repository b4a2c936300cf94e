package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TarReaderTest {

    @Test
    void readsFilesDirectoriesAndLinksWithTheirContent() throws IOException {
        byte[] block = new byte[512];
        Arrays.fill(block, (byte) 7);
        byte[] archive = new TarBuilder()
                .directory("base")
                .file("PG_VERSION", "15\n")
                .file("base/1/1259", block)
                .file("empty", new byte[0])
                .symlink("pg_tblspc/16400", "/srv/space")
                .bytes();

        List<String> seen = new ArrayList<>();
        TarReader tar = new TarReader(new ByteArrayInputStream(archive));
        for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
            String content = e.isFile() ? new String(tar.content().readAllBytes(), StandardCharsets.ISO_8859_1) : "";
            seen.add(e.type() + " " + e.path() + " " + e.size() + " " + content.length()
                    + (e.isSymbolicLink() ? " -> " + e.linkName() : ""));
        }

        assertThat(seen)
                .containsExactly(
                        "5 base 0 0",
                        "0 PG_VERSION 3 3",
                        "0 base/1/1259 512 512",
                        "0 empty 0 0",
                        "2 pg_tblspc/16400 0 0 -> /srv/space");
    }

    @Test
    void contentNobodyReadIsSkipped() throws IOException {
        byte[] archive = new TarBuilder()
                .file("a", "first file, never read")
                .file("b", "second")
                .bytes();
        TarReader tar = new TarReader(new ByteArrayInputStream(archive));

        assertThat(tar.next().path()).isEqualTo("a");
        TarReader.Entry b = tar.next();

        assertThat(b.path()).isEqualTo("b");
        assertThat(tar.content().readAllBytes())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("second");
        assertThat(tar.next()).isNull();
    }

    @Test
    void theEndMarkerEndsTheArchiveAndWhatFollowsIsConsumed() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new TarBuilder()
                .file("a", "x")
                .endMarker()
                .raw(new byte[] {1, 2, 3})
                .bytes());
        TarReader tar = new TarReader(in);

        assertThat(tar.next().path()).isEqualTo("a");
        assertThat(tar.next()).isNull();
        assertThat(tar.next()).isNull();
        assertThat(in.available()).isZero();
    }

    @Test
    void aNameLongerThanTheNameFieldComesFromTheUstarPrefix() throws IOException {
        String name = "base/16384/" + "d".repeat(60) + "/" + "f".repeat(60);
        TarReader tar = new TarReader(
                new ByteArrayInputStream(new TarBuilder().file(name, "x").bytes()));

        assertThat(tar.next().path()).isEqualTo(name);
    }

    @Test
    void aBase256SizeIsRead() throws IOException {
        TarReader tar = new TarReader(new ByteArrayInputStream(new TarBuilder()
                .fileWithBinarySize("big", "12345".getBytes(StandardCharsets.UTF_8))
                .bytes()));

        assertThat(tar.next().size()).isEqualTo(5);
        assertThat(tar.content().readAllBytes()).hasSize(5);
    }

    @Test
    void aDamagedHeaderFailsItsChecksum() {
        byte[] archive = new TarBuilder().file("PG_VERSION", "15\n").bytes();
        archive[3] ^= 1;

        assertThatThrownBy(() -> new TarReader(new ByteArrayInputStream(archive)).next())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void aStreamThatEndsInsideAFileIsAnError() throws IOException {
        byte[] archive = new TarBuilder().file("a", new byte[1000]).bytes();
        TarReader tar = new TarReader(new ByteArrayInputStream(Arrays.copyOf(archive, 512 + 100)));
        tar.next();

        assertThatThrownBy(() -> tar.content().readAllBytes())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("900 bytes short");
    }

    @Test
    void aStreamThatEndsInsideAHeaderIsAnError() {
        assertThatThrownBy(() -> new TarReader(new ByteArrayInputStream(new byte[100])).next())
                .isInstanceOf(EOFException.class);
    }
}
