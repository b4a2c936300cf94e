package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseBackupStreamTest {
    private static final String[] POSITION = {"recptr", "tli"};
    private static final String[] TABLESPACES = {"spcoid", "spclocation", "size"};

    private final List<Long> progress = new ArrayList<>();

    @Test
    void theCommandAsksForWalInTheArchiveAndAFastCheckpoint() {
        assertThat(BaseBackupStream.command("keel 20260124T101500Z's"))
                .isEqualTo(
                        "BASE_BACKUP (LABEL 'keel 20260124T101500Z''s', PROGRESS true, CHECKPOINT 'fast', WAL true, WAIT false, MANIFEST 'no')");
    }

    @Test
    void readsPositionsTablespacesAndTheArchiveSplitOverCopyDataMessages() throws IOException {
        byte[] tar = new TarBuilder()
                .file("PG_VERSION", "15\n")
                .file("global/pg_control", new byte[8192])
                .bytes();
        ServerMessages server = new ServerMessages()
                .resultSet(POSITION, new String[] {"0/2000028", "1"})
                .resultSet(TABLESPACES, new String[] {null, null, "22000"})
                .message('H', new PgWire.Body().int8(0).int8(0).int8(0))
                .copyData('n', new PgWire.Body().cstring("base.tar").cstring("").toByteArray())
                .copyData('d', Arrays.copyOfRange(tar, 0, 700))
                .copyData('p', new PgWire.Body().int32(0).int32(700).toByteArray())
                .copyData('d', Arrays.copyOfRange(tar, 700, tar.length))
                .copyData('m', new byte[0])
                .copyData('d', "{\"PostgreSQL-Backup-Manifest-Version\": 1}".getBytes(StandardCharsets.UTF_8))
                .message('c', new PgWire.Body())
                .resultSet(POSITION, new String[] {"0/2000100", "1"})
                .message('C', new PgWire.Body().cstring("BASE_BACKUP"))
                .ready();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        BaseBackupStream stream = new BaseBackupStream(server.wire(sent), progress::add);

        BaseBackupStream.Start start = stream.begin(BaseBackupStream.command("keel x"));
        assertThat(start.position()).isEqualTo(new BaseBackupStream.Position("0/2000028", 1));
        assertThat(start.tablespaces()).containsExactly(new BaseBackupStream.Tablespace(null, null, 22000L));
        assertThat(start.estimatedBytes()).isEqualTo(22000L * 1024);

        assertThat(stream.nextArchive()).isEqualTo(new BaseBackupStream.Archive("base.tar", ""));
        assertThat(stream.data().readAllBytes()).isEqualTo(tar);
        assertThat(stream.nextArchive())
                .as("the manifest is skipped and the stream ends")
                .isNull();
        assertThat(stream.finish()).isEqualTo(new BaseBackupStream.Position("0/2000100", 1));
        assertThat(progress).containsExactly(700L);
        assertThat(new String(sent.toByteArray(), StandardCharsets.UTF_8))
                .startsWith("Q")
                .contains("BASE_BACKUP (LABEL 'keel x'");
    }

    @Test
    void eachArchiveEndsWhereTheNextBegins() throws IOException {
        ServerMessages server = new ServerMessages()
                .resultSet(POSITION, new String[] {"0/3000028", "2"})
                .resultSet(TABLESPACES, new String[] {"16400", "/srv/space", "10"}, new String[] {null, null, "20"})
                .message('H', new PgWire.Body().int8(0).int8(0).int8(0))
                .copyData(
                        'n',
                        new PgWire.Body()
                                .cstring("16400.tar")
                                .cstring("/srv/space")
                                .toByteArray())
                .copyData('d', "one".getBytes(StandardCharsets.UTF_8))
                .copyData('n', new PgWire.Body().cstring("base.tar").cstring("").toByteArray())
                .copyData('d', "two".getBytes(StandardCharsets.UTF_8))
                .message('c', new PgWire.Body())
                .resultSet(POSITION, new String[] {"0/3000100", "2"})
                .ready();
        BaseBackupStream stream = new BaseBackupStream(server.wire(new ByteArrayOutputStream()), progress::add);
        stream.begin("BASE_BACKUP");

        assertThat(stream.nextArchive()).isEqualTo(new BaseBackupStream.Archive("16400.tar", "/srv/space"));
        assertThat(stream.data().readAllBytes())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("one");
        assertThat(stream.nextArchive()).isEqualTo(new BaseBackupStream.Archive("base.tar", ""));
        assertThat(stream.data().readAllBytes())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("two");
        assertThat(stream.nextArchive()).isNull();
        assertThat(stream.finish().timeline()).isEqualTo(2);
    }

    @Test
    void anErrorInTheMiddleOfTheStreamIsTheServersAndIsRemembered() throws IOException {
        ServerMessages server = new ServerMessages()
                .resultSet(POSITION, new String[] {"0/2000028", "1"})
                .resultSet(TABLESPACES, new String[] {null, null, "1"})
                .message('H', new PgWire.Body().int8(0).int8(0).int8(0))
                .copyData('n', new PgWire.Body().cstring("base.tar").cstring("").toByteArray())
                .copyData('d', new byte[10])
                .error("ERROR", "58P01", "requested WAL segment 000000010000000000000002 has already been removed")
                .ready();
        BaseBackupStream stream = new BaseBackupStream(server.wire(new ByteArrayOutputStream()), progress::add);
        stream.begin("BASE_BACKUP");
        stream.nextArchive();

        assertThatThrownBy(() -> stream.data().readAllBytes())
                .isInstanceOfSatisfying(
                        ServerErrorException.class,
                        e -> assertThat(e.error().sqlState()).isEqualTo("58P01"));
        assertThat(stream.failure()).hasMessageContaining("has already been removed");
    }

    @Test
    void anErrorBeforeTheStreamStartsIsTheServers() {
        ServerMessages server = new ServerMessages()
                .error("ERROR", "55000", "WAL level not sufficient for making an online backup")
                .ready();
        BaseBackupStream stream = new BaseBackupStream(server.wire(new ByteArrayOutputStream()), progress::add);

        assertThatThrownBy(() -> stream.begin("BASE_BACKUP"))
                .isInstanceOf(ServerErrorException.class)
                .hasMessageContaining("WAL level not sufficient");
    }

    @Test
    void aConnectionThatDropsMidStreamIsAnError() throws IOException {
        ServerMessages server = new ServerMessages()
                .resultSet(POSITION, new String[] {"0/2000028", "1"})
                .resultSet(TABLESPACES, new String[] {null, null, "1"})
                .message('H', new PgWire.Body().int8(0).int8(0).int8(0))
                .copyData('n', new PgWire.Body().cstring("base.tar").cstring("").toByteArray());
        BaseBackupStream stream = new BaseBackupStream(server.wire(new ByteArrayOutputStream()), progress::add);
        stream.begin("BASE_BACKUP");
        stream.nextArchive();

        assertThatThrownBy(() -> stream.data().readAllBytes())
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("closed the connection");
        assertThat(stream.failure()).isNotNull();
    }
}
