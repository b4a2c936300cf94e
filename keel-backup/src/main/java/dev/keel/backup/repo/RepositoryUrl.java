package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where a backup repository lives: a local directory or a bucket and prefix on an S3 API. */
public sealed interface RepositoryUrl permits RepositoryUrl.Local, RepositoryUrl.S3 {
    String ACCEPTED = "write file:///absolute/path or s3://bucket/prefix";

    /** The URL as a person would write it, for messages. */
    String display();

    record Local(Path root) implements RepositoryUrl {
        @Override
        public String display() {
            return "file://" + root;
        }
    }

    /** @param prefix the key prefix without leading or trailing slash; empty for the bucket's root */
    record S3(String bucket, String prefix) implements RepositoryUrl {
        @Override
        public String display() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }

    // Bucket names as S3 accepts them for new buckets: path-style and virtual-host style both work with these.
    Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    static RepositoryUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new KeelException(
                    BackupError.REPOSITORY_NOT_SET,
                    "no backup repository is set",
                    "set backup.repository in keel.yaml or pass --repo; " + ACCEPTED);
        }
        String url = text.strip();
        if (url.startsWith("file:")) {
            return local(url);
        }
        if (url.startsWith("s3://")) {
            return s3(url);
        }
        int colon = url.indexOf(':');
        String why = colon > 0 && url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
                ? "the scheme '" + url.substring(0, colon) + "' is not supported"
                : "it has no scheme";
        throw malformed(url, why);
    }

    private static Local local(String url) {
        if (!url.startsWith("file:///")) {
            throw malformed(
                    url,
                    url.startsWith("file://")
                            ? "a file URL cannot name a host"
                            : "a file URL needs an absolute path after file://");
        }
        String path = url.substring("file://".length());
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw malformed(url, "the path must not contain '.' or '..'");
            }
        }
        return new Local(Path.of(path).normalize());
    }

    private static S3 s3(String url) {
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.contains("@")) {
            // Never echo the URL here: the part before '@' is probably a secret.
            throw new KeelException(
                    BackupError.REPOSITORY_URL_INVALID,
                    "the backup repository URL must not carry credentials",
                    "remove them from the URL and set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or backup.s3.*) instead");
        }
        if (bucket.isEmpty()) {
            throw malformed(url, "the bucket name is missing");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw malformed(
                    url, "'" + bucket + "' is not a valid bucket name (3-63 lower-case letters, digits, '.' and '-')");
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.isEmpty()) {
            for (String segment : prefix.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw malformed(url, "the prefix must not contain empty, '.' or '..' parts");
                }
            }
        }
        return new S3(bucket, prefix);
    }

    private static KeelException malformed(String url, String why) {
        return new KeelException(
                BackupError.REPOSITORY_URL_INVALID,
                "backup repository URL '" + url + "' is malformed: " + why,
                ACCEPTED);
    }
}
