package dev.webui.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.webui.api.access.PermissionService;
import dev.webui.api.http.ForwardedAuthorization;
import dev.webui.api.json.Bodies;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * POST /api/v1/images/generations {@code {prompt, size?, n?, negative_prompt?}} → {@code [{"url"}]},
 * one stored file of the caller per image. Needs image generation switched on (Admin > Images) and,
 * for users, the features.image_generation permission.
 */
@Path("/api/v1/images")
@RolesAllowed(Roles.VERIFIED)
public class ImageGenerationResource {
    private final ImageGenerator generator;
    private final SettingsStore settings;
    private final PermissionService permissions;
    private final SecurityIdentity identity;

    public ImageGenerationResource(ImageGenerator generator, SettingsStore settings, PermissionService permissions,
                                   SecurityIdentity identity) {
        this.generator = generator;
        this.settings = settings;
        this.permissions = permissions;
        this.identity = identity;
    }

    @POST
    @Path("/generations")
    public Uni<ArrayNode> generate(@Context HttpServerRequest http, JsonNode body) {
        Bodies.require(body);
        if (!settings.bool(Settings.ENABLE_IMAGE_GENERATION)) {
            throw ApiException.forbidden("Image generation is disabled (Admin > Images)");
        }
        JsonNode n = body.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.canConvertToInt())) {
            throw ApiException.badRequest("'n' must be a whole number");
        }
        var request = generator.request(Bodies.textOrNull(body, "prompt"), Bodies.textOrNull(body, "negative_prompt"),
                Bodies.textOrNull(body, "size"),
                n == null || n.isNull() ? 1 : n.asInt());
        return permissions.require(AuthenticatedUser.of(identity), "features", "image_generation")
                .chain(() -> generator.generate(ForwardedAuthorization.of(http), request))
                .map(urls -> {
                    ArrayNode list = JsonNodeFactory.instance.arrayNode();
                    urls.forEach(url -> list.addObject().put("url", url));
                    return list;
                });
    }
}
