package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    private static final String SCRIPT = """
            -- Orders get a status
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                note text DEFAULT 'déjà vu'
            );

            ALTER TABLE orders ADD COLUMN status text;
            """;

    /** Flyway's rule, written out independently: CRC32 over each line's UTF-8 bytes, line terminators left out. */
    private static int flywayStyle(String content) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(content))) {
            String line;
            while ((line = reader.readLine()) != null) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                crc.update(bytes, 0, bytes.length);
            }
        }
        return (int) crc.getValue();
    }

    @Test
    void matchesFlywaysLineByLineCrc32() throws IOException {
        assertThat(Checksum.of(SCRIPT)).isEqualTo(flywayStyle(SCRIPT));
    }

    @Test
    void isTheCrc32OfTheLinesJoinedWithoutTerminators() {
        // 0xCBF43926 is the published CRC-32 check value of "123456789".
        assertThat(Checksum.of("1234\n56789\n")).isEqualTo((int) 0xCBF43926L);
        assertThat(Checksum.of("123\r\n456\r789")).isEqualTo((int) 0xCBF43926L);
    }

    @Test
    void emptyScriptHasChecksumZero() {
        assertThat(Checksum.of("")).isZero();
    }

    @Test
    void crlfAndLfGiveTheSameChecksum() {
        assertThat(Checksum.of(SCRIPT.replace("\n", "\r\n"))).isEqualTo(Checksum.of(SCRIPT));
    }

    @Test
    void aByteOrderMarkDoesNotChangeIt() {
        assertThat(Checksum.of("\uFEFF" + SCRIPT)).isEqualTo(Checksum.of(SCRIPT));
    }

    @Test
    void aChangeOfContentChangesIt() {
        assertThat(Checksum.of(SCRIPT.replace("status text", "status varchar"))).isNotEqualTo(Checksum.of(SCRIPT));
        assertThat(Checksum.of(SCRIPT.replace("déjà", "deja"))).isNotEqualTo(Checksum.of(SCRIPT));
    }
}
