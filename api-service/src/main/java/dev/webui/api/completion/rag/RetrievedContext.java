package dev.webui.api.completion.rag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What retrieval produced for one completion: the sources in the spec's shape
 * ({@code {source, document, metadata, distances}}), and a notice when some attached item could
 * not be searched (the answer then goes ahead without its context).
 */
public record RetrievedContext(List<ObjectNode> sources, String failure) {
    public static final RetrievedContext NONE = new RetrievedContext(List.of(), null);

    public boolean attempted() {
        return this != NONE;
    }
}
