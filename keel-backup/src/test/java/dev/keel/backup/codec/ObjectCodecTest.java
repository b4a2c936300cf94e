package dev.keel.backup.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.SecretKey;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectCodecTest {
    private static final SecretKey KEY = EncryptionKey.generate().dataKey("repo-1");
    private static final long FORTY_MB = 40L << 20;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void fortyMegabytesStreamThroughAndBackUnchanged(boolean encrypted) throws Exception {
        ObjectCodec codec = new ObjectCodec(3, encrypted ? KEY : null);
        Path stored = dir.resolve("object");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (OutputStream file = Files.newOutputStream(stored);
                OutputStream encoder = codec.encoder(file)) {
            new DigestInputStream(new TestContent(FORTY_MB, 42), written).transferTo(encoder);
        }
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long size;
        try (InputStream decoded = codec.decoder("object", Files.newInputStream(stored))) {
            size = new DigestInputStream(decoded, read).transferTo(OutputStream.nullOutputStream());
        }

        assertThat(size).isEqualTo(FORTY_MB);
        assertThat(read.digest()).isEqualTo(written.digest());
        // Half of the content is repetitive text: zstd must have found it.
        assertThat(Files.size(stored)).isBetween(FORTY_MB / 2, FORTY_MB * 6 / 10);
    }

    @Test
    void levelZeroStoresWithoutCompression() throws Exception {
        byte[] content = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                .repeat(1000)
                .getBytes();
        byte[] stored = encode(new ObjectCodec(0, null), content);

        assertThat(stored.length).isGreaterThan(content.length);
        assertThat(decode(new ObjectCodec(0, null), stored)).isEqualTo(content);
        // The reader follows the object's own flags, whatever level it is configured with.
        assertThat(decode(new ObjectCodec(9, null), stored)).isEqualTo(content);
    }

    @Test
    void emptyContentIsAnObjectWithOneEmptyLastChunk() throws Exception {
        byte[] stored = encode(new ObjectCodec(3, KEY), new byte[0]);

        assertThat(decode(new ObjectCodec(3, KEY), stored)).isEmpty();
        assertThat(chunks(stored, true)).hasSize(1);
    }

    @Test
    void encryptedContentShowsNoPlainText() throws Exception {
        byte[] content = "customer@example.test ".repeat(10_000).getBytes();
        byte[] stored = encode(new ObjectCodec(0, KEY), content);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("customer@example.test");
    }

    // --- damage and tampering: every case must fail with exit code 1 and name the object ---

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void aFlippedByteInAChunkIsDetected(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        int[] chunk = chunks(stored, encrypted).get(1);
        stored[chunk[0] + chunk[1] / 2] ^= 0x01;

        damage(encrypted, stored)
                .withMessageContaining(encrypted ? "fails authentication at chunk 1" : "chunk 1 fails its checksum");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void aChangedHeaderFlagIsDetected(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        stored[5] ^= 0x01; // claims "not compressed"

        damage(encrypted, stored)
                .withMessageContaining(encrypted ? "fails authentication at chunk 0" : "chunk 0 fails its checksum");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void aMissingLastChunkIsTruncation(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        List<int[]> chunks = chunks(stored, encrypted);
        int[] last = chunks.get(chunks.size() - 1);

        damage(encrypted, Arrays.copyOf(stored, last[0]))
                .withMessage("object 'sample' is damaged: it is truncated: it ends after " + (chunks.size() - 1)
                        + " chunks without its last one"
                        + " — restore it from another copy; run keel backup verify to find every damaged object");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void anObjectCutInsideAChunkIsTruncation(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        int[] chunk = chunks(stored, encrypted).get(2);

        damage(encrypted, Arrays.copyOf(stored, chunk[0] + chunk[1] / 2))
                .withMessageContaining("it is truncated inside chunk 2");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void swappedChunksAreDetected(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        List<int[]> chunks = chunks(stored, encrypted);
        byte[] swapped = join(stored, List.of(chunks.get(0), chunks.get(2), chunks.get(1), chunks.get(3)));

        damage(encrypted, swapped)
                .withMessageContaining(encrypted ? "fails authentication at chunk 1" : "chunk 1 fails its checksum");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void aDeletedChunkIsDetected(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        List<int[]> chunks = chunks(stored, encrypted);
        byte[] shorter = join(stored, List.of(chunks.get(0), chunks.get(2), chunks.get(3)));

        damage(encrypted, shorter)
                .withMessageContaining(encrypted ? "fails authentication at chunk 1" : "chunk 1 fails its checksum");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void aChunkFromAnotherObjectIsDetected(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        byte[] other = sample(encrypted); // same content and key, different object id
        List<int[]> chunks = chunks(stored, encrypted);
        int[] foreign = chunks(other, encrypted).get(1);
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        spliced.write(stored, 0, chunks.get(1)[0]);
        spliced.write(other, foreign[0], foreign[1]);
        spliced.write(stored, chunks.get(2)[0], stored.length - chunks.get(2)[0]);

        damage(encrypted, spliced.toByteArray())
                .withMessageContaining(encrypted ? "fails authentication at chunk 1" : "chunk 1 fails its checksum");
    }

    @ParameterizedTest(name = "encrypted: {0}")
    @ValueSource(booleans = {false, true})
    void bytesAfterTheLastChunkAreDetected(boolean encrypted) throws Exception {
        byte[] stored = sample(encrypted);
        byte[] longer = Arrays.copyOf(stored, stored.length + 7);

        damage(encrypted, longer).withMessageContaining("it has 7 unexpected bytes after its last chunk");
    }

    @Test
    void somethingThatIsNoKeelObjectIsSaidToBeOne() {
        damage(false, "PGDMP: a custom-format dump, not a keel object".getBytes())
                .withMessageContaining("it does not start like a keel backup object");
    }

    @Test
    void anEncryptedObjectWithoutAKeyIsAConfigurationError() throws Exception {
        byte[] stored = sample(true);

        assertThatThrownBy(() -> decode(new ObjectCodec(3, null), stored))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).isEqualTo("object 'sample' is encrypted and no key is configured");
                });
    }

    @Test
    void aPlainObjectInAnEncryptedRepositoryIsNotTrusted() throws Exception {
        byte[] plain = sample(false);

        damage(true, plain).withMessageContaining("it is not encrypted although the repository is");
    }

    @Test
    void anotherKeyFailsAuthentication() throws Exception {
        byte[] stored = sample(true);
        ObjectCodec otherKey = new ObjectCodec(3, EncryptionKey.generate().dataKey("repo-1"));

        assertThatThrownBy(() -> decode(otherKey, stored))
                .isInstanceOfSatisfying(
                        KeelException.class,
                        e -> assertThat(e.what())
                                .isEqualTo(
                                        "object 'sample' fails authentication at chunk 0: it was altered, damaged, moved or cut short"));
    }

    /** About 3.5 MiB of random bytes: four chunks after compression. */
    private static byte[] sample(boolean encrypted) throws IOException {
        byte[] random = new byte[3_500_000];
        new Random(7).nextBytes(random);
        return encode(new ObjectCodec(3, encrypted ? KEY : null), random);
    }

    /** Decoding must fail with exit code 1, in one line naming the object; the assertion continues on the message. */
    private static ThrowableAssertAlternative<KeelException> damage(boolean encrypted, byte[] stored) {
        KeelException failure = null;
        try {
            decode(new ObjectCodec(3, encrypted ? KEY : null), stored);
        } catch (KeelException e) {
            failure = e;
        } catch (IOException e) {
            throw new AssertionError("damage must be reported as a KeelException, not " + e, e);
        }
        assertThat(failure).as("the damage went unnoticed").isNotNull();
        assertThat(failure.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failure.what()).startsWith("object 'sample' ");
        assertThat(failure.getMessage()).doesNotContain("\n");
        return new ThrowableAssertAlternative<>(failure);
    }

    static byte[] encode(ObjectCodec codec, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encoder = codec.encoder(out)) {
            encoder.write(content);
        }
        return out.toByteArray();
    }

    static byte[] decode(ObjectCodec codec, byte[] stored) throws IOException {
        try (InputStream in = codec.decoder("sample", new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        }
    }

    /** Each chunk's start offset and length in a stored object, read from the frame layout. */
    static List<int[]> chunks(byte[] stored, boolean encrypted) {
        List<int[]> chunks = new ArrayList<>();
        int at = ObjectHeader.LENGTH;
        while (at < stored.length) {
            int length = ByteBuffer.wrap(stored, at + 1, 4).getInt();
            int total = 1 + 4 + (encrypted ? 12 : 0) + length + (encrypted ? 0 : 4);
            chunks.add(new int[] {at, total});
            at += total;
        }
        return chunks;
    }

    private static byte[] join(byte[] stored, List<int[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(stored, 0, ObjectHeader.LENGTH);
        for (int[] c : chunks) {
            out.write(stored, c[0], c[1]);
        }
        return out.toByteArray();
    }
}
