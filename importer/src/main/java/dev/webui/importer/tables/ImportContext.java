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

    public ImportContext(Report report, long importTime, UploadCopier uploads) {
        this.report = report;
        this.importTime = importTime;
        this.uploads = uploads;
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
