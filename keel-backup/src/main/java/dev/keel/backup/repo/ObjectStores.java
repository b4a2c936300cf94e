package dev.keel.backup.repo;

import dev.keel.backup.BackupSettings;
import java.util.Map;

/** Opens the store a repository URL names. */
public final class ObjectStores {
    private ObjectStores() {}

    public static ObjectStore open(RepositoryUrl url, BackupSettings.S3 s3, Map<String, String> env) {
        if (url instanceof RepositoryUrl.Local local) {
            return new FileObjectStore(local.root());
        }
        RepositoryUrl.S3 bucket = (RepositoryUrl.S3) url;
        return S3ObjectStore.connect(bucket, S3Settings.resolve(s3, env));
    }
}
