package dev.webui.api.utils;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * Markdown to HTML with CommonMark (and GFM tables). Raw HTML in the text is escaped, not passed
 * through, so the result is safe to show; links with unsafe schemes ({@code javascript:}) are dropped.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    public static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }
}
