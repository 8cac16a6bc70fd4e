package dev.webui.api.tool;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every function a completion may call: the functions of all tool sources, the first of a name kept. */
@ApplicationScoped
public class ToolCatalog {
    private final List<ToolSource> sources;

    @Inject
    public ToolCatalog(Instance<ToolSource> beans) {
        this(beans.stream().toList());
    }

    public ToolCatalog(List<ToolSource> sources) {
        this.sources = sources;
    }

    public Uni<List<ToolFunction>> functions(ToolRequest request) {
        if (request.toolIds().isEmpty() || sources.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<ToolFunction>>> asked = sources.stream().map(source -> source.functions(request)).toList();
        return Uni.combine().all().unis(asked).with(lists -> {
            List<ToolFunction> all = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Object list : lists) {
                for (Object function : (List<?>) list) {
                    ToolFunction tool = (ToolFunction) function;
                    if (names.add(tool.name())) {
                        all.add(tool);
                    }
                }
            }
            return all;
        });
    }
}
