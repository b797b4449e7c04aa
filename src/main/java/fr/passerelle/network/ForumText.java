package fr.passerelle.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A forum post's Markdown as HTML that runs nothing: commonmark renders it with raw HTML escaped and
 * unsafe link schemes dropped, then jsoup keeps only a safelist of elements and attributes (links to
 * http, https and mailto, with {@code rel="nofollow noopener"}). The HTML is kept with the post and
 * printed as is; the content security policy forbids inline scripts besides.
 *
 * <p>Mentions: an {@code @login} in the text (not in code or a link) whose login is known becomes a
 * {@code <span class="mention">} built here as an element with its text (never parsed markup), and
 * the result goes through the safelist again. Raw HTML being escaped, no other span can reach it.
 */
final class ForumText {

    /** At most this many names of a post are looked up. */
    static final int MENTIONS_MAX = 20;

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).softbreak("<br>").build();
    private static final Safelist SAFE = Safelist.basic().addTags("h3", "h4", "h5", "h6", "hr", "span")
            .addAttributes("span", "class")
            .addAttributes("a", "rel").removeEnforcedAttribute("a", "rel").addEnforcedAttribute("a", "rel", "nofollow noopener");
    /** An @ then a login name (3 to 100 of the characters logins use, ending with a letter, digit or _), not inside a word or an address. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9._+@-])@([A-Za-z0-9._+-]{2,99}[A-Za-z0-9_])");
    private static final Set<String> NOT_MENTIONS_IN = Set.of("a", "code", "pre");

    private ForumText() {}

    /** The post's HTML, safe to print, without mentions. */
    static String html(String markdown) {
        return html(markdown, Set.of());
    }

    /** The post's HTML, safe to print, the {@code known} logins (lower case) after an @ shown as mentions. */
    static String html(String markdown, Set<String> known) {
        Document document = cleaned(markdown);
        if (!known.isEmpty()) {
            for (TextNode text : mentionable(document)) {
                highlight(text, known);
            }
        }
        return Jsoup.clean(document.body().html(), "", SAFE, output());
    }

    /** The login names (lower case, the first {@link #MENTIONS_MAX}) written after an @ in the post's text. */
    static Set<String> mentioned(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        for (TextNode text : mentionable(cleaned(markdown))) {
            Matcher m = MENTION.matcher(text.getWholeText());
            while (m.find() && names.size() < MENTIONS_MAX) {
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** A post quoted in a reply: each line after "> ", under who wrote it. */
    static String quote(String author, String markdown) {
        StringBuilder quoted = new StringBuilder("> **").append(author.replace("*", "")).append("** :\n");
        for (String line : markdown.split("\\R")) {
            quoted.append("> ").append(line).append('\n');
        }
        return quoted.append('\n').toString();
    }

    private static Document cleaned(String markdown) {
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown))));
        clean.outputSettings(output());
        return clean;
    }

    private static Document.OutputSettings output() {
        return new Document.OutputSettings().prettyPrint(false);
    }

    /** The text of the post where a mention may be: not in a link, nor in code. */
    private static List<TextNode> mentionable(Document document) {
        List<TextNode> texts = new ArrayList<>();
        for (Element element : document.body().getAllElements()) {
            if (NOT_MENTIONS_IN.contains(element.normalName())
                    || element.parents().stream().anyMatch(p -> NOT_MENTIONS_IN.contains(p.normalName()))) {
                continue;
            }
            texts.addAll(element.textNodes());
        }
        return texts;
    }

    private static void highlight(TextNode text, Set<String> known) {
        String whole = text.getWholeText();
        Matcher m = MENTION.matcher(whole);
        int last = 0;
        while (m.find()) {
            if (!known.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (m.start() > last) {
                text.before(new TextNode(whole.substring(last, m.start())));
            }
            text.before(new Element("span").addClass("mention").text(m.group()));
            last = m.end();
        }
        if (last > 0) {
            if (last < whole.length()) {
                text.before(new TextNode(whole.substring(last)));
            }
            text.remove();
        }
    }
}
