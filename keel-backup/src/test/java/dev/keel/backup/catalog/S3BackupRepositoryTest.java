package dev.keel.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.codec.TestContent;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.S3TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository end to end on a real S3-compatible server: configured the way a user would, through keel.yaml settings and AWS variables. */
class S3BackupRepositoryTest {
    static S3TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void fortyMegabytesGoUpEncryptedAndComeBackUnchanged() throws Exception {
        BackupSettings settings = settings("s3://" + server.newBucket() + "/shop");
        Map<String, String> env = new HashMap<>(server.env());
        env.put("KEEL_BACKUP_KEY", EncryptionKey.generate().toBase64());
        BackupRepository.create(settings, env, Clock.systemUTC()).close();

        StoredObject stored;
        try (BackupRepository repo = BackupRepository.open(settings, env)) {
            stored = repo.write(RepositoryLayout.backupFile("b1", "base/5/16384"), new TestContent(40L << 20, 11));
            repo.writeManifest(BackupRepositoryTest.manifest("b1", stored));
        }
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (BackupRepository repo = BackupRepository.open(settings, env);
                InputStream in = repo.read(stored.name())) {
            new DigestInputStream(in, read).transferTo(OutputStream.nullOutputStream());
            assertThat(repo.catalog().completeBackups()).containsExactly("b1");
        }

        assertThat(stored.size()).isEqualTo(40L << 20);
        assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(stored.sha256());
    }

    @Test
    void anObjectAlteredOnTheServerIsDetected() throws Exception {
        BackupSettings settings = settings("s3://" + server.newBucket());
        Map<String, String> env = new HashMap<>(server.env());
        env.put("KEEL_BACKUP_KEY", EncryptionKey.generate().toBase64());
        try (BackupRepository repo = BackupRepository.create(settings, env, Clock.systemUTC())) {
            String name = repo.write(
                            RepositoryLayout.walSegment(1, "000000010000000000000003", false),
                            new TestContent(3 << 20, 5))
                    .name();
            ObjectStore raw = repo.store();
            byte[] bytes = raw.read(name);
            bytes[bytes.length / 2] ^= 0x40;
            raw.put(name, bytes);

            assertThatThrownBy(() -> {
                        try (InputStream in = repo.read(name)) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    })
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                        assertThat(e.what())
                                .startsWith(
                                        "object 'wal/00000001/000000010000000000000003' fails authentication at chunk ");
                    });
        }
    }

    private static BackupSettings settings(String url) {
        return new BackupSettings(url, 3, null, new BackupSettings.S3(null, null, null, null, null));
    }
}
