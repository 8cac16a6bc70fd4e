package dev.webui.files.storage;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/** The same contract against S3Proxy, a real S3 server implementation, on a free local port. */
class S3FileStorageTest extends StorageContract {
    static S3Proxy server;
    static S3Client client;
    static FileStorage storage;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", Files.createTempDirectory("s3proxy").toString());
        server = S3Proxy.builder().blobStore(BlobStores.create("filesystem", properties)).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret").build();
        server.start();
        await("s3proxy started").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> server.getState().equals("STARTED"));
        client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getPort())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"))).build();
        client.createBucket(b -> b.bucket("uploads"));
        storage = new S3FileStorage(client, "uploads", "open-webui");
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.stop();
    }

    @Override
    FileStorage storage() {
        return storage;
    }
}
