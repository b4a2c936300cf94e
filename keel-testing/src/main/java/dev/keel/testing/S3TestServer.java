package dev.keel.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (s3proxy over an in-memory blob store) on a free loopback port,
 * started in-process: its Jetty is shaded, so it does not clash with anything keel loads.
 * It checks AWS signatures, so wrong credentials really are refused.
 * <p>
 * s3proxy is an optional dependency of keel-testing: a module whose tests use this class declares
 * org.gaul:s3proxy itself (test scope), so modules that never touch S3 keep their class path.
 * The object methods reach the backing store directly, the way an operator or an attacker with
 * access to the bucket would change it behind keel's back.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "keel-test";
    public static final String SECRET_KEY = "keel-test-secret-0123456789";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStore blobs;
    private final URI endpoint;

    private S3TestServer(S3Proxy proxy, BlobStore blobs, URI endpoint) {
        this.proxy = proxy;
        this.blobs = blobs;
        this.endpoint = endpoint;
    }

    public static S3TestServer start() throws Exception {
        BlobStore blobs = new TransientNio2BlobStore();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3TestServer(proxy, blobs, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A fresh bucket, so tests sharing the server never see each other's objects. */
    public String newBucket() {
        String bucket = "keel-" + UUID.randomUUID().toString().substring(0, 8);
        blobs.createContainer(bucket);
        return bucket;
    }

    /** A new bucket holding a copy of every object in {@code from}, so each test can change its own. */
    public String copyOf(String from) {
        String copy = newBucket();
        for (String key : keys(from, "")) {
            write(copy, key, read(from, key));
        }
        return copy;
    }

    /** The standard AWS variables pointing at this server. */
    public Map<String, String> env() {
        return Map.of(
                "AWS_ENDPOINT_URL",
                endpoint.toString(),
                "AWS_ACCESS_KEY_ID",
                ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                SECRET_KEY,
                "AWS_REGION",
                REGION);
    }

    /** keel.yaml's backup.s3 section pointing at this server, indented for a top-level {@code backup:} key. */
    public String yaml() {
        return "  s3:\n    endpoint: " + endpoint + "\n    region: " + REGION + "\n    accessKeyId: " + ACCESS_KEY
                + "\n    secretAccessKey: " + SECRET_KEY + "\n";
    }

    /** Every key in the bucket under {@code prefix}, sorted. */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = blobs.list(ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .prefix(prefix)
                    .continuationToken(token)
                    .build());
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        keys.sort(null);
        return keys;
    }

    public byte[] read(String bucket, String key) {
        try (InputStream in = blobs.getBlob(bucket, key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String bucket, String key, byte[] content) {
        blobs.putBlob(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentLength((long) content.length)
                        .build(),
                new ByteArrayInputStream(content));
    }

    public void delete(String bucket, String key) {
        blobs.removeBlob(bucket, key);
    }

    /** Removes a bucket with everything in it, as an operator could while keel writes to it. */
    public void deleteBucket(String bucket) {
        blobs.deleteContainer(bucket);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
