package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.TestProject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database configured, keel runs its own PostgreSQL 17 under .keel/, shared by every keel process of the
 * project. The first migrate starts it once for the class; each test then finds it running, wherever the test before
 * left it (stopped, or moved to another port).
 */
class EmbeddedDefaultIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Cli.Run firstMigrate;
    private static JsonNode firstStatus;
    private static int port;

    @BeforeAll
    static void firstMigrate() throws Exception {
        TestProject.in(dir)
                .migration("V1__a.sql", "create table a (id bigint generated always as identity primary key);");
        firstMigrate = keel("migrate");
        firstStatus = status();
    }

    @BeforeEach
    void serverRunning() throws Exception {
        if (!status().get("running").asBoolean()) {
            Cli.Run start = keel("db", "start");
            assertThat(start.exitCode()).as(start.stderr()).isZero();
        }
        port = status().get("port").asInt();
    }

    private static Cli.Run keel(String... args) {
        return Cli.runProcess(dir, Map.of(), args);
    }

    private static JsonNode status() throws Exception {
        Cli.Run run = keel("db", "status", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    @AfterAll
    static void stopServer() {
        keel("db", "stop");
    }

    @Test
    void firstMigrateStartsTheEmbeddedServer() throws Exception {
        assertThat(firstMigrate.exitCode()).as(firstMigrate.stderr()).isZero();
        assertThat(firstMigrate.stderr()).contains("started the embedded PostgreSQL 17.");
        assertThat(firstMigrate.stdout()).contains("Applied 1 migration");
        assertThat(Files.readString(dir.resolve(".keel/.gitignore"))).contains("*");
        assertThat(firstStatus.get("running").asBoolean()).isTrue();
        assertThat(firstStatus.get("version").asText()).startsWith("17.");
    }

    @Test
    void aSecondProcessFindsTheRunningServer() {
        Cli.Run run = keel("migrate");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("started");
        assertThat(run.stdout())
                .contains("Nothing to migrate: 127.0.0.1:" + port + "/postgres is up to date at version 1.");
    }

    @Test
    void urlPrintsJdbcAndLibpqForms() throws Exception {
        Cli.Run run = keel("db", "url");
        assertThat(run.stdout().lines())
                .containsExactly(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
                        "postgresql://postgres@127.0.0.1:" + port + "/postgres");
        try (Connection c = DriverManager.getConnection(
                        run.stdout().lines().findFirst().orElseThrow());
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "select current_setting('shared_preload_libraries'), current_setting('wal_level'), count(*) from a")) {
            rs.next();
            assertThat(rs.getString(1)).contains("pg_stat_statements");
            assertThat(rs.getString(2)).isEqualTo("replica");
        }
    }

    @Test
    void statusShowsVersionPortAndSize() {
        Cli.Run run = keel("db", "status");
        assertThat(run.stdout())
                .startsWith("embedded PostgreSQL 17.")
                .contains("running on 127.0.0.1:" + port)
                .contains("MiB");
    }

    @Test
    void stopKeepsTheDataAndStartReusesThePort() throws Exception {
        assertThat(keel("db", "stop").stdout()).contains("Stopped");
        assertThat(status().get("running").asBoolean()).isFalse();
        assertThat(keel("db", "start").stdout())
                .contains("Started embedded PostgreSQL 17.")
                .contains(":" + port);
        assertThat(keel("info").stdout()).contains("1 applied, 0 pending.");
    }

    @Test
    void aTakenPortMovesTheServerToAFreeOne() throws Exception {
        keel("db", "stop");
        try (ServerSocket squatter = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = keel("migrate");
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            int moved = status().get("port").asInt();
            assertThat(moved).isNotEqualTo(port);
            assertThat(run.stdout()).contains("127.0.0.1:" + moved + "/postgres");
        }
    }
}
