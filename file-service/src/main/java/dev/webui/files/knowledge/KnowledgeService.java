package dev.webui.files.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.files.config.FileLimitsConfig;
import dev.webui.files.db.Json;
import dev.webui.files.file.FileRepository;
import dev.webui.files.file.FileRow;
import dev.webui.files.file.FileService;
import dev.webui.files.file.ProcessingStatus;
import dev.webui.files.knowledge.KnowledgeModels.Knowledge;
import dev.webui.files.knowledge.KnowledgeModels.KnowledgeForm;
import dev.webui.files.knowledge.KnowledgeModels.UserSummary;
import dev.webui.files.processing.FileProcessor;
import dev.webui.files.retrieval.SettingsService;
import dev.webui.files.vector.ChunkStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Knowledge bases: access rules, their file lists and their vector collections (named by the knowledge id). */
@ApplicationScoped
public class KnowledgeService {
    static final String NOT_FOUND = "Knowledge base not found";

    private final KnowledgeRepository repository;
    private final FileRepository files;
    private final FileService fileService;
    private final ChunkStore chunks;
    private final SettingsService settings;
    private final FileProcessor processor;
    private final FileLimitsConfig limits;

    public KnowledgeService(KnowledgeRepository repository, FileRepository files, FileService fileService, ChunkStore chunks,
                            SettingsService settings, FileProcessor processor, FileLimitsConfig limits) {
        this.repository = repository;
        this.files = files;
        this.fileService = fileService;
        this.chunks = chunks;
        this.settings = settings;
        this.processor = processor;
        this.limits = limits;
    }

    public List<Knowledge> listReadable(AuthenticatedUser user) {
        return withUsers(repository.listReadable(user.id(), user.isAdmin()));
    }

    public List<Knowledge> listWritable(AuthenticatedUser user) {
        return withUsers(repository.listWritable(user.id(), user.isAdmin()));
    }

    public Knowledge create(AuthenticatedUser user, KnowledgeForm form) {
        if (!user.isAdmin() && !repository.permitted(user.id(), "workspace", "knowledge")) {
            throw new ApiException(401, "You do not have permission to create knowledge bases.");
        }
        if (form == null || form.name() == null || form.name().isBlank()) {
            throw ApiException.badRequest("name is required");
        }
        long now = Instant.now().getEpochSecond();
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.putArray("file_ids");
        KnowledgeRow row = new KnowledgeRow(UUID.randomUUID().toString(), user.id(), form.name().strip(),
                form.description() == null ? "" : form.description(), data, form.meta(),
                accessControl(user, form.accessControl()), now, now);
        repository.insert(row);
        return detail(row);
    }

    public Knowledge get(AuthenticatedUser user, String id) {
        return detail(readable(user, id));
    }

    public Knowledge update(AuthenticatedUser user, String id, KnowledgeForm form) {
        KnowledgeRow k = writable(user, id);
        if (form == null) {
            throw ApiException.badRequest("Expected a JSON object");
        }
        if (form.name() != null && form.name().isBlank()) {
            throw ApiException.badRequest("name must not be empty");
        }
        JsonNode access = user.isAdmin() || k.userId().equals(user.id()) ? accessControl(user, form.accessControl()) : k.accessControl();
        KnowledgeRow updated = new KnowledgeRow(k.id(), k.userId(), form.name() == null ? k.name() : form.name().strip(),
                form.description() == null ? k.description() : form.description(), k.data(),
                form.meta() == null ? k.meta() : form.meta(), access, k.createdAt(), Instant.now().getEpochSecond());
        repository.update(updated);
        return detail(updated);
    }

    public Knowledge addFile(AuthenticatedUser user, String id, String fileId) {
        writable(user, id);
        String problem = attach(user, id, fileId, waitDeadline());
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        return get(user, id);
    }

    public Knowledge addFiles(AuthenticatedUser user, String id, List<String> fileIds) {
        writable(user, id);
        Integer max = settings.current().fileMaxCount();
        if (max != null && fileIds.size() > max) {
            throw ApiException.badRequest("Too many files: at most " + max + " per batch (FILE_MAX_COUNT)");
        }
        List<String> warnings = new ArrayList<>();
        long deadline = waitDeadline();
        for (String fileId : fileIds) {
            String problem = attach(user, id, fileId, deadline);
            if (problem != null) {
                warnings.add(fileId + ": " + problem);
            }
        }
        Knowledge k = get(user, id);
        return new Knowledge(k.id(), k.userId(), k.name(), k.description(), k.data(), k.meta(), k.accessControl(),
                k.createdAt(), k.updatedAt(), k.files(), null, warnings.isEmpty() ? null : warnings);
    }

    public Knowledge updateFile(AuthenticatedUser user, String id, String fileId) {
        KnowledgeRow k = writable(user, id);
        if (fileId == null || !k.fileIds().contains(fileId)) {
            throw ApiException.badRequest("The file is not part of this knowledge base");
        }
        chunks.copyFile(fileId, id);
        return get(user, id);
    }

    public Knowledge removeFile(AuthenticatedUser user, String id, String fileId, boolean deleteFile) {
        KnowledgeRow k = writable(user, id);
        if (fileId == null || !k.fileIds().contains(fileId)) {
            throw ApiException.badRequest("The file is not part of this knowledge base");
        }
        chunks.removeFromCollection(id, fileId);
        repository.removeFileId(id, fileId, Instant.now().getEpochSecond());
        FileRow file = files.find(fileId).orElse(null);
        if (deleteFile && file != null && (user.isAdmin() || file.userId().equals(user.id()))) {
            fileService.delete(user, fileId);
        }
        return get(user, id);
    }

    public Knowledge reset(AuthenticatedUser user, String id) {
        KnowledgeRow k = writable(user, id);
        chunks.dropCollection(id);
        ObjectNode data = k.data() instanceof ObjectNode o ? o.deepCopy() : Json.MAPPER.createObjectNode();
        data.putArray("file_ids");
        repository.update(new KnowledgeRow(k.id(), k.userId(), k.name(), k.description(), data, k.meta(), k.accessControl(),
                k.createdAt(), Instant.now().getEpochSecond()));
        return get(user, id);
    }

    public void delete(AuthenticatedUser user, String id) {
        writable(user, id);
        chunks.dropCollection(id);
        repository.delete(id);
    }

    /**
     * Null when the file was attached, else why not. A file whose processing is still pending (the
     * stock UI adds a file right after uploading it) is finished first, until {@code deadline}.
     */
    private String attach(AuthenticatedUser user, String id, String fileId, long deadline) {
        FileRow file = fileId == null ? null : files.find(fileId).orElse(null);
        if (file == null || !(user.isAdmin() || file.userId().equals(user.id()))) {
            return "File not found";
        }
        if (ProcessingStatus.PENDING.equals(file.status())) {
            file = processor.finish(fileId, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))).orElse(null);
            if (file == null) {
                return "File not found";
            }
        }
        if (ProcessingStatus.PENDING.equals(file.status())) {
            return "The file is still being processed; add it again once its processing has completed";
        }
        if (ProcessingStatus.FAILED.equals(file.status())) {
            return "The file could not be processed: " + file.data().path("error").asText("unknown error");
        }
        if (!ProcessingStatus.COMPLETED.equals(file.status())) {
            return "The file has not been processed (it was uploaded with process=false); upload it again with processing";
        }
        chunks.copyFile(fileId, id);
        repository.addFileIds(id, List.of(fileId), Instant.now().getEpochSecond());
        return null;
    }

    private long waitDeadline() {
        return System.nanoTime() + Duration.ofSeconds(limits.fileProcessingWaitSeconds()).toNanos();
    }

    KnowledgeRow readable(AuthenticatedUser user, String id) {
        KnowledgeRow k = repository.find(id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        if (!repository.readable(id, user.id(), user.isAdmin())) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return k;
    }

    KnowledgeRow writable(AuthenticatedUser user, String id) {
        KnowledgeRow k = readable(user, id);
        if (!repository.writable(id, user.id(), user.isAdmin())) {
            throw new ApiException(401, "You may not change this knowledge base");
        }
        return k;
    }

    /** Without the public-sharing permission a user's "public" (null) base is made private, as Open WebUI does. */
    private JsonNode accessControl(AuthenticatedUser user, JsonNode requested) {
        boolean isPublic = requested == null || requested.isNull();
        if (isPublic && !user.isAdmin() && !repository.permitted(user.id(), "sharing", "public_knowledge")) {
            return Json.MAPPER.createObjectNode();
        }
        if (!isPublic && !requested.isObject()) {
            throw ApiException.badRequest("access_control must be an object or null");
        }
        return isPublic ? null : requested;
    }

    private Knowledge detail(KnowledgeRow k) {
        return new Knowledge(k.id(), k.userId(), k.name(), k.description(), k.data(), k.meta(), k.accessControl(),
                k.createdAt(), k.updatedAt(), repository.files(k.fileIds()), null, null);
    }

    private List<Knowledge> withUsers(List<KnowledgeRow> rows) {
        Map<String, UserSummary> users = repository.users(rows.stream().map(KnowledgeRow::userId).distinct().toList());
        return rows.stream().map(k -> new Knowledge(k.id(), k.userId(), k.name(), k.description(), k.data(), k.meta(),
                k.accessControl(), k.createdAt(), k.updatedAt(), repository.files(k.fileIds()), users.get(k.userId()), null)).toList();
    }
}
