package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    @Test
    void md5AnswersWithTheSaltedDoubleHash() {
        // md5(md5("secret" + "backup") + salt), as PostgreSQL computes it (checked against Python's hashlib)
        assertThat(Authenticator.md5("backup", "secret", new byte[] {1, 2, 3, 4}))
                .isEqualTo("md577ec8e0a0cf14cbf7cb0ce0827b762f1");
    }

    @Test
    void md5ExchangeSendsOnePasswordMessage() throws IOException {
        PgWire wire = new ServerMessages()
                .auth(Authenticator.MD5, new byte[] {1, 2, 3, 4})
                .auth(Authenticator.OK, new byte[0])
                .wire(sent);

        new Authenticator(wire, "backup", "secret", "db:5432").authenticate();

        assertThat(sentText()).isEqualTo("p\0\0\0(md577ec8e0a0cf14cbf7cb0ce0827b762f1\0");
    }

    @Test
    void cleartextSendsThePasswordAsItIs() throws IOException {
        PgWire wire = new ServerMessages()
                .auth(Authenticator.CLEARTEXT, new byte[0])
                .auth(Authenticator.OK, new byte[0])
                .wire(sent);

        new Authenticator(wire, "backup", "secret", "db:5432").authenticate();

        assertThat(sentText()).isEqualTo("p\0\0\0\013secret\0");
    }

    @Test
    void trustNeedsNoPassword() throws IOException {
        PgWire wire = new ServerMessages().auth(Authenticator.OK, new byte[0]).wire(sent);

        new Authenticator(wire, "backup", null, "db:5432").authenticate();

        assertThat(sent.size()).isZero();
    }

    @Test
    void scramStartsWithTheClientFirstMessage() {
        PgWire wire = new ServerMessages()
                .auth(
                        Authenticator.SASL,
                        new PgWire.Body()
                                .cstring("SCRAM-SHA-256-PLUS")
                                .cstring("SCRAM-SHA-256")
                                .int8(0)
                                .toByteArray())
                .wire(sent);

        // The recorded server stops after asking; what the client sent is the point.
        assertThatThrownBy(() -> new Authenticator(wire, "backup", "secret", "db:5432").authenticate())
                .isInstanceOf(IOException.class);

        assertThat(sentText())
                .startsWith("p")
                .contains("SCRAM-SHA-256\0")
                .contains("n,,n=*,r=")
                .doesNotContain("PLUS")
                .doesNotContain("secret");
    }

    @Test
    void aPasswordRequestWithoutAPasswordSaysWhereToPutOne() {
        PgWire wire = new ServerMessages()
                .auth(Authenticator.MD5, new byte[] {1, 2, 3, 4})
                .wire(sent);

        assertThatThrownBy(() -> new Authenticator(wire, "backup", null, "db:5432").authenticate())
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
                    assertThat(e.getMessage())
                            .contains("asks user backup for a password")
                            .contains("~/.pgpass");
                });
    }

    @Test
    void anUnsupportedMethodNamesWhatWorks() {
        PgWire wire = new ServerMessages().auth(7, new byte[0]).wire(sent);

        assertThatThrownBy(() -> new Authenticator(wire, "backup", "secret", "db:5432").authenticate())
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
                    assertThat(e.getMessage()).contains("code 7").contains("scram-sha-256");
                });
    }

    @Test
    void theServersRefusalIsPassedOn() {
        PgWire wire = new ServerMessages()
                .error("FATAL", "28P01", "password authentication failed for user \"backup\"")
                .wire(sent);

        assertThatThrownBy(() -> new Authenticator(wire, "backup", "wrong", "db:5432").authenticate())
                .isInstanceOfSatisfying(
                        ServerErrorException.class,
                        e -> assertThat(e.error().sqlState()).isEqualTo("28P01"));
    }

    private String sentText() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }
}
