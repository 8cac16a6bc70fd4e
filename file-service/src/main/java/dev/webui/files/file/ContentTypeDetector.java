package dev.webui.files.file;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

import java.io.IOException;
import java.nio.file.Path;

/** Detects a file's type from its bytes (and its name as a hint); the client's Content-Type is not trusted. */
@ApplicationScoped
public class ContentTypeDetector {
    private final Tika tika = new Tika();

    public String detect(Path file, String name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            return tika.getDetector().detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
