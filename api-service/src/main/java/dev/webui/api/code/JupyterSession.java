package dev.webui.api.code;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One caller's conversation with a Jupyter server over its REST API: the credentials (a token in
 * the Authorization header, or a password login whose cookies and XSRF token go with every later
 * request, as Jupyter requires for cookie sessions) and one kernel's life.
 */
final class JupyterSession {
    private static final int MAX_BODY = 64 * 1024;

    private final HttpClient http;
    private final JupyterTarget target;
    private final long timeoutMillis;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String xsrf;
    private String kernelId;

    JupyterSession(HttpClient http, JupyterTarget target) {
        this.http = http;
        this.target = target;
        this.timeoutMillis = target.effectiveTimeoutSeconds() * 1000L;
    }

    String kernelId() {
        return kernelId;
    }

    /** Logs in with the password when the target uses one; a token needs no round trip. */
    Future<Void> signIn() {
        String password = target.passwordOrNull();
        if (password == null || target.tokenOrNull() != null) {
            return Future.succeededFuture();
        }
        return send(HttpMethod.GET, "login", null, null).compose(login -> {
            keepCookies(login.headers());
            xsrf = cookies.get("_xsrf");
            if (xsrf == null) {
                return Future.failedFuture(new JupyterFault("Jupyter sent no _xsrf cookie on its login page"));
            }
            String form = "_xsrf=" + encode(xsrf) + "&password=" + encode(password);
            return send(HttpMethod.POST, "login", form, "application/x-www-form-urlencoded");
        }).compose(answer -> {
            keepCookies(answer.headers());
            // a successful login redirects; a wrong password shows the login page again
            return answer.statusCode() / 100 == 3 ? Future.<Void>succeededFuture()
                    : Future.failedFuture(new JupyterFault("Jupyter refused the password (HTTP " + answer.statusCode() + ")"));
        });
    }

    Future<String> startKernel() {
        return send(HttpMethod.POST, "api/kernels", "{}", "application/json").compose(answer -> {
            if (answer.statusCode() / 100 != 2) {
                return Future.failedFuture(refused("start a kernel", answer));
            }
            try {
                kernelId = new JsonObject(answer.body()).getString("id");
            } catch (RuntimeException notJson) {
                kernelId = null;
            }
            return kernelId == null ? Future.failedFuture(new JupyterFault("Jupyter started a kernel without an id"))
                    : Future.succeededFuture(kernelId);
        });
    }

    Future<Void> interruptKernel() {
        return kernelId == null ? Future.succeededFuture()
                : send(HttpMethod.POST, "api/kernels/" + kernelId + "/interrupt", "{}", "application/json").mapEmpty();
    }

    Future<Void> deleteKernel() {
        if (kernelId == null) {
            return Future.succeededFuture();
        }
        return send(HttpMethod.DELETE, "api/kernels/" + kernelId, null, null).compose(answer ->
                answer.statusCode() / 100 == 2 || answer.statusCode() == 404 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(refused("delete kernel " + kernelId, answer)));
    }

    /** The headers the channels websocket needs: the same credentials as the REST calls. */
    MultiMap credentials() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        String token = target.tokenOrNull();
        if (token != null) {
            headers.add(HttpHeaders.AUTHORIZATION, "token " + token);
        }
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            headers.add(HttpHeaders.COOKIE, cookie.toString());
        }
        if (xsrf != null) {
            headers.add("X-XSRFToken", xsrf);
        }
        return headers;
    }

    /** The websocket URL of the kernel's channels. */
    String channelsUrl() {
        String base = target.base();
        String ws = base.startsWith("https://") ? "wss://" + base.substring(8) : "ws://" + base.substring(7);
        return ws + "api/kernels/" + kernelId + "/channels";
    }

    /** A request whose answer is read whole (bounded); fails with a {@link JupyterFault} when the server is unreachable. */
    private Future<Answer> send(HttpMethod method, String path, String body, String contentType) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(target.base() + path)
                .setIdleTimeout(timeoutMillis).setFollowRedirects(false);
        options.setHeaders(credentials());
        if (contentType != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(this::read)
                .recover(error -> Future.failedFuture(JupyterFault.of(target.url(), error)));
    }

    private Future<Answer> read(HttpClientResponse response) {
        Buffer collected = Buffer.buffer();
        Promise<Answer> done = Promise.promise();
        response.handler(chunk -> {
            if (collected.length() < MAX_BODY) {
                collected.appendBuffer(chunk.length() + collected.length() > MAX_BODY
                        ? chunk.getBuffer(0, MAX_BODY - collected.length()) : chunk);
            }
        });
        response.exceptionHandler(done::tryFail);
        response.endHandler(v -> done.tryComplete(new Answer(response.statusCode(), response.headers(), collected)));
        return done.future();
    }

    private void keepCookies(MultiMap headers) {
        for (String setCookie : headers.getAll(HttpHeaders.SET_COOKIE)) {
            int end = setCookie.indexOf(';');
            String pair = end < 0 ? setCookie : setCookie.substring(0, end);
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    private static JupyterFault refused(String what, Answer answer) {
        String message = answer.body().toString(StandardCharsets.UTF_8);
        try {
            message = new JsonObject(answer.body()).getString("message", message);
        } catch (RuntimeException notJson) {
            // the raw text says it
        }
        return new JupyterFault("Jupyter could not " + what + " (HTTP " + answer.statusCode() + "): "
                + message.substring(0, Math.min(300, message.length())));
    }

    static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Answer(int statusCode, MultiMap headers, Buffer body) {
    }
}
