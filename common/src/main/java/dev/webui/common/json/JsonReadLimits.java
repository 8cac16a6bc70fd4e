package dev.webui.common.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one home of Jackson's read limits: every service's ObjectMapper (and through it Quarkus REST
 * bodies and Vert.x's JsonObject codec) stops parsing a body that nests, counts or weighs more
 * than RequestLimitsConfig allows, long before the tree it builds can fill the heap.
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {
    /** For mappers made outside CDI (static ones reading stored or user text). */
    public static final StreamReadConstraints DEFAULTS = constraints(500_000, 200, 50L * 1024 * 1024);

    private final RequestLimitsConfig limits;

    public JsonReadLimits(RequestLimitsConfig limits) {
        this.limits = limits;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints(limits.jsonMaxTokens(), limits.jsonMaxNestingDepth(),
                limits.largeRequestBodyMaxSize().asLongValue()));
    }

    /** A mapper of its own with the default limits. */
    public static ObjectMapper constrained(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(DEFAULTS);
        return mapper;
    }

    private static StreamReadConstraints constraints(long tokens, int depth, long documentBytes) {
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
