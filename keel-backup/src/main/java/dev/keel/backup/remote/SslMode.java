package dev.keel.backup.remote;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.util.Locale;

/** libpq's sslmode values, which pgjdbc shares, so one URL serves the JDBC and the replication connection. */
enum SslMode {
    DISABLE,
    ALLOW,
    PREFER,
    REQUIRE,
    VERIFY_CA,
    VERIFY_FULL;

    static SslMode parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SslMode mode : values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        throw new KeelException(
                CoreError.URL_INVALID,
                "sslmode '" + text + "' is not one of disable, allow, prefer, require, verify-ca, verify-full",
                "correct sslmode in the database URL or PGSSLMODE");
    }

    /** Whether keel asks the server for TLS at all; allow asks only after a refusal in libpq, which keel does not retry. */
    boolean requests() {
        return this != DISABLE && this != ALLOW;
    }

    /** Whether a server that refuses TLS is refused in turn. */
    boolean requires() {
        return this == REQUIRE || this == VERIFY_CA || this == VERIFY_FULL;
    }

    boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
