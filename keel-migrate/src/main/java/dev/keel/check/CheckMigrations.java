package dev.keel.check;

import dev.keel.change.ChangeLint;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import dev.keel.migrate.MigrationFileName;
import dev.keel.migrate.MigrationPlan;
import dev.keel.migrate.MigrationScript;
import dev.keel.migrate.MigrationSettings;
import dev.keel.migrate.MigrationType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code keel check}: the project's pending migrations (ask the database which), or given files and directories. */
public final class CheckMigrations {
    /** What the checks assume when neither a server nor the configuration says: the embedded default's version. */
    public static final int DEFAULT_POSTGRES_VERSION = 17;

    private CheckMigrations() {}

    /** The pending migrations, checked for the target server's version unless {@code version} overrides it. */
    public static CheckReport pending(ConnectionSource source, MigrationSettings settings, Integer version) {
        List<MigrationScript> scripts = settings.resolver().resolve();
        try (Connection c = source.open()) {
            MigrationPlan plan = MigrationPlan.of(scripts, settings.history().read(c), true, null);
            int major = version != null ? version : serverMajorVersion(c);
            CheckReport report = Checker.withAllRules(major, CheckPolicy.of(settings.check()))
                    .check(inputs(plan.pending()), CatalogFacts.load(c));
            List<Finding> all = new ArrayList<>(report.findings());
            int changeFiles = 0;
            for (MigrationScript s : plan.pending()) {
                if (s.type() == MigrationType.CHANGE) {
                    changeFiles++;
                    all.addAll(ChangeLint.against(
                            c,
                            settings.schema(),
                            s.script(),
                            s.content(),
                            s.version().toString()));
                }
            }
            return report.withFindings(all).withChangeFiles(changeFiles);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.HISTORY_UNREADABLE,
                    "reading the migration history of " + source.describe() + " failed: " + e.getMessage(),
                    "check that the user may read " + settings.history().displayName(),
                    e);
        }
    }

    public static List<CheckInput> inputs(List<MigrationScript> scripts) {
        return scripts.stream()
                .filter(s -> s.type() != MigrationType.CHANGE)
                .map(s -> new CheckInput(s.script(), s.content()))
                .toList();
    }

    /**
     * Files and directories (searched for *.sql, in the order migrate applies them: {@link MigrationOrder})
     * that another tool may run: keel's own safeguards are not assumed.
     */
    public static CheckReport paths(Path projectDir, List<Path> paths, int version) {
        return paths(projectDir, paths, version, CheckPolicy.NONE);
    }

    /** As {@link #paths(Path, List, int)}, narrowed by keel.yaml's check section. */
    public static CheckReport paths(Path projectDir, List<Path> paths, int version, CheckPolicy policy) {
        List<CheckInput> inputs = new ArrayList<>();
        List<Finding> changeFindings = new ArrayList<>();
        int changeFiles = 0;
        for (Path given : paths) {
            Path path = projectDir.resolve(given);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(f -> Files.isRegularFile(f) && isChangeFile(f))
                            .sorted()
                            .toList()) {
                        CheckInput in = read(projectDir, file);
                        changeFindings.addAll(ChangeLint.offline(in.file(), in.content()));
                        changeFiles++;
                    }
                } catch (IOException e) {
                    throw new KeelException(
                            CoreError.IO_FAILED,
                            "cannot read " + path + ": " + e.getMessage(),
                            "check the permissions",
                            e);
                }
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(
                                    f -> Files.isRegularFile(f) && f.toString().endsWith(".sql"))
                            .sorted(MigrationOrder.FILES)
                            .toList()) {
                        inputs.add(read(projectDir, file));
                    }
                } catch (IOException e) {
                    throw new KeelException(
                            CoreError.IO_FAILED,
                            "cannot read " + path + ": " + e.getMessage(),
                            "check the permissions",
                            e);
                }
            } else if (Files.isRegularFile(path) && isChangeFile(path)) {
                CheckInput in = read(projectDir, path);
                changeFindings.addAll(ChangeLint.offline(in.file(), in.content()));
                changeFiles++;
            } else if (Files.isRegularFile(path)) {
                inputs.add(read(projectDir, path));
            } else {
                throw new KeelException(
                        CheckError.PATH_MISSING,
                        given + " does not exist",
                        "pass migration files or directories that exist");
            }
        }
        CheckReport report =
                new Checker(Rules.all(), version, false, policy).check(inputs).withChangeFiles(changeFiles);
        if (changeFindings.isEmpty()) {
            return report;
        }
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(changeFindings);
        return report.withFindings(all);
    }

    private static boolean isChangeFile(Path file) {
        return MigrationFileName.isChangeFile(file.getFileName().toString());
    }

    private static CheckInput read(Path projectDir, Path file) {
        String shown = file.startsWith(projectDir) ? projectDir.relativize(file).toString() : file.toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new KeelException(
                        CheckError.FILE_NOT_TEXT, shown + " is a binary file, not SQL", "check only migration files");
            }
            return new CheckInput(shown, text);
        } catch (CharacterCodingException e) {
            throw new KeelException(
                    CheckError.FILE_NOT_TEXT,
                    shown + " is not valid UTF-8",
                    "convert it to UTF-8 (for example: iconv -f LATIN1 -t UTF-8)");
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.IO_FAILED, "cannot read " + shown + ": " + e.getMessage(), "check the permissions", e);
        }
    }

    public static int serverMajorVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
