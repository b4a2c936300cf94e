package dev.keel.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.config.KeelYaml;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

class TargetResolverTest {
    @TempDir
    Path dir;

    private KeelYaml withDatabase(String url, String user, String password) {
        KeelYaml d = KeelYaml.defaults(dir);
        return new KeelYaml(dir, null, new KeelYaml.Database(url, user, password), d.schema(), d.settings());
    }

    private static Map<String, String> pgEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", "pg-host");
        env.put("PGDATABASE", "pgdb");
        return env;
    }

    @Test
    void cliUrlBeatsEverythingElse() {
        Map<String, String> env = pgEnvironment();
        env.put("KEEL_URL", "postgresql://env-host/envdb");

        DatabaseTarget target = TargetResolver.resolve(
                        "postgresql://cli-host/clidb", withDatabase("postgresql://yaml-host/yamldb", null, null), env)
                .orElseThrow();

        assertThat(target.host()).isEqualTo("cli-host");
        assertThat(target.source()).isEqualTo("--url");
    }

    @Test
    void keelUrlBeatsTheFileAndPgVariables() {
        Map<String, String> env = pgEnvironment();
        env.put("KEEL_URL", "postgresql://env-host/envdb");

        DatabaseTarget target = TargetResolver.resolve(
                        null, withDatabase("postgresql://yaml-host/yamldb", null, null), env)
                .orElseThrow();

        assertThat(target.host()).isEqualTo("env-host");
        assertThat(target.source()).isEqualTo("KEEL_URL");
    }

    @Test
    void fileUrlBeatsPgVariables() {
        DatabaseTarget target = TargetResolver.resolve(
                        " ", withDatabase("postgresql://yaml-host/yamldb", null, null), pgEnvironment())
                .orElseThrow();

        assertThat(target.host()).isEqualTo("yaml-host");
        assertThat(target.database()).isEqualTo("yamldb");
        assertThat(target.source()).isEqualTo("keel.yaml database.url");
    }

    @Test
    void pgVariablesAreUsedWhenNothingElseIsSet() {
        DatabaseTarget target = TargetResolver.resolve(null, KeelYaml.defaults(dir), pgEnvironment())
                .orElseThrow();

        assertThat(target.host()).isEqualTo("pg-host");
        assertThat(target.database()).isEqualTo("pgdb");
        assertThat(target.source()).isEqualTo("PG* environment");
    }

    @Test
    void withoutAnySettingThereIsNoTargetSoTheEmbeddedDefaultIsUsed() {
        assertThat(TargetResolver.resolve(null, KeelYaml.defaults(dir), Map.of()))
                .isEmpty();
    }

    @Test
    void aPasswordOrSslmodeAloneDoesNotNameADatabase() {
        Optional<DatabaseTarget> target = TargetResolver.resolve(
                null, KeelYaml.defaults(dir), Map.of("PGPASSWORD", "pw", "PGSSLMODE", "require", "KEEL_URL", ""));

        assertThat(target).isEmpty();
    }

    @Test
    void pgVariablesAssembleTheUrl() {
        Map<String, String> env = Map.of(
                "PGHOST",
                "db.internal",
                "PGPORT",
                "6432",
                "PGDATABASE",
                "shop",
                "PGUSER",
                "app",
                "PGSSLMODE",
                "verify-full");

        DatabaseTarget target =
                TargetResolver.resolve(null, KeelYaml.defaults(dir), env).orElseThrow();

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/shop?sslmode=verify-full");
        assertThat(target.host()).isEqualTo("db.internal");
        assertThat(target.port()).isEqualTo(6432);
        assertThat(target.database()).isEqualTo("shop");
        assertThat(target.user()).isEqualTo("app");
    }

    @Test
    void pgDatabaseDefaultsToTheUserAndPgHostToLocalhost() {
        DatabaseTarget target = TargetResolver.resolve(null, KeelYaml.defaults(dir), Map.of("PGUSER", "app"))
                .orElseThrow();

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(target.user()).isEqualTo("app");
    }

    @Test
    void aSocketDirectoryInPgHostMeansLocalhost() {
        DatabaseTarget target = TargetResolver.resolve(
                        null,
                        KeelYaml.defaults(dir),
                        Map.of("PGHOST", "/var/run/postgresql", "PGDATABASE", "shop", "PGUSER", "app"))
                .orElseThrow();

        assertThat(target.host()).isEqualTo("localhost");
    }

    @Test
    void theFileUserBeatsPgUser() {
        Map<String, String> env = pgEnvironment();
        env.put("PGUSER", "pg-user");

        DatabaseTarget target = TargetResolver.resolve(null, withDatabase(null, "yaml-user", null), env)
                .orElseThrow();

        assertThat(target.user()).isEqualTo("yaml-user");
    }

    @Test
    void pgPasswordIsUsedWhenNothingElseGivesAPassword() {
        Map<String, String> env = pgEnvironment();
        env.put("PGPASSWORD", "from-env");

        DatabaseTarget viaPg =
                TargetResolver.resolve(null, KeelYaml.defaults(dir), env).orElseThrow();
        DatabaseTarget viaFileUrl = TargetResolver.resolve(
                        null, withDatabase("postgresql://yaml-host/yamldb", "app", null), env)
                .orElseThrow();

        assertThat(viaPg.properties().getProperty("password")).isEqualTo("from-env");
        assertThat(viaFileUrl.properties().getProperty("password")).isEqualTo("from-env");
    }

    @Test
    void theFilePasswordBeatsPgPassword() {
        Map<String, String> env = pgEnvironment();
        env.put("PGPASSWORD", "from-env");

        DatabaseTarget target = TargetResolver.resolve(
                        null, withDatabase("postgresql://yaml-host/yamldb", "app", "from-file"), env)
                .orElseThrow();

        assertThat(target.properties().getProperty("password")).isEqualTo("from-file");
    }

    @Test
    void aPasswordInTheUrlBeatsPgPassword() {
        Map<String, String> env = new HashMap<>();
        env.put("PGPASSWORD", "from-env");

        DatabaseTarget target = TargetResolver.resolve("postgresql://app:from-url@db/shop", KeelYaml.defaults(dir), env)
                .orElseThrow();

        assertThat(Driver.parseURL(target.jdbcUrl(), target.properties()).getProperty("password"))
                .isEqualTo("from-url");
    }

    @Test
    void noPasswordIsInventedWhenNoneIsGiven() {
        DatabaseTarget target = TargetResolver.resolve(
                        null, KeelYaml.defaults(dir), Map.of("PGHOST", "db", "PGUSER", "app"))
                .orElseThrow();

        assertThat(target.properties().getProperty("password")).isNull();
    }
}
