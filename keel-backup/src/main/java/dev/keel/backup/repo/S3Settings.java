package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.backup.BackupSettings;
import dev.keel.error.KeelException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * How to reach an S3 API: keel.yaml's backup.s3.* first, then the standard AWS variables. Region and
 * credentials are always explicit, so the SDK never goes looking for them on an instance metadata
 * endpoint (a network call keel should not make behind a user's back).
 *
 * @param endpoint null for AWS itself
 * @param sessionToken null unless temporary credentials are used
 */
public record S3Settings(
        URI endpoint,
        String region,
        boolean pathStyle,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken) {
    /** The region AWS's own tools assume when none is given; S3-compatible servers mostly ignore it. */
    public static final String DEFAULT_REGION = "us-east-1";

    public static S3Settings resolve(BackupSettings.S3 config, Map<String, String> env) {
        String endpointText = first(config.endpoint(), env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
        URI endpoint = endpointText == null ? null : endpoint(endpointText);
        String region = first(config.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
        boolean pathStyle = config.pathStyle() != null ? config.pathStyle() : endpoint != null;
        String id;
        String secret;
        String token;
        if (config.accessKeyId() != null || config.secretAccessKey() != null) {
            id = config.accessKeyId();
            secret = config.secretAccessKey();
            token = null;
        } else {
            id = env.get("AWS_ACCESS_KEY_ID");
            secret = env.get("AWS_SECRET_ACCESS_KEY");
            token = blankToNull(env.get("AWS_SESSION_TOKEN"));
        }
        if (blankToNull(id) == null || blankToNull(secret) == null) {
            throw new KeelException(
                    BackupError.S3_CREDENTIALS_MISSING,
                    "no S3 credentials are set"
                            + (id == null && secret == null ? "" : ": the access key id or the secret is missing"),
                    "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or backup.s3.accessKeyId and backup.s3.secretAccessKey (use ${VAR} to keep"
                            + " the secret out of keel.yaml)");
        }
        return new S3Settings(endpoint, region, pathStyle, id, secret, token);
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new URISyntaxException(text, "needs http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new KeelException(
                    BackupError.REPOSITORY_URL_INVALID,
                    "S3 endpoint '" + text + "' is malformed: " + e.getReason(),
                    "set backup.s3.endpoint (or AWS_ENDPOINT_URL) to a URL such as http://127.0.0.1:9000");
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (blankToNull(v) != null) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public String toString() {
        // A record prints every component; secrets must never reach a log line or an error.
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + ", accessKeyId="
                + accessKeyId + ", secretAccessKey=****" + (sessionToken == null ? "" : ", sessionToken=****") + "]";
    }
}
