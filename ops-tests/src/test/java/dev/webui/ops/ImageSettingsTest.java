package dev.webui.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Jib settings of each service: keys the extension knows, a small JRE base, a non-root user that
 * the Kubernetes manifests and the compose volume hand-over agree on, the layout's ports, a heap that
 * follows the container's memory limit. (The image build itself needs a Docker engine; see docs.)
 */
class ImageSettingsTest {
    @Test
    void everyServiceImageIsSmallNonRootAndSizedByItsContainer() throws IOException {
        Set<String> known = jibKeys();
        assertTrue(known.contains("quarkus.jib.base-jvm-image"), "the config model was read: " + known);
        for (String service : Layout.SERVICES) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(Repo.file(service + "/src/main/resources/application.properties"))) {
                props.load(reader);
            }
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("quarkus.jib.")) {
                    assertTrue(known.contains(key), service + ": " + key + " is not a Jib setting");
                }
            }
            // file-service embeds onnxruntime, which needs glibc: the only service not on Alpine
            assertEquals(service.equals("file-service") ? "eclipse-temurin:17-jre" : "eclipse-temurin:17-jre-alpine",
                    props.getProperty("quarkus.jib.base-jvm-image"), service);
            assertEquals("1001", props.getProperty("quarkus.jib.user"), service);
            assertEquals(service, props.getProperty("quarkus.container-image.name"));
            Set<String> ports = new HashSet<>(Arrays.asList(props.getProperty("quarkus.jib.ports").split(",")));
            assertTrue(ports.contains(String.valueOf(Layout.HTTP_PORT.get(service))), service + " exposes " + ports);
            List<String> jvm = Arrays.asList(props.getProperty("quarkus.jib.jvm-additional-arguments").split(","));
            assertTrue(jvm.stream().anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage=")), service + ": " + jvm);
            assertTrue(jvm.contains("-XX:+ExitOnOutOfMemoryError"), service + ": " + jvm);
            assertTrue(props.getProperty("quarkus.container-image.build") == null, service + " builds images only when asked");
        }
        String compose = Files.readString(Repo.file("docker-compose.yaml"));
        assertTrue(compose.contains("chown -R 1001:1001 /app/backend/data"), "the uploads volume is handed to the image's user");
    }

    private static Set<String> jibKeys() throws IOException {
        try (InputStream in = ImageSettingsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/quarkus-config-doc/quarkus-config-model.json")) {
            assertNotNull(in, "quarkus-container-image-jib-deployment's config model is on the test classpath");
            Matcher m = Pattern.compile("\"property\" : \"(quarkus\\.jib\\.[a-z-]+)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> keys = new HashSet<>();
            while (m.find()) {
                keys.add(m.group(1));
            }
            return keys;
        }
    }

}
