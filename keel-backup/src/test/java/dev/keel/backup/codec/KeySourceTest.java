package dev.keel.backup.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupSettings;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {
    @TempDir
    Path dir;

    private static BackupSettings withKeyFile(Path file) {
        BackupSettings d = BackupSettings.defaults();
        return new BackupSettings(d.repository(), d.compressionLevel(), file, d.s3());
    }

    @Test
    void noKeyConfiguredMeansNoEncryption() {
        assertThat(KeySource.load(BackupSettings.defaults(), Map.of())).isEmpty();
    }

    @Test
    void theEnvironmentVariableHoldsTheKeyAsBase64() {
        EncryptionKey key = EncryptionKey.generate();

        assertThat(KeySource.load(BackupSettings.defaults(), Map.of("KEEL_BACKUP_KEY", key.toBase64())))
                .contains(key);
    }

    @Test
    void aKeyFileMayHoldBase64TextOrRawBytes() throws IOException {
        EncryptionKey key = EncryptionKey.generate();
        Files.writeString(dir.resolve("text.key"), key.toBase64() + "\n");
        Files.write(dir.resolve("raw.key"), Base64.getDecoder().decode(key.toBase64()));

        assertThat(KeySource.load(withKeyFile(dir.resolve("text.key")), Map.of()))
                .contains(key);
        assertThat(KeySource.load(withKeyFile(dir.resolve("raw.key")), Map.of()))
                .contains(key);
    }

    @Test
    void bothSourcesAtOnceAreAmbiguous() throws IOException {
        Files.writeString(dir.resolve("k"), EncryptionKey.generate().toBase64());

        assertThatThrownBy(() -> KeySource.load(
                        withKeyFile(dir.resolve("k")),
                        Map.of("KEEL_BACKUP_KEY", EncryptionKey.generate().toBase64())))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).isEqualTo("both KEEL_BACKUP_KEY and backup.encryption.keyFile are set");
                });
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
        String short16 = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

        assertThatThrownBy(() -> KeySource.load(BackupSettings.defaults(), Map.of("KEEL_BACKUP_KEY", short16)))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).isEqualTo("KEEL_BACKUP_KEY holds 16 bytes; a key has 32");
                    assertThat(e.getMessage()).doesNotContain(short16);
                });
    }

    @Test
    void textThatIsNoBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> KeySource.load(BackupSettings.defaults(), Map.of("KEEL_BACKUP_KEY", "my password!")))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.what()).isEqualTo("KEEL_BACKUP_KEY does not hold a base64 key");
                    assertThat(e.getMessage()).doesNotContain("my password!");
                });
    }

    @Test
    void aMissingKeyFileIsNamed() {
        assertThatThrownBy(() -> KeySource.load(withKeyFile(dir.resolve("gone.key")), Map.of()))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).isEqualTo("key file " + dir.resolve("gone.key") + " does not exist");
                });
    }

    @Test
    void theCheckValueDiffersPerRepositoryAndFromTheDataKey() {
        EncryptionKey key = EncryptionKey.generate();

        assertThat(key.checkValue("repo-a")).isNotEqualTo(key.checkValue("repo-b"));
        assertThat(Base64.getDecoder().decode(key.checkValue("repo-a") + "="))
                .isNotEqualTo(key.dataKey("repo-a").getEncoded());
        assertThat(key.toString()).doesNotContain(key.toBase64());
    }
}
