package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's exceptions into keel's typed failures: a wrong bucket is 2, everything else 4 (exit
 * code 3 belongs to the database alone). A refusal and a missing bucket are {@link RepositoryRefusal}s:
 * retrying does not help.
 */
final class S3Failures {
    private static final Set<String> REFUSED = Set.of(
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "AccessDenied",
            "InvalidToken",
            "ExpiredToken",
            "AuthorizationHeaderMalformed");

    private S3Failures() {}

    static KeelException translate(SdkException e, String action, String endpoint, String bucket) {
        if (e instanceof S3Exception s3) {
            String code =
                    s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            if ("NoSuchBucket".equals(code)) {
                return new RepositoryRefusal(
                        BackupError.S3_BUCKET_MISSING,
                        "bucket '" + bucket + "' does not exist at " + endpoint,
                        "create the bucket or correct backup.repository",
                        e);
            }
            if (REFUSED.contains(code) || s3.statusCode() == 401 || s3.statusCode() == 403) {
                return new RepositoryRefusal(
                        BackupError.S3_REFUSED,
                        "S3 at " + endpoint + " refused to " + action + " (" + (code == null ? s3.statusCode() : code)
                                + ")",
                        "check the access key, its secret and the key's permissions on bucket '" + bucket + "'",
                        e);
            }
            return new KeelException(
                    BackupError.S3_FAILED,
                    "S3 at " + endpoint + " failed to " + action + ": "
                            + (code == null ? "HTTP " + s3.statusCode() : code),
                    "retry; if it persists, check the server's logs",
                    e);
        }
        if (e instanceof SdkClientException && unreachable(e)) {
            return new KeelException(
                    BackupError.S3_UNREACHABLE,
                    "S3 endpoint " + endpoint + " is unreachable: " + rootMessage(e),
                    "check backup.s3.endpoint (or AWS_ENDPOINT_URL) and that the server is running",
                    e);
        }
        return new KeelException(
                BackupError.S3_FAILED,
                "cannot " + action + " on S3 at " + endpoint + ": " + firstLine(e.getMessage()),
                "retry; if it persists, run with -v",
                e);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
