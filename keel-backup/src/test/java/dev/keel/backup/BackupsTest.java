package dev.keel.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.stream.WalSetup;
import dev.keel.config.KeelYaml;
import dev.keel.connect.TargetParser;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the facade refuses, and what it reads from keel.yaml and the environment, without a database. */
class BackupsTest {
    /** Nothing listens here: an operation that tried to connect would fail with exit 3, not the usage error expected. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/shop";

    @TempDir
    Path dir;

    @Test
    void everyOperationThatNeedsADatabaseSaysHowToConfigureOne() {
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .repository("file://" + dir.resolve("repo"))
                .load();
        for (ThrowingCallable call : new ThrowingCallable[] {
            backups::backup, backups::drill, backups::walStream, () -> backups.walSetup(WalSetup.Mode.LEAVE)
        }) {
            assertUsage(call, "no database is configured", "call url(...) or target(...) before load()");
        }
    }

    @Test
    void everyOperationOnTheRepositorySaysHowToConfigureOne() {
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .url(NOWHERE, "backup", "secret")
                .load();
        for (ThrowingCallable call : new ThrowingCallable[] {
            backups::init,
            backups::backup,
            backups::list,
            backups::verify,
            backups::verifyAll,
            backups::drill,
            backups::walStream,
            () -> backups.restore(dir.resolve("target"), RecoveryTarget.parse("latest"))
        }) {
            assertUsage(
                    call,
                    "no backup repository is configured",
                    "set backup.repository in keel.yaml, or call repository(");
        }
        assertThat(dir.resolve("target")).doesNotExist();
    }

    @Test
    void theRepositoryComesFromKeelYamlAndTheEnvironmentOverridesIt() throws Exception {
        Path fromYaml = dir.resolve("yaml-repo");
        Path fromEnv = dir.resolve("env-repo");
        Files.writeString(dir.resolve("keel.yaml"), "backup:\n  repository: file://" + fromYaml + "\n");

        RepositoryInfo created =
                Backups.configure().projectDir(dir).env(Map.of()).load().init();
        assertThat(created.repository()).contains(fromYaml.toString());
        assertThat(created.encryption()).isEqualTo("none");
        assertThat(Backups.configure()
                        .projectDir(dir)
                        .env(Map.of())
                        .load()
                        .list()
                        .backups())
                .isEmpty();

        Backups overridden = Backups.configure()
                .projectDir(dir)
                .env(Map.of("KEEL_BACKUP_REPOSITORY", "file://" + fromEnv))
                .load();
        assertThat(overridden.settings().repository()).isEqualTo("file://" + fromEnv);
        assertUsage(overridden::list, "there is no keel backup repository at", "keel backup init");
    }

    @Test
    void theDatabaseComesFromKeelYamlWhenNotGivenInCode() throws Exception {
        Files.writeString(dir.resolve("keel.yaml"), "database:\n  url: " + NOWHERE + "\n");
        Backups backups = Backups.configure().projectDir(dir).env(Map.of()).load();
        assertThatThrownBy(() -> backups.walSetup(WalSetup.Mode.LEAVE))
                .isInstanceOfSatisfying(
                        KeelException.class,
                        e -> assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(ExitCode.UNREACHABLE));
    }

    @Test
    void pruneWithoutARetentionPolicyNamesTheKeysAndTheOverload() {
        Backups backups = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .repository("file://" + dir.resolve("repo"))
                .load();
        assertUsage(backups::prune, "no retention policy is set", "backup.retention.full");
    }

    @Test
    void contradictionsFailAtLoad() {
        assertUsage(
                () -> Backups.configure()
                        .env(Map.of())
                        .projectDir(dir)
                        .url(NOWHERE, null, null)
                        .target(TargetParser.parse(NOWHERE, null, null, "test"))
                        .load(),
                "both a URL and a database target",
                "one of them");
        assertUsage(
                () -> Backups.configure()
                        .env(Map.of())
                        .config(KeelYaml.defaults(dir.resolve("elsewhere")))
                        .projectDir(dir)
                        .load(),
                "differs from the given configuration's",
                "same directory");
    }

    @Test
    void impossibleSettingsFailInTheSetter() {
        assertThatThrownBy(() -> Backups.configure().parallel(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().maxRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().repository(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().restoreCommand("cp /archive/x %p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().launcher(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().slot(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().applicationName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backups.configure().partialInterval(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamSettingsGivenInCodeWinOverKeelYamlsOneByOne() throws Exception {
        Files.writeString(
                dir.resolve("keel.yaml"), "backup:\n  stream:\n    slot: from_yaml\n    applicationName: yaml_name\n");
        BackupSettings.Stream yaml = Backups.configure().projectDir(dir).env(Map.of()).load().settings().stream();
        assertThat(yaml).isEqualTo(new BackupSettings.Stream("from_yaml", "yaml_name", null, Duration.ofSeconds(10)));

        BackupSettings.Stream given = Backups.configure()
                .projectDir(dir)
                .env(Map.of())
                .slot("from_code")
                .spool(dir.resolve("spool"))
                .partialInterval(Duration.ofSeconds(3))
                .load()
                .settings()
                .stream();
        assertThat(given)
                .isEqualTo(new BackupSettings.Stream(
                        "from_code", "yaml_name", dir.resolve("spool"), Duration.ofSeconds(3)));
    }

    @Test
    void theDefaultRestoreCommandNamesTheProjectAndARepositoryGivenInCode() {
        KeelYaml config = KeelYaml.defaults(Path.of("/srv/my shop"));
        assertThat(RestoreCommandLine.keelWalGet(config, null)).isEqualTo("keel -C '/srv/my shop' wal get %f %p");
        assertThat(RestoreCommandLine.keelWalGet(config, "s3://bucket/shop"))
                .isEqualTo("keel -C '/srv/my shop' wal get --repo s3://bucket/shop %f %p");
    }

    @Test
    void aLauncherGivenInCodeStartsTheRestoreCommandEachWordQuotedForTheShell() {
        KeelYaml config = KeelYaml.defaults(Path.of("/srv/shop"));
        assertThat(RestoreCommandLine.keelWalGet(
                        List.of("/usr/lib/jvm/bin/java", "-XX:+UseSerialGC", "-jar", "/opt/it's keel.jar"),
                        config,
                        null))
                .isEqualTo(
                        "/usr/lib/jvm/bin/java '-XX:+UseSerialGC' -jar '/opt/it'\\''s keel.jar' -C /srv/shop wal get %f %p");
    }

    private static void assertUsage(ThrowingCallable call, String what, String todo) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(ExitCode.USAGE);
            assertThat(e.what()).contains(what);
            assertThat(e.todo()).contains(todo);
        });
    }
}
