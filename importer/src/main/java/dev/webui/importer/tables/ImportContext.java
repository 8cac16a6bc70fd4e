package dev.webui.importer.tables;

import dev.webui.importer.files.UploadCopier;
import dev.webui.importer.report.Report;

import java.util.HashMap;
import java.util.Map;

/** State shared by the table imports of one run. */
public final class ImportContext {
    private final Report report;
    private final long importTime;
    private final UploadCopier uploads;
    /** Users accepted by the user import (id → e-mail): auth and oauth_session rows need one. */
    private final Map<String, String> users = new HashMap<>();
    /** Source account id → the target account it is merged onto (--merge-accounts). */
    private final Map<String, String> merged = new HashMap<>();
    private final boolean mergeAccounts;
    private final boolean settingsFromSource;

    public ImportContext(Report report, long importTime, UploadCopier uploads) {
        this(report, importTime, uploads, false, false);
    }

    public ImportContext(Report report, long importTime, UploadCopier uploads, boolean mergeAccounts, boolean settingsFromSource) {
        this.report = report;
        this.importTime = importTime;
        this.uploads = uploads;
        this.mergeAccounts = mergeAccounts;
        this.settingsFromSource = settingsFromSource;
    }

    public boolean mergeAccounts() {
        return mergeAccounts;
    }

    /** --settings source: the source's settings replace ones an admin changed in the target. */
    public boolean settingsFromSource() {
        return settingsFromSource;
    }

    public void merge(String sourceId, String targetId) {
        merged.put(sourceId, targetId);
    }

    /** The account that owns what the source gave to {@code sourceId}: itself, or the one it was merged onto. */
    public String owner(String sourceId) {
        return sourceId == null ? null : merged.getOrDefault(sourceId, sourceId);
    }

    private dev.webui.importer.newer.NewerSchema newer;

    /** Look-ups into the tables of releases after 0.6.34, or null before they are loaded. */
    public dev.webui.importer.newer.NewerSchema newer() {
        return newer;
    }

    public void newer(dev.webui.importer.newer.NewerSchema newer) {
        this.newer = newer;
    }

    public Map<String, String> mergedAccounts() {
        return Map.copyOf(merged);
    }

    public Report report() {
        return report;
    }

    public long importTime() {
        return importTime;
    }

    public UploadCopier uploads() {
        return uploads;
    }

    public void userAccepted(String id, String email) {
        users.put(id, email);
    }

    public String userEmail(String id) {
        return users.get(id);
    }
}
