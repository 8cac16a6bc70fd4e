package dev.webui.importer.tables;

import java.util.List;

/** Source accounts whose e-mail already belongs to another account in the target; nothing was written. */
public final class AccountConflictException extends Exception {
    public AccountConflictException(List<String> pairs) {
        super("These accounts of the source have the e-mail of an existing account in the suite:\n  "
                + String.join("\n  ", pairs)
                + "\nRun again with --merge-accounts to import each source account onto the existing one (its chats, files, "
                + "tags, memories... are given to it; the existing account keeps its password and role), or remove the "
                + "existing accounts first. Nothing was written.");
    }
}
