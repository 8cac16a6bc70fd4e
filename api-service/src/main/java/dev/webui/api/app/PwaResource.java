package dev.webui.api.app;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two documents the stock UI's page links to: the PWA manifest ({@code <link rel="manifest">})
 * and the OpenSearch description that lets a browser search chats from its address bar. Both carry
 * WEBUI_NAME; the site's address is the one the caller used.
 */
@Path("/")
@PermitAll
public class PwaResource {
    private final AppConfig app;

    public PwaResource(AppConfig app) {
        this.app = app;
    }

    @GET
    @Path("manifest.json")
    @Produces("application/json")
    public Map<String, Object> manifest() {
        String name = app.webuiName();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("short_name", name);
        manifest.put("description", name + " is an open, self-hosted interface for chatting with AI models.");
        manifest.put("start_url", "/");
        manifest.put("display", "standalone");
        manifest.put("background_color", "#343541");
        manifest.put("icons", List.of(icon("any"), icon("maskable")));
        return manifest;
    }

    private static Map<String, String> icon(String purpose) {
        return Map.of("src", "/static/logo.png", "type", "image/png", "sizes", "500x500", "purpose", purpose);
    }

    @GET
    @Path("opensearch.xml")
    @Produces("application/xml")
    public String openSearch(@Context UriInfo uri) {
        String site = uri.getBaseUri().toString().replaceAll("/$", "");
        String name = xml(app.webuiName());
        return """
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
                <ShortName>%1$s</ShortName>
                <Description>Search %1$s</Description>
                <InputEncoding>UTF-8</InputEncoding>
                <Image width="16" height="16" type="image/x-icon">%2$s/static/favicon.png</Image>
                <Url type="text/html" method="get" template="%2$s/?q={searchTerms}"/>
                <moz:SearchForm>%2$s</moz:SearchForm>
                </OpenSearchDescription>
                """.formatted(name, xml(site));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
