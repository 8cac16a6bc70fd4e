package dev.webui.core.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson's read limits: a parse stops at a document that nests, counts or weighs more than
 * allowed, long before the tree it builds can fill the heap.
 */
public final class JsonLimits {
    /** For mappers made outside the services' configuration (static ones reading stored or user text). */
    public static final StreamReadConstraints DEFAULTS = constraints(500_000, 200, 50L * 1024 * 1024);

    private JsonLimits() {
    }

    /** The given mapper, with the default limits. */
    public static ObjectMapper constrained(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(DEFAULTS);
        return mapper;
    }

    public static StreamReadConstraints constraints(long tokens, int depth, long documentBytes) {
        // strings may be as long as the document: chats carry images as base64 data URLs
        int longest = (int) Math.min(Integer.MAX_VALUE, documentBytes);
        return StreamReadConstraints.builder()
                .maxTokenCount(tokens)
                .maxNestingDepth(depth)
                .maxDocumentLength(documentBytes)
                .maxStringLength(longest)
                .build();
    }
}
