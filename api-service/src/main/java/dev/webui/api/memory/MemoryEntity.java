package dev.webui.api.memory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the memory table (ids are text, times epoch seconds). */
@Entity
@Table(name = "memory")
public class MemoryEntity {
    @Id
    public String id;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(nullable = false)
    public String content;
    @Column(name = "created_at", nullable = false)
    public long createdAt;
    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    static MemoryEntity of(Memory memory) {
        MemoryEntity entity = new MemoryEntity();
        entity.id = memory.id();
        entity.userId = memory.userId();
        entity.content = memory.content();
        entity.createdAt = memory.createdAt();
        entity.updatedAt = memory.updatedAt();
        return entity;
    }

    Memory toMemory() {
        return new Memory(id, userId, content, updatedAt, createdAt);
    }
}
