package dev.keel.cli;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.config.KeelConfig;
import dev.keel.error.KeelException;
import java.time.Clock;
import picocli.CommandLine.Option;

/** --repo for every command that reads or writes the backup repository; it wins over backup.repository. */
final class RepositoryOption {

    @Option(names = "--repo", paramLabel = "URL", description = "Backup repository (file:///path or s3://bucket/prefix); default: backup.repository in keel.yaml.")
    String repository;

    BackupSettings settings(CliContext cli) {
        BackupSettings settings = BackupSettings.from(cli.config());
        if (repository != null) {
            settings = settings.withRepository(repository);
        }
        if (settings.repository() == null || settings.repository().isBlank()) {
            throw KeelException.usage("no backup repository is configured", "set backup.repository in keel.yaml, or pass --repo file:///path or s3://bucket/prefix");
        }
        return settings;
    }

    BackupRepository open(CliContext cli) {
        return BackupRepository.open(settings(cli), cli.env());
    }

    BackupRepository create(CliContext cli) {
        return BackupRepository.create(settings(cli), cli.env(), Clock.systemUTC());
    }
}
