package dev.webui.api.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.access.PermissionService;
import dev.webui.api.json.Bodies;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Prompts: readable ones feed the "/" menu, writable ones the workspace; creating needs workspace.prompts. */
@ApplicationScoped
public class PromptService {
    static final String NOT_FOUND = "Prompt not found";

    private final PromptRepository prompts;
    private final AccessChecker access;
    private final PermissionService permissions;

    public PromptService(PromptRepository prompts, AccessChecker access, PermissionService permissions) {
        this.prompts = prompts;
        this.access = access;
        this.permissions = permissions;
    }

    public Uni<List<Prompt>> readable(AuthenticatedUser user) {
        return prompts.all().chain(all -> access.rights(user).map(r -> all.stream()
                .filter(p -> r.canRead(p.userId(), p.accessControl())).map(PromptService::withoutUser).toList()));
    }

    public Uni<List<Prompt>> writable(AuthenticatedUser user) {
        return prompts.all().chain(all -> access.rights(user).map(r -> all.stream()
                .filter(p -> r.canWrite(p.userId(), p.accessControl())).toList()));
    }

    public Uni<Prompt> get(AuthenticatedUser user, String command) {
        return prompts.find(slash(command))
                .chain(p -> access.requireRead(user, p, Prompt::userId, Prompt::accessControl, NOT_FOUND))
                .map(PromptService::withoutUser);
    }

    public Uni<Prompt> create(AuthenticatedUser user, JsonNode body) {
        Prompt prompt = fromBody(body, user.id(), slash(Bodies.requiredText(body, "command")));
        return permissions.require(user, "workspace", "prompts")
                .chain(() -> shareable(user, prompt))
                .chain(shared -> prompts.insert(shared).map(inserted -> {
                    if (!inserted) {
                        throw ApiException.badRequest("The command " + shared.command() + " is already taken");
                    }
                    return shared;
                }));
    }

    public Uni<Prompt> update(AuthenticatedUser user, String command, JsonNode body) {
        return prompts.find(slash(command))
                .chain(p -> access.requireWrite(user, p, Prompt::userId, Prompt::accessControl, NOT_FOUND))
                .chain(existing -> shareable(user, fromBody(body, existing.userId(), existing.command())))
                .chain(updated -> prompts.update(updated).replaceWith(updated));
    }

    public Uni<Boolean> delete(AuthenticatedUser user, String command) {
        return prompts.find(slash(command))
                .chain(p -> access.requireWrite(user, p, Prompt::userId, Prompt::accessControl, NOT_FOUND))
                .chain(p -> prompts.delete(p.command())).replaceWith(true);
    }

    private Uni<Prompt> shareable(AuthenticatedUser user, Prompt prompt) {
        return permissions.shareable(user, "public_prompts", prompt.accessControl()).map(prompt::withAccessControl);
    }

    private static Prompt fromBody(JsonNode body, String owner, String command) {
        Bodies.require(body);
        JsonNode acl = Bodies.accessControl(body);
        String content = Bodies.textOrNull(body, "content");
        if (content == null) {
            throw ApiException.badRequest("'content' is required");
        }
        return new Prompt(command, owner, Bodies.requiredText(body, "title"), content, Instant.now().getEpochSecond(),
                acl, null);
    }

    /** Paths carry the command without its slash, bodies with it. */
    static String slash(String command) {
        String trimmed = command.trim();
        if (trimmed.isEmpty() || trimmed.equals("/")) {
            throw ApiException.badRequest("'command' is required");
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static Prompt withoutUser(Prompt p) {
        return new Prompt(p.command(), p.userId(), p.title(), p.content(), p.timestamp(), p.accessControl(), null);
    }
}
