package dev.webui.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.core.json.JsonLimits;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every service's ObjectMapper (and through it Quarkus REST bodies and Vert.x's JsonObject codec)
 * stops parsing a body that nests, counts or weighs more than RequestLimitsConfig allows.
 */
@Singleton
public class JsonReadLimits implements ObjectMapperCustomizer {
    private final RequestLimitsConfig limits;

    public JsonReadLimits(RequestLimitsConfig limits) {
        this.limits = limits;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(JsonLimits.constraints(limits.jsonMaxTokens(), limits.jsonMaxNestingDepth(),
                limits.largeRequestBodyMaxSize().asLongValue()));
    }
}
