package dev.webui.files.file;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the status endpoint and its event stream report: pending, completed, failed (with error) or not_found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessingStatus(String status, String error) {
    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    static final ProcessingStatus NOT_FOUND = new ProcessingStatus("not_found", null);

    static ProcessingStatus of(String status, String error) {
        // files uploaded with process=false have no status and nothing will ever change it
        return new ProcessingStatus(status == null ? COMPLETED : status, FAILED.equals(status) ? error : null);
    }

    boolean finished() {
        return !PENDING.equals(status);
    }
}
