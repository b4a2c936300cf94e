package dev.keel.backup.repo;

import dev.keel.backup.BackupSettings;
import dev.keel.testing.S3TestServer;

/** Object stores on the test S3 server, configured through the AWS variables as a user would. */
public final class S3TestStores {
    private S3TestStores() {}

    public static S3ObjectStore store(S3TestServer server, String bucket, String prefix) {
        return S3ObjectStore.connect(
                new RepositoryUrl.S3(bucket, prefix),
                S3Settings.resolve(new BackupSettings.S3(null, null, null, null, null), server.env()));
    }
}
