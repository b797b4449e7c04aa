package fr.passerelle.network;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A forum post's Markdown as HTML that runs nothing: commonmark renders it with raw HTML escaped and
 * unsafe link schemes dropped, then jsoup keeps only a safelist of elements and attributes (links to
 * http, https and mailto, with {@code rel="nofollow noopener"}). The HTML is kept with the post and
 * printed as is; the content security policy forbids inline scripts besides.
 */
final class ForumText {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).softbreak("<br>").build();
    private static final Safelist SAFE = Safelist.basic().addTags("h3", "h4", "h5", "h6", "hr")
            .addAttributes("a", "rel").removeEnforcedAttribute("a", "rel").addEnforcedAttribute("a", "rel", "nofollow noopener");

    private ForumText() {}

    /** The post's HTML, safe to print. */
    static String html(String markdown) {
        String rendered = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(rendered, "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    /** A post quoted in a reply: each line after "> ", under who wrote it. */
    static String quote(String author, String markdown) {
        StringBuilder quoted = new StringBuilder("> **").append(author.replace("*", "")).append("** :\n");
        for (String line : markdown.split("\\R")) {
            quoted.append("> ").append(line).append('\n');
        }
        return quoted.append('\n').toString();
    }
}
