package dev.webui.api.completion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.tool.ToolCall;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolRequest;
import dev.webui.api.tool.ToolResult;
import dev.webui.api.tool.ToolSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A tool source for tests, serving the id {@code test:math} (other ids are not its business; {@code test:down}
 * fails the lookup):
 * add {a, b}; lookup {city} (with a citation); meet {side}, which answers only once two meet calls
 * run at the same time (so calls made one after the other never finish); broken (an error result);
 * slow, which never answers (it counts its starts and cancellations).
 */
@ApplicationScoped
public class TestTools implements ToolSource {
    static final String ID = "test:math";
    /** An id whose lookup fails, as a broken source would. */
    static final String DOWN = "test:down";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The arguments every call received, as JSON text, in call order. */
    static final List<String> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger slowStarted = new AtomicInteger();
    static final AtomicInteger slowCancelled = new AtomicInteger();
    /** The users the calls ran for. */
    static final List<String> callers = new CopyOnWriteArrayList<>();
    private static volatile CompletableFuture<Void> bothMet = new CompletableFuture<>();
    private static final AtomicInteger meeting = new AtomicInteger();

    static void reset() {
        received.clear();
        callers.clear();
        meeting.set(0);
        bothMet = new CompletableFuture<>();
    }

    @Override
    public Uni<List<ToolFunction>> functions(ToolRequest request) {
        if (request.toolIds().contains(DOWN)) {
            return Uni.createFrom().failure(new IllegalStateException("the tool registry is down"));
        }
        if (!request.toolIds().contains(ID)) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().item(List.of(
                function("add", "Adds two numbers", props("a", "number", "b", "number"), (args, call) ->
                        Uni.createFrom().item(ToolResult.text(String.valueOf(args.path("a").asInt() + args.path("b").asInt())))),
                function("lookup", "Looks a city up in the atlas", props("city", "string"), (args, call) -> {
                    ObjectNode source = JSON.createObjectNode();
                    source.putObject("source").put("id", "atlas").put("name", "atlas.example");
                    source.putArray("document").add("Paris is the capital of France.");
                    source.putArray("metadata").addObject().put("source", "https://atlas.example/paris");
                    return Uni.createFrom().item(new ToolResult("Paris is the capital of France.", null, List.of(source), false));
                }),
                function("meet", "Waits for its partner", props("side", "string"), (args, call) -> {
                    CompletableFuture<Void> met = bothMet;
                    if (meeting.incrementAndGet() == 2) {
                        met.complete(null);
                    }
                    return Uni.createFrom().completionStage(met).replaceWith(ToolResult.text("met " + args.path("side").asText()));
                }),
                function("broken", "Always fails", props(), (args, call) ->
                        Uni.createFrom().item(ToolResult.error("The database is unreachable"))),
                function("slow", "Never answers", props(), (args, call) -> Uni.createFrom().<ToolResult>emitter(emitter -> {
                    slowStarted.incrementAndGet();
                    emitter.onTermination(slowCancelled::incrementAndGet);
                }))));
    }

    private static ObjectNode props(String... nameAndType) {
        ObjectNode parameters = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = parameters.putObject("properties");
        for (int i = 0; i < nameAndType.length; i += 2) {
            properties.putObject(nameAndType[i]).put("type", nameAndType[i + 1]);
        }
        return parameters;
    }

    private static ToolFunction function(String name, String description, ObjectNode parameters,
                                         BiFunction<ObjectNode, ToolCall, Uni<ToolResult>> body) {
        ObjectNode spec = JSON.createObjectNode().put("name", name).put("description", description);
        spec.set("parameters", parameters);
        return new ToolFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ObjectNode spec() {
                return spec;
            }

            @Override
            public String toolId() {
                return ID;
            }

            @Override
            public Uni<ToolResult> call(ObjectNode arguments, ToolCall call) {
                received.add(name + " " + arguments);
                callers.add(call.user().id());
                return body.apply(arguments, call);
            }
        };
    }
}
