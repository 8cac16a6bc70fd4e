package dev.webui.importer.source;

/** Which Open WebUI schema a source database carries. */
public record SourceVersion(String revision, String releases) {
    @Override
    public String toString() {
        return releases + " (" + revision + ")";
    }
}
