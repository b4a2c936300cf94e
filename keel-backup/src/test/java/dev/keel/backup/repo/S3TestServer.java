package dev.keel.backup.repo;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-compatible server (s3proxy over an in-memory blob store) on a free loopback port,
 * started in-process: its Jetty is shaded, so it does not clash with anything keel loads.
 * It checks AWS signatures, so wrong credentials really are refused.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "keel-test";
    public static final String SECRET_KEY = "keel-test-secret-0123456789";

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

    /** The standard AWS variables pointing at this server. */
    public Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "AWS_REGION", "us-east-1");
    }

    public S3ObjectStore store(String bucket, String prefix) {
        return S3ObjectStore.connect(new RepositoryUrl.S3(bucket, prefix),
                S3Settings.resolve(new dev.keel.config.KeelConfig.S3(null, null, null, null, null), env()));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
