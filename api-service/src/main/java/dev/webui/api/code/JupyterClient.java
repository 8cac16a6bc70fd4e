package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs Python on a Jupyter server: signs in, starts a kernel, sends one {@code execute_request} on
 * the kernel's channels websocket and collects its output until the kernel is idle again or the
 * target's timeout passes; then interrupts (when cut short) and deletes the kernel, whatever happened.
 * Fails with a {@link JupyterFault} when the server cannot be used (504 when it does not answer in
 * time); code still running at the timeout is an answer ({@link CodeOutput#timedOut()}) with what
 * it printed until then.
 */
@ApplicationScoped
public class JupyterClient {
    private static final Logger LOG = Logger.getLogger(JupyterClient.class);
    /** A whole message of the channels socket: an image result is one message. */
    private static final int MAX_MESSAGE = 8 * 1024 * 1024;
    /** How often a running execution looks whether its answer was stopped. */
    private static final long STOP_CHECK_MILLIS = 250;

    private final Vertx vertx;
    private final ObjectMapper json;
    private final HttpClient http;
    private final WebSocketClient websockets;

    public JupyterClient(Vertx vertx, ObjectMapper json) {
        this.vertx = vertx;
        this.json = json;
        this.http = vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000));
        this.websockets = vertx.createWebSocketClient(new WebSocketClientOptions().setTcpNoDelay(true)
                .setConnectTimeout(10_000).setMaxMessageSize(MAX_MESSAGE).setMaxFrameSize(MAX_MESSAGE));
    }

    @PreDestroy
    void close() {
        http.close();
        websockets.close();
    }

    public Uni<CodeOutput> run(JupyterTarget target, String code) {
        return run(target, code, () -> false);
    }

    /**
     * Like {@link #run(JupyterTarget, String)}; once {@code stopped} says so (the user stopped the
     * answer), the kernel is interrupted and deleted and the run fails with a {@link CancellationException}.
     */
    public Uni<CodeOutput> run(JupyterTarget target, String code, BooleanSupplier stopped) {
        if (!target.configured()) {
            return Uni.createFrom().failure(new JupyterFault("No Jupyter URL is configured"));
        }
        return Uni.createFrom().completionStage(() -> runOnce(target, code, stopped).toCompletionStage());
    }

    private Future<CodeOutput> runOnce(JupyterTarget target, String code, BooleanSupplier stopped) {
        JupyterSession session = new JupyterSession(http, target);
        Future<CodeOutput> run = session.signIn()
                .compose(v -> session.startKernel())
                .compose(kernel -> execute(session, target, code, stopped));
        return run.transform(outcome -> {
            boolean cutShort = outcome.failed() || outcome.result().timedOut();
            Future<Void> stop = cutShort ? session.interruptKernel().otherwiseEmpty() : Future.succeededFuture();
            return stop.compose(v -> session.deleteKernel())
                    .otherwise(error -> {
                        LOG.warnf("Jupyter kernel %s was not deleted: %s", session.kernelId(), JupyterSession.describe(error));
                        return null;
                    })
                    .compose(v -> outcome.succeeded() ? Future.succeededFuture(outcome.result())
                            : Future.failedFuture(outcome.cause()));
        });
    }

    private Future<CodeOutput> execute(JupyterSession session, JupyterTarget target, String code, BooleanSupplier stopped) {
        String requestId = UUID.randomUUID().toString().replace("-", "");
        KernelOutput output = new KernelOutput(requestId);
        Promise<CodeOutput> done = Promise.promise();
        long timeoutMillis = target.effectiveTimeoutSeconds() * 1000L;
        long timer = vertx.setTimer(timeoutMillis, t -> done.tryComplete(output.finish(true)));
        long watch = vertx.setPeriodic(STOP_CHECK_MILLIS, t -> {
            if (stopped.getAsBoolean()) {
                done.tryFail(new CancellationException("The run was stopped"));
            }
        });
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(session.channelsUrl())
                .setHeaders(session.credentials()).setConnectTimeout(timeoutMillis);
        websockets.connect(options).onComplete(connected -> {
            if (connected.failed()) {
                done.tryFail(new JupyterFault("Jupyter's kernel channels could not be opened: "
                        + JupyterSession.describe(connected.cause())));
                return;
            }
            WebSocket socket = connected.result();
            done.future().onComplete(ended -> socket.close());
            socket.textMessageHandler(text -> {
                JsonNode message;
                try {
                    message = json.readTree(text);
                } catch (Exception notJson) {
                    return;
                }
                if (output.accept(message)) {
                    done.tryComplete(output.finish(false));
                }
            });
            socket.exceptionHandler(error -> done.tryFail(new JupyterFault("Jupyter's kernel channels failed: "
                    + JupyterSession.describe(error))));
            socket.closeHandler(v -> done.tryFail(new JupyterFault("Jupyter closed the kernel's channels before the code finished")));
            socket.writeTextMessage(executeRequest(requestId, code));
        });
        return done.future().onComplete(ended -> {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(watch);
        });
    }

    private String executeRequest(String requestId, String code) {
        ObjectNode message = json.createObjectNode();
        message.putObject("header").put("msg_id", requestId).put("msg_type", "execute_request")
                .put("username", "open-webui").put("session", UUID.randomUUID().toString().replace("-", ""))
                .put("date", "").put("version", "5.3");
        message.putObject("parent_header");
        message.putObject("metadata");
        message.putObject("content").put("code", code).put("silent", false).put("store_history", true)
                .put("allow_stdin", false).put("stop_on_error", true).putObject("user_expressions");
        message.put("channel", "shell");
        return message.toString();
    }
}
