package dev.webui.files.storage;

import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.files.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/** Chooses the storage named by STORAGE_PROVIDER. */
@ApplicationScoped
public class StorageProducer {

    @Produces
    @ApplicationScoped
    FileStorage storage(StorageConfig config) {
        String provider = config.storageProvider().isBlank() ? "local" : config.storageProvider().toLowerCase();
        return switch (provider) {
            case "local" -> local(config);
            case "s3" -> s3(config);
            default -> throw new InvalidConfigurationException(
                    "STORAGE_PROVIDER must be local or s3, not '" + config.storageProvider() + "'");
        };
    }

    /** Directory where the HTTP layer writes in-flight uploads: beside the stored files, so a move is a rename. */
    public static Path incomingDir(StorageConfig config) {
        return Path.of(config.uploadDir(), ".incoming");
    }

    private static FileStorage local(StorageConfig config) {
        try {
            return new LocalFileStorage(Path.of(config.uploadDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("UPLOAD_DIR " + config.uploadDir() + " cannot be created", e);
        }
    }

    private static FileStorage s3(StorageConfig config) {
        String bucket = config.s3BucketName().filter(b -> !b.isBlank()).orElseThrow(() ->
                new InvalidConfigurationException("STORAGE_PROVIDER=s3 needs S3_BUCKET_NAME"));
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.s3RegionName()));
        config.s3EndpointUrl().filter(u -> !u.isBlank()).ifPresent(url -> builder.endpointOverride(URI.create(url)));
        boolean pathStyle = switch (config.s3AddressingStyle()) {
            case "path" -> true;
            case "virtual" -> false;
            default -> config.s3EndpointUrl().filter(u -> !u.isBlank()).isPresent();
        };
        builder.forcePathStyle(pathStyle);
        if (config.s3AccessKeyId().isPresent() && config.s3SecretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.s3AccessKeyId().get(), config.s3SecretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return new S3FileStorage(builder.build(), bucket, config.s3KeyPrefix().orElse(""));
    }
}
