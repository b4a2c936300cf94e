package dev.keel.backup.codec;

import dev.keel.backup.BackupError;
import dev.keel.backup.BackupSettings;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the repository key: the KEEL_BACKUP_KEY environment variable (base64) or the key file that
 * backup.encryption.keyFile names (base64 text or 32 raw bytes). There is deliberately no
 * command-line option: a key on a command line shows in process listings and shell history.
 * Messages name where a bad key came from but never show any of it.
 */
public final class KeySource {
    public static final String ENV = "KEEL_BACKUP_KEY";

    private KeySource() {}

    /** The configured key, or empty when neither source is set. */
    public static Optional<EncryptionKey> load(BackupSettings config, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        Path file = config.keyFile();
        if (fromEnv != null && !fromEnv.isBlank() && file != null) {
            throw new KeelException(
                    BackupError.KEY_INVALID,
                    "both " + ENV + " and backup.encryption.keyFile are set",
                    "keep only one, so it is clear which key is used");
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(decode(fromEnv.strip(), ENV));
        }
        if (file != null) {
            return Optional.of(readFile(file));
        }
        return Optional.empty();
    }

    private static EncryptionKey readFile(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeelException(
                    BackupError.KEY_INVALID, "key file " + file + " does not exist", "check backup.encryption.keyFile");
        } catch (IOException e) {
            throw new KeelException(
                    BackupError.KEY_INVALID,
                    "cannot read key file " + file + ": " + e.getMessage(),
                    "check the file's permissions");
        }
        if (content.length == EncryptionKey.LENGTH) {
            return EncryptionKey.of(content);
        }
        return decode(new String(content, StandardCharsets.US_ASCII).strip(), "key file " + file);
    }

    private static EncryptionKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    BackupError.KEY_INVALID,
                    source + " does not hold a base64 key",
                    "generate one with: head -c 32 /dev/urandom | base64");
        }
        if (bytes.length != EncryptionKey.LENGTH) {
            throw new KeelException(
                    BackupError.KEY_INVALID,
                    source + " holds " + bytes.length + " bytes; a key has " + EncryptionKey.LENGTH,
                    "generate one with: head -c 32 /dev/urandom | base64");
        }
        return EncryptionKey.of(bytes);
    }
}
