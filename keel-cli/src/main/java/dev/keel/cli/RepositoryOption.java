package dev.keel.cli;

import dev.keel.backup.BackupError;
import dev.keel.backup.Backups;
import dev.keel.backup.BackupsConfiguration;
import dev.keel.error.KeelException;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** --repo for every command that reads or writes the backup repository; it wins over backup.repository. */
final class RepositoryOption {

    @Option(
            names = "--repo",
            paramLabel = "URL",
            description =
                    "Backup repository (file:///path or s3://bucket/prefix); default: backup.repository in keel.yaml.")
    String repository;

    /** The backup facade on this repository, with the command's own settings added by {@code options}. */
    Backups backups(CliContext cli, UnaryOperator<BackupsConfiguration> options) {
        Backups backups = CliContext.configured(() -> {
            BackupsConfiguration configuration = cli.backups();
            if (repository != null) {
                configuration.repository(repository);
            }
            return options.apply(configuration).load();
        });
        // The facade would refuse too, in the words of its Java API; a command-line user needs the option's name.
        String url = backups.settings().repository();
        if (url == null || url.isBlank()) {
            throw new KeelException(
                    BackupError.REPOSITORY_NOT_SET,
                    "no backup repository is configured",
                    "set backup.repository in keel.yaml, or pass --repo file:///path or s3://bucket/prefix");
        }
        return backups;
    }

    Backups backups(CliContext cli) {
        return backups(cli, UnaryOperator.identity());
    }
}
