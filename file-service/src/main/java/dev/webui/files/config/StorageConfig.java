package dev.webui.files.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Where uploaded bytes live, under Open WebUI's variable names. */
@ConfigMapping(prefix = "")
public interface StorageConfig {
    /** STORAGE_PROVIDER: "local" (or empty) keeps files in UPLOAD_DIR; "s3" uses S3-compatible object storage. */
    @WithName("STORAGE_PROVIDER")
    @WithDefault("local")
    String storageProvider();

    /** UPLOAD_DIR: directory of the local provider (the compose volume); also holds in-flight uploads. */
    @WithName("UPLOAD_DIR")
    @WithDefault("data/uploads")
    String uploadDir();

    /** S3_BUCKET_NAME: bucket of the s3 provider (required with STORAGE_PROVIDER=s3). */
    @WithName("S3_BUCKET_NAME")
    Optional<String> s3BucketName();

    /** S3_ENDPOINT_URL: endpoint of an S3-compatible server (MinIO, Ceph, ...); AWS when unset. */
    @WithName("S3_ENDPOINT_URL")
    Optional<String> s3EndpointUrl();

    /** S3_REGION_NAME: signing region. */
    @WithName("S3_REGION_NAME")
    @WithDefault("us-east-1")
    String s3RegionName();

    /** S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY: static credentials; the AWS default chain when unset. */
    @WithName("S3_ACCESS_KEY_ID")
    Optional<String> s3AccessKeyId();

    @WithName("S3_SECRET_ACCESS_KEY")
    Optional<String> s3SecretAccessKey();

    /** S3_KEY_PREFIX: prefix of every object key. */
    @WithName("S3_KEY_PREFIX")
    Optional<String> s3KeyPrefix();

    /** S3_ADDRESSING_STYLE: "path", "virtual" or "auto" (path style when an endpoint is set). */
    @WithName("S3_ADDRESSING_STYLE")
    @WithDefault("auto")
    String s3AddressingStyle();
}
