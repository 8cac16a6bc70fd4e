package dev.webui.importer.source;

/**
 * Which Open WebUI schema a source database carries. {@code assumed}: the operator named the
 * release (--assume-version) for a revision this importer does not know.
 */
public record SourceVersion(String revision, String releases, boolean assumed) {
    public SourceVersion(String revision, String releases) {
        this(revision, releases, false);
    }

    @Override
    public String toString() {
        return releases + " (" + revision + (assumed ? ", imported as assumed with --assume-version" : "") + ")";
    }
}
