package dev.webui.importer.tables;

import java.util.List;

/** Accounts whose e-mails differ only in case: the operator decides which survives, nothing is written. */
public final class DuplicateEmailsException extends Exception {
    public DuplicateEmailsException(List<String> groups) {
        super("These accounts have the same e-mail ignoring case, which the suite does not allow:\n  "
                + String.join("\n  ", groups)
                + "\nDelete or rename the extra accounts in Open WebUI (Admin Panel > Users), or in a copy of the "
                + "database, then import again. Nothing was written.");
    }
}
