package dev.webui.files.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Search engines and a small web site on one loopback port (TCP_NODELAY), speaking the engines'
 * real wire formats: SearXNG's JSON API at /searxng/search (query "boom" answers 500, "stall"
 * never answers), Brave's API at /brave/res/v1/web/search (key "brave-key"), and pages at
 * /page/{name} (HTML with a script that must not be extracted), /redirect?to=..., /file.pdf. Queries
 * starting with "bench" find five pages of about 50 KB at /big/1..5 (bench/websearch).
 */
public final class FakeWeb implements AutoCloseable {
    public static final String BRAVE_KEY = "brave-key";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    /** Every path the site was asked for (not the engines). */
    public final List<String> pagesServed = new CopyOnWriteArrayList<>();
    public final List<String> searxngQueries = new CopyOnWriteArrayList<>();

    public FakeWeb() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    /** A page's URL on the numeric loopback host. */
    public String page(String name) {
        return "http://127.0.0.1:" + port() + "/page/" + name;
    }

    public String base() {
        return "http://127.0.0.1:" + port();
    }

    public static String text(String name) {
        return "The " + name + " facts: " + name + " rivers carry " + name + " sediment to the sea.";
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/searxng/search")) {
            searxng(request);
        } else if (path.equals("/brave/res/v1/web/search")) {
            brave(request);
        } else {
            pagesServed.add(path);
            site(request);
        }
    }

    private void searxng(HttpServerRequest request) {
        String q = request.getParam("q");
        searxngQueries.add(q);
        if ("stall".equals(q)) {
            return;
        }
        if (q != null && q.startsWith("bench")) {
            JsonArray pages = new JsonArray();
            for (int i = 1; i <= 5; i++) {
                pages.add(hit(base() + "/big/" + i, "Big " + i, "big page " + i).put("score", 1.0 - i / 10.0));
            }
            json(request, new JsonObject().put("query", q).put("results", pages));
            return;
        }
        if ("boom".equals(q) || !"json".equals(request.getParam("format"))) {
            request.response().setStatusCode(500).end("engine exploded");
            return;
        }
        JsonArray results = new JsonArray()
                .add(hit(page("alpha"), "Alpha", "alpha snippet").put("score", 0.2))
                .add(hit(page("beta"), "Beta", "beta snippet").put("score", 0.9))
                .add(hit("http://localhost:" + port() + "/page/gamma", "Gamma", "gamma snippet").put("score", 0.5));
        json(request, new JsonObject().put("query", q).put("results", results));
    }

    private void brave(HttpServerRequest request) {
        if (!BRAVE_KEY.equals(request.getHeader("X-Subscription-Token"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid subscription token").encode());
            return;
        }
        JsonArray results = new JsonArray()
                .add(new JsonObject().put("url", page("delta")).put("title", "Delta").put("description", "delta snippet"));
        json(request, new JsonObject().put("web", new JsonObject().put("results", results)));
    }

    private void site(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/redirect")) {
            request.response().setStatusCode(302).putHeader("Location", request.getParam("to")).end();
        } else if (path.equals("/file.pdf")) {
            request.response().putHeader("Content-Type", "application/pdf").end("%PDF-1.4");
        } else if (path.startsWith("/big/")) {
            request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(bigPage(path.substring(5)));
        } else if (path.startsWith("/page/")) {
            String name = path.substring(6);
            request.response().putHeader("Content-Type", "text/html; charset=utf-8").end("<!doctype html><html lang=\"en\"><head>"
                    + "<title>Page " + name + "</title><meta name=\"description\" content=\"About " + name + "\">"
                    + "<style>body{color:red}</style></head><body><script>var hidden = 'SCRIPT-TEXT';</script>"
                    + "<h1>" + name + "</h1><p>" + text(name) + "</p><ul><li>first</li><li>second</li></ul></body></html>");
        } else {
            request.response().setStatusCode(404).end("not found");
        }
    }

    /** About 50 KB of HTML: paragraphs of varied words, so chunks differ. */
    static String bigPage(String name) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Big " + name + "</title></head><body>");
        String[] words = {"river", "delta", "sediment", "basin", "flood", "estuary", "current", "valley", "channel", "erosion"};
        for (int p = 0; html.length() < 50_000; p++) {
            html.append("<p>Paragraph ").append(p).append(" of page ").append(name).append(':');
            for (int w = 0; w < 60; w++) {
                html.append(' ').append(words[(p * 7 + w * 3) % words.length]).append(w % 9 == 0 ? "." : "");
            }
            html.append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static JsonObject hit(String url, String title, String content) {
        return new JsonObject().put("url", url).put("title", title).put("content", content);
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
