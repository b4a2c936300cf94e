package dev.keel.backup;

import dev.keel.backup.catalog.BackupRepository;

/** What {@code keel backup init} reports about the repository it created. */
public record RepositoryInfo(String repository, String repositoryId, String compression, String encryption) {

    static RepositoryInfo of(BackupRepository repository) {
        return new RepositoryInfo(
                repository.store().describe(),
                repository.config().repositoryId(),
                repository.config().compression(),
                repository.config().encryption());
    }
}
