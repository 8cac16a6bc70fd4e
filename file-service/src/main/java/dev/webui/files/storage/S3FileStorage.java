package dev.webui.files.storage;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Objects in one bucket of an S3-compatible store; locations are {@code s3://bucket/key}. */
public class S3FileStorage implements FileStorage {
    private final S3Client client;
    private final String bucket;
    private final String keyPrefix;

    public S3FileStorage(S3Client client, String bucket, String keyPrefix) {
        this.client = client;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "" : keyPrefix.replaceAll("/+$", "") + "/";
    }

    @Override
    public String put(String key, Path source) throws IOException {
        if (!key.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || key.contains("..")) {
            throw new IllegalArgumentException("Storage keys are plain names");
        }
        String objectKey = keyPrefix + key;
        try {
            client.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw new IOException("Object storage refused the upload", e);
        }
        Files.deleteIfExists(source);
        return "s3://" + bucket + "/" + objectKey;
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        String key = key(location);
        String range = length < 0 ? "bytes=" + offset + "-" : "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return client.getObject(b -> b.bucket(bucket).key(key).range(offset == 0 && length < 0 ? null : range));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(location);
        } catch (SdkException e) {
            throw new IOException("Object storage did not answer", e);
        }
    }

    @Override
    public long size(String location) throws IOException {
        String key = key(location);
        try {
            return client.headObject(b -> b.bucket(bucket).key(key)).contentLength();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(location);
        } catch (SdkException e) {
            throw new IOException("Object storage did not answer", e);
        }
    }

    @Override
    public void delete(String location) throws IOException {
        String key = key(location);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("Object storage refused the delete", e);
        }
    }

    @Override
    public boolean owns(String location) {
        return location != null && location.startsWith("s3://" + bucket + "/" + keyPrefix)
                && location.length() > ("s3://" + bucket + "/" + keyPrefix).length();
    }

    private String key(String location) throws NoSuchFileException {
        if (!owns(location)) {
            throw new NoSuchFileException("not in bucket " + bucket);
        }
        return location.substring(("s3://" + bucket + "/").length());
    }
}
