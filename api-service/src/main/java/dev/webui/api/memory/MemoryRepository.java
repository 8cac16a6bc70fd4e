package dev.webui.api.memory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The memory table's plain CRUD through Panache; every statement is scoped to the owner. */
@ApplicationScoped
public class MemoryRepository implements PanacheRepositoryBase<MemoryEntity, String> {

    @WithSession
    public Uni<List<Memory>> ofUser(String userId) {
        return list("userId = ?1 order by createdAt, id", userId)
                .map(rows -> rows.stream().map(MemoryEntity::toMemory).toList());
    }

    @WithTransaction
    public Uni<Void> insert(Memory memory) {
        return persist(MemoryEntity.of(memory)).replaceWithVoid();
    }

    /** The changed memory, or null when the user has none with this id. */
    @WithTransaction
    public Uni<Memory> update(String userId, String id, String content, long now) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult().map(entity -> {
            if (entity == null) {
                return null;
            }
            entity.content = content;
            entity.updatedAt = now;
            return entity.toMemory();
        });
    }

    @WithTransaction
    public Uni<Boolean> deleteOwned(String userId, String id) {
        return delete("id = ?1 and userId = ?2", id, userId).map(count -> count == 1);
    }

    @WithTransaction
    public Uni<Void> deleteAllOf(String userId) {
        return delete("userId", userId).replaceWithVoid();
    }
}
