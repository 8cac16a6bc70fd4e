package dev.webui.importer.source;

import java.util.List;

/**
 * Open WebUI's alembic revisions in chain order, each with the first release that carries it and
 * a label ("(inside X)" revisions are never a release head: an interrupted upgrade or a
 * pre-release build). Read from Open WebUI's migrations; the table is in docs/importer.md, "Supported releases".
 */
final class Revisions {
    record Revision(String id, String firstRelease, String label) {
    }

    static final List<Revision> CHAIN = List.of(
            new Revision("7e5b5dc7342b", "0.3.0", "Open WebUI 0.3.x (alembic init)"),
            new Revision("ca81bd47c050", "0.3.0", "Open WebUI 0.3.x (config table)"),
            new Revision("c0fbf31ca0db", "0.3.0", "Open WebUI 0.3.x (file table update)"),
            new Revision("6a39f3d8e55c", "0.3.0", "Open WebUI 0.3.x (knowledge table)"),
            new Revision("242a2047eae0", "0.4.0", "Open WebUI 0.4.x (chat as JSON)"),
            new Revision("1af9b942657b", "0.4.0", "Open WebUI 0.4.x (tags folded into chat.meta)"),
            new Revision("3ab32c4b8f59", "0.4.0", "Open WebUI 0.4.x (tag table update)"),
            new Revision("c69f45358db4", "0.4.0", "Open WebUI 0.4.x (folder table)"),
            new Revision("c29facfe716b", "0.4.0", "Open WebUI 0.4.x (file path)"),
            new Revision("af906e964978", "0.5.0", "Open WebUI 0.5.x (feedback table)"),
            new Revision("4ace53fd72c8", "0.5.0", "Open WebUI 0.5.x (folder timestamps)"),
            new Revision("922e7a387820", "0.5.0", "Open WebUI 0.5.x (group table)"),
            new Revision("57c599a3cb57", "0.5.0", "Open WebUI 0.5.x (channel table)"),
            new Revision("7826ab40b532", "0.5.0", "Open WebUI 0.5.x (file access control)"),
            new Revision("3781e22d8b01", "0.5.20", "Open WebUI 0.5.20–0.6.5"),
            new Revision("9f0c9cd09105", "0.6.6", "Open WebUI 0.6.6–0.6.15"),
            new Revision("d31026856c01", "0.6.16", "Open WebUI 0.6.16–0.6.22"),
            new Revision("018012973d35", "0.6.23", "Open WebUI 0.6.23 (indexes)"),
            new Revision("3af16a1c9fb6", "0.6.23", "Open WebUI 0.6.23–0.6.26"),
            new Revision("38d63c18f30f", "0.6.27", "Open WebUI 0.6.27–0.6.31"),
            new Revision("a5c220713937", "0.6.32", "Open WebUI 0.6.32–0.6.36"),
            new Revision("37f288994c47", "0.6.37", "Open WebUI 0.6.37–0.6.40"),
            new Revision("2f1211949ecc", "0.6.41", "Open WebUI 0.6.41 (inside: channel members, message pins)"),
            new Revision("b10670c03dd5", "0.6.41", "Open WebUI 0.6.41 (inside: api_key table)"),
            new Revision("90ef40d4714e", "0.6.41", "Open WebUI 0.6.41 (inside: channel webhooks)"),
            new Revision("3e0e00844bb0", "0.6.41", "Open WebUI 0.6.41"),
            new Revision("6283dc0e4d8d", "0.6.42", "Open WebUI 0.6.42 (inside: channel_file)"),
            new Revision("81cc2ce44d79", "0.6.42", "Open WebUI 0.6.42 (inside: channel_file.message_id)"),
            new Revision("c440947495f3", "0.6.42", "Open WebUI 0.6.42–0.7.2"),
            new Revision("374d2f66af06", "0.8.0", "Open WebUI 0.8.0 (inside: prompt history)"),
            new Revision("8452d01d26d7", "0.8.0", "Open WebUI 0.8.0 (inside: chat_message)"),
            new Revision("f1e2d3c4b5a6", "0.8.0", "Open WebUI 0.8.0 (inside: access_grant)"),
            new Revision("a1b2c3d4e5f6", "0.8.0", "Open WebUI 0.8.0"),
            new Revision("b2c3d4e5f6a7", "0.8.1", "Open WebUI 0.8.1–0.8.12"),
            new Revision("a3dd5bedd151", "0.9.0", "Open WebUI 0.9.0 (inside: chat tasks and summary)"),
            new Revision("d4e5f6a7b8c9", "0.9.0", "Open WebUI 0.9.0 (inside: automations)"),
            new Revision("b7c8d9e0f1a2", "0.9.0", "Open WebUI 0.9.0 (inside: chat.last_read_at)"),
            new Revision("e1f2a3b4c5d6", "0.9.0", "Open WebUI 0.9.0 (inside: note.is_pinned)"),
            new Revision("c1d2e3f4a5b6", "0.9.0", "Open WebUI 0.9.0 (inside: shared_chat)"),
            new Revision("56359461a091", "0.9.0", "Open WebUI 0.9.0–0.9.2"),
            new Revision("4de81c2a3af1", "0.9.3", "Open WebUI 0.9.3 (inside: pinned_note)"),
            new Revision("a0b1c2d3e4f5", "0.9.3", "Open WebUI 0.9.3–0.9.5"),
            new Revision("3c9b0ca343fd", "0.9.6", "Open WebUI 0.9.6 (inside: knowledge_directory)"),
            new Revision("461111b60977", "0.9.6", "Open WebUI 0.9.6"),
            new Revision("3ff2c63645b8", "0.10.0", "Open WebUI 0.10.0 (inside: per-key config)"),
            new Revision("4c5ce3d2f27f", "0.10.0", "Open WebUI 0.10.0 (inside: chat_message.context_summary)"),
            new Revision("7b3f2a9c1d4e", "0.10.0", "Open WebUI 0.10.0 (inside: memory.type)"),
            new Revision("42e2978c7933", "0.10.0", "Open WebUI 0.10.0–0.10.2"),
            new Revision("856c5b02fb54", "0.11.0", "Open WebUI 0.11.0 (inside: chat_message.meta)"),
            new Revision("9a1b2c3d4e5f", "0.11.0", "Open WebUI 0.11.0 (inside: chat.current_message_id)"),
            new Revision("c49178636c78", "0.11.0", "Open WebUI 0.11.0 (inside: chat.variables)"),
            new Revision("b0018471bbbe", "0.11.0", "Open WebUI 0.11.0 (inside: user.variables)"),
            new Revision("55f1302ac17c", "0.11.0", "Open WebUI 0.11.0 (inside: memory index)"),
            new Revision("959eaac8f909", "0.11.0", "Open WebUI 0.11.0 (automation.folder_id; also a 0.11.0 file whose e-mail index failed)"),
            new Revision("f0bd01a18a3d", "0.11.0", "Open WebUI 0.11.0"),
            new Revision("1ce6ade7d93b", "0.11.0", "Open WebUI after 0.11.0 (dev: group_member index)"));

    private Revisions() {
    }

    static Revision byId(String id) {
        return CHAIN.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The newest revision released in or before {@code release} ("0.6.5", "v0.11.0"), or null. */
    static Revision forRelease(String release) {
        int[] wanted = parse(release);
        if (wanted == null) {
            return null;
        }
        Revision found = null;
        for (Revision r : CHAIN) {
            if (r.label().contains("inside") || r.id().equals("1ce6ade7d93b")) {
                continue;
            }
            if (compare(parse(r.firstRelease()), wanted) <= 0) {
                found = r;
            }
        }
        return found;
    }

    static int[] parse(String release) {
        String s = release.trim();
        if (s.startsWith("v")) {
            s = s.substring(1);
        }
        if (!s.matches("\\d+\\.\\d+(\\.\\d+)?")) {
            return null;
        }
        String[] parts = s.split("\\.");
        return new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2]) : 0};
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
