package dev.keel.backup.repo;

import dev.keel.backup.BackupError;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects under a key prefix of an S3 bucket. A PUT is atomic per object; larger objects go up as a
 * multipart upload that only becomes visible when completed, and is aborted when the writer gives up.
 * An upload whose writer was killed stays invisible (a bucket lifecycle rule for incomplete multipart
 * uploads reclaims its space).
 */
public final class S3ObjectStore implements ObjectStore {
    /** Parts are held in memory while they upload; 8 MiB stays well above S3's 5 MiB minimum. */
    public static final int PART_SIZE = 8 << 20;

    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;
    private final String endpointName;
    private final int partSize;

    S3ObjectStore(S3Client client, String bucket, String prefix, String endpointName, int partSize) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = prefix.isEmpty() ? "" : prefix + "/";
        this.endpointName = endpointName;
        this.partSize = partSize;
    }

    public static S3ObjectStore connect(RepositoryUrl.S3 url, S3Settings settings) {
        AwsCredentials credentials = settings.sessionToken() == null
                ? AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())
                : AwsSessionCredentials.create(
                        settings.accessKeyId(), settings.secretAccessKey(), settings.sessionToken());
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2))
                        // Below the idle timeouts S3-compatible servers use, so a pooled connection
                        // is not reused just as the server closes it.
                        .connectionMaxIdleTime(Duration.ofSeconds(4)))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .forcePathStyle(settings.pathStyle())
                // Only checksums the API demands: many S3-compatible servers reject the newer trailing
                // checksums, and keel's own object format detects damage end to end anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        String endpointName =
                settings.endpoint() != null ? settings.endpoint().toString() : "AWS S3 (" + settings.region() + ")";
        return new S3ObjectStore(builder.build(), url.bucket(), url.prefix(), endpointName, PART_SIZE);
    }

    @Override
    public String describe() {
        return "s3://" + bucket + (keyPrefix.isEmpty() ? "" : "/" + keyPrefix.substring(0, keyPrefix.length() - 1));
    }

    @Override
    public PendingObject create(String name) {
        return new S3Pending(name, key(ObjectNames.check(name)));
    }

    /**
     * A PUT with If-None-Match: * (S3 since 2024, MinIO, s3proxy 2.4 and later): the server refuses
     * it with 412 when the key exists, and with 409 when another conditional write of the key is
     * under way. A refusal is read back: when the key holds exactly {@code content}, an earlier
     * attempt of this same call stored it and only its reply was lost (the SDK then retried), so the
     * name is ours. A server that ignores the header would make every reservation succeed; BackupIds
     * notices by reserving its name a second time, with other content, which must fail.
     */
    @Override
    public boolean createIfAbsent(String name, byte[] content) {
        String key = key(ObjectNames.check(name));
        try {
            client.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return holds(name, key, content);
            }
            throw S3Failures.translate(e, "reserve object '" + name + "'", endpointName, bucket);
        } catch (SdkException e) {
            throw S3Failures.translate(e, "reserve object '" + name + "'", endpointName, bucket);
        }
    }

    private boolean holds(String name, String key, byte[] content) {
        try {
            return Arrays.equals(
                    client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArrayUnsafe(), content);
        } catch (NoSuchKeyException e) {
            // Another writer's conditional write was under way (409) and then failed.
            return false;
        } catch (SdkException e) {
            throw S3Failures.translate(e, "read back object '" + name + "'", endpointName, bucket);
        }
    }

    @Override
    public InputStream open(String name) {
        String key = key(ObjectNames.check(name));
        try {
            return client.getObject(r -> r.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new KeelException(
                    BackupError.OBJECT_MISSING,
                    "object '" + name + "' is missing from " + describe(),
                    "run keel backup verify to list every missing object");
        } catch (SdkException e) {
            throw S3Failures.translate(e, "read object '" + name + "'", endpointName, bucket);
        }
    }

    @Override
    public InputStream open(String name, long offset, long length) {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String key = key(ObjectNames.check(name));
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return new BoundedInputStream(
                    client.getObject(r -> r.bucket(bucket).key(key).range(range)), length);
        } catch (NoSuchKeyException e) {
            throw new KeelException(
                    BackupError.OBJECT_MISSING,
                    "object '" + name + "' is missing from " + describe(),
                    "run keel backup verify to list every missing object");
        } catch (SdkException e) {
            throw S3Failures.translate(e, "read object '" + name + "'", endpointName, bucket);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String name) {
        String key = key(ObjectNames.check(name));
        try {
            HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(name, head.contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw S3Failures.translate(e, "read the size of object '" + name + "'", endpointName, bucket);
        } catch (SdkException e) {
            throw S3Failures.translate(e, "read the size of object '" + name + "'", endpointName, bucket);
        }
    }

    @Override
    public Optional<Instant> storedAt(String name) {
        String key = key(ObjectNames.check(name));
        try {
            return Optional.ofNullable(
                    client.headObject(r -> r.bucket(bucket).key(key)).lastModified());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw S3Failures.translate(e, "read the time of object '" + name + "'", endpointName, bucket);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        ObjectNames.checkPrefix(prefix);
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .prefix(keyPrefix + prefix)
                    .build();
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                objects.add(new ObjectInfo(object.key().substring(keyPrefix.length()), object.size()));
            }
        } catch (SdkException e) {
            throw S3Failures.translate(e, "list '" + prefix + "'", endpointName, bucket);
        }
        objects.sort((a, b) -> a.name().compareTo(b.name()));
        return objects;
    }

    @Override
    public List<String> children(String prefix) {
        ObjectNames.checkPrefix(prefix);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("children() needs a prefix ending with '/', not '" + prefix + "'");
        }
        String listed = keyPrefix + prefix;
        TreeSet<String> names = new TreeSet<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .prefix(listed)
                    .delimiter("/")
                    .build();
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
                for (CommonPrefix common : page.commonPrefixes()) {
                    String part = common.prefix().substring(listed.length());
                    names.add(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
                }
                for (S3Object object : page.contents()) {
                    names.add(object.key().substring(listed.length()));
                }
            }
        } catch (SdkException e) {
            throw S3Failures.translate(e, "list '" + prefix + "'", endpointName, bucket);
        }
        return List.copyOf(names);
    }

    @Override
    public void delete(String name) {
        String key = key(ObjectNames.check(name));
        try {
            client.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw S3Failures.translate(e, "delete object '" + name + "'", endpointName, bucket);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private String key(String name) {
        return keyPrefix + name;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Buffers one part at a time: a small object is a single PUT, a large one a multipart upload. */
    private final class S3Pending extends PendingObject {
        private final String name;
        private final String key;
        private final byte[] buffer = new byte[partSize];
        private final List<CompletedPart> parts = new ArrayList<>();
        private int filled;
        private String uploadId;
        private boolean done;

        S3Pending(String name, String key) {
            this.name = name;
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (done) {
                throw new IOException("object '" + name + "' was already committed or closed");
            }
            while (len > 0) {
                if (filled == buffer.length) {
                    uploadPart();
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void uploadPart() {
            try {
                if (uploadId == null) {
                    uploadId = client.createMultipartUpload(
                                    r -> r.bucket(bucket).key(key))
                            .uploadId();
                }
                int number = parts.size() + 1;
                String etag = client.uploadPart(
                                r -> r.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number),
                                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = 0;
            } catch (SdkException e) {
                throw S3Failures.translate(e, "upload object '" + name + "'", endpointName, bucket);
            }
        }

        @Override
        public void commit() {
            if (done) {
                throw new IllegalStateException("object '" + name + "' was already committed or closed");
            }
            try {
                if (uploadId == null) {
                    client.putObject(
                            r -> r.bucket(bucket).key(key),
                            RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled));
                } else {
                    if (filled > 0) {
                        uploadPart();
                    }
                    client.completeMultipartUpload(
                            r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
                }
                done = true;
            } catch (SdkException e) {
                throw S3Failures.translate(e, "store object '" + name + "'", endpointName, bucket);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (done && uploadId == null) {
                return;
            }
            boolean committed = done;
            done = true;
            if (!committed && uploadId != null) {
                try {
                    client.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
                } catch (SdkException e) {
                    // The upload stays invisible either way; a lifecycle rule reclaims its parts.
                }
            }
        }
    }
}
