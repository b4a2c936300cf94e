package dev.keel.backup.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ObjectCodec's small encoder and decoder: the same format as its streams, in one call per content. */
class SmallCodecTest {
    private static final SecretKey KEY = EncryptionKey.generate().dataKey("repo-1");

    private static List<byte[]> contents() {
        byte[] noise = new byte[300_000];
        new Random(11).nextBytes(noise);
        return List.of(new byte[0], "PG_VERSION 17\n".getBytes(StandardCharsets.UTF_8), new byte[8192], noise);
    }

    @ParameterizedTest
    @CsvSource({"3, false", "3, true", "0, false", "0, true"})
    void manyContentsEncodedInARowDecodeWithTheStreamDecoderAndTheSmallOne(int level, boolean encrypted)
            throws Exception {
        ObjectCodec codec = new ObjectCodec(level, encrypted ? KEY : null);
        try (ObjectCodec.SmallEncoder encoder = codec.smallEncoder();
                ObjectCodec.SmallDecoder decoder = codec.smallDecoder()) {
            for (byte[] content : contents()) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                encoder.encode(content, content.length, sink);
                byte[] stored = sink.toByteArray();

                try (InputStream in = codec.decoder("o", new ByteArrayInputStream(stored))) {
                    assertThat(in.readAllBytes()).isEqualTo(content);
                }
                assertThat(decoder.decode("o", new ByteArrayInputStream(stored), content.length))
                        .isEqualTo(content);
            }
        }
    }

    @Test
    void whatTheStreamEncoderWroteDecodesWithTheSmallDecoder() throws Exception {
        ObjectCodec codec = new ObjectCodec(3, null);
        byte[] content = "a relation's free space map".repeat(100).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = codec.encoder(sink)) {
            out.write(content);
        }
        try (ObjectCodec.SmallDecoder decoder = codec.smallDecoder()) {
            assertThat(decoder.decode("o", new ByteArrayInputStream(sink.toByteArray()), content.length))
                    .isEqualTo(content);
        }
    }

    @Test
    void contentLongerThanItsManifestSaysIsDamaged() throws Exception {
        ObjectCodec codec = new ObjectCodec(3, null);
        byte[] content = new byte[4096];
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ObjectCodec.SmallEncoder encoder = codec.smallEncoder();
                ObjectCodec.SmallDecoder decoder = codec.smallDecoder()) {
            encoder.encode(content, content.length, sink);

            assertThatThrownBy(() -> decoder.decode("b@7", new ByteArrayInputStream(sink.toByteArray()), 100))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.code()).isEqualTo(BackupError.OBJECT_DAMAGED);
                        assertThat(e.what()).contains("b@7", "100 bytes");
                    });
        }
    }
}
