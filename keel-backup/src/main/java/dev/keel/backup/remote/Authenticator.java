package dev.keel.backup.remote;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.exception.ScramException;
import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Answers the server's authentication requests after the startup message: trust (nothing to do),
 * cleartext password, md5, and SCRAM-SHA-256 through the ongres SCRAM client, the same library
 * pgjdbc bundles. Returns once the server says AuthenticationOk; what follows (parameters,
 * ReadyForQuery) is the connection's business.
 */
final class Authenticator {
    static final int OK = 0;
    static final int CLEARTEXT = 3;
    static final int MD5 = 5;
    static final int SASL = 10;
    static final int SASL_CONTINUE = 11;
    static final int SASL_FINAL = 12;

    private final PgWire wire;
    private final String user;
    private final String password;
    private final String server;

    Authenticator(PgWire wire, String user, String password, String server) {
        this.wire = wire;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    void authenticate() throws IOException {
        ScramClient scram = null;
        while (true) {
            BackendMessage message = wire.read();
            switch (message.type()) {
                case 'E' -> throw new ServerErrorException(ServerError.parse(message));
                case 'v' -> {
                    // NegotiateProtocolVersion: the server lacks a minor feature keel did not ask for.
                }
                case 'R' -> {
                    int code = message.int32();
                    switch (code) {
                        case OK -> {
                            return;
                        }
                        case CLEARTEXT -> wire.send('p', new PgWire.Body().cstring(password("password")));
                        case MD5 ->
                            wire.send('p', new PgWire.Body().cstring(md5(user, password("md5"), message.bytes(4))));
                        case SASL -> {
                            scram = scramClient(mechanisms(message));
                            byte[] first = scram.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8);
                            wire.send(
                                    'p',
                                    new PgWire.Body()
                                            .cstring(scram.getScramMechanism().getName())
                                            .int32(first.length)
                                            .bytes(first));
                        }
                        case SASL_CONTINUE -> {
                            try {
                                scram(scram)
                                        .serverFirstMessage(
                                                new String(message.bytes(message.remaining()), StandardCharsets.UTF_8));
                            } catch (ScramException e) {
                                throw new IOException(
                                        "the server's SCRAM challenge is malformed: " + e.getMessage(), e);
                            }
                            wire.send(
                                    'p',
                                    new PgWire.Body()
                                            .bytes(scram.clientFinalMessage()
                                                    .toString()
                                                    .getBytes(StandardCharsets.UTF_8)));
                        }
                        case SASL_FINAL -> {
                            try {
                                scram(scram)
                                        .serverFinalMessage(
                                                new String(message.bytes(message.remaining()), StandardCharsets.UTF_8));
                            } catch (ScramException e) {
                                // The server could not prove it knows the password: not the server keel meant to talk
                                // to.
                                throw new KeelException(
                                        CoreError.AUTHENTICATION_FAILED,
                                        "cannot connect to " + server
                                                + ": the server failed SCRAM's proof of the password (" + e.getMessage()
                                                + ")",
                                        "check that the host is the right server",
                                        e);
                            }
                        }
                        default ->
                            throw new KeelException(
                                    BackupError.REPLICATION_AUTH_UNSUPPORTED,
                                    "cannot connect to " + server
                                            + ": the server asks for an authentication method keel does not speak (code "
                                            + code + ")",
                                    "use scram-sha-256, md5, password or trust for this role's replication line in pg_hba.conf");
                    }
                }
                default -> throw new IOException("unexpected '" + message.type() + "' message during authentication");
            }
        }
    }

    private String password(String method) {
        if (password == null) {
            throw new KeelException(
                    CoreError.AUTHENTICATION_FAILED,
                    "cannot connect to " + server + ": the server asks user " + user + " for a password (" + method
                            + ") and none is configured",
                    "put it in the URL, database.password, PGPASSWORD or ~/.pgpass (database field 'replication')");
        }
        return password;
    }

    private ScramClient scramClient(List<String> mechanisms) {
        // Without the TLS channel binding data, the -PLUS variants cannot be used; the plain one is what libpq uses by
        // default too.
        List<String> plain =
                mechanisms.stream().filter(m -> !m.endsWith("-PLUS")).toList();
        if (plain.isEmpty()) {
            throw new KeelException(
                    BackupError.REPLICATION_AUTH_UNSUPPORTED,
                    "cannot connect to " + server + ": the server offers only SASL mechanisms keel does not speak "
                            + mechanisms,
                    "allow scram-sha-256 for this role's replication line in pg_hba.conf");
        }
        try {
            // PostgreSQL takes the user from the startup message and ignores SCRAM's user name.
            return ScramClient.builder()
                    .advertisedMechanisms(plain)
                    .username("*")
                    .password(password("SCRAM").toCharArray())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    BackupError.REPLICATION_AUTH_UNSUPPORTED,
                    "cannot connect to " + server + ": no SASL mechanism in common with the server " + mechanisms,
                    "allow scram-sha-256 for this role's replication line in pg_hba.conf",
                    e);
        }
    }

    private static ScramClient scram(ScramClient scram) throws IOException {
        if (scram == null) {
            throw new IOException("the server continued a SASL exchange that never started");
        }
        return scram;
    }

    private static List<String> mechanisms(BackendMessage message) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name = message.cstring(); !name.isEmpty(); name = message.cstring()) {
            names.add(name);
        }
        return names;
    }

    /** PostgreSQL's md5 answer: "md5" + md5(md5(password + user) + salt), in hex. */
    static String md5(String user, String password, byte[] salt) {
        HexFormat hex = HexFormat.of();
        String inner = hex.formatHex(md5().digest((password + user).getBytes(StandardCharsets.UTF_8)));
        MessageDigest outer = md5();
        outer.update(inner.getBytes(StandardCharsets.US_ASCII));
        outer.update(salt);
        return "md5" + hex.formatHex(outer.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
